import type { AsOf } from '../shared/as-of';
import type { Context } from '../shared/context';
import { scenesAsOfSql } from '../scene/scene-versions';
import type { SqlWriter } from '../../db/sql-writer';
import { createNestedPageLoader } from '../shared/nested-pagination';
import type { ConnectionResult } from '../shared/pagination';
import { nearSceneArea } from '../../db/spatial/proximity';
import { checkRadius } from '../spatial/spatial-filter';
import type { NestedInterventionArgs } from './intervention.connection';
import { Intervention } from './intervention.entity';
import { interventionColumns, toIntervention, type InterventionRow } from './intervention.rows';
import { validatedSpatialInputs } from '../spatial/spatial-filter';
import { interventionListSource, takesPartSql } from './intervention.repository';

/** How an intervention (alias `x`, a version row with `versions`) belongs to a parent (`p.parent_id`): code constants, never input. */
const PARENTS = {
  scene: (x: string) => `${x}.scene_id = p.parent_id`,
  agreement: (x: string) => `${x}.agreement_id = p.parent_id`,
  operator: (x: string, versions: boolean) => `(${x}.owner_id = p.parent_id or ${takesPartSql(x, 'p.parent_id', versions)})`,
} as const;

/** The parents of intervention lists: `sceneArea` is every intervention near a scene's area (db/spatial/proximity.ts). */
export type InterventionParent = keyof typeof PARENTS | 'sceneArea';

/**
 * A parent's page of interventions (a scene's, an agreement's, an operator's, or those located
 * near a scene's area): one loader per request and arguments, so that every parent of a list is
 * answered together. Row security decides, as everywhere, which interventions the caller sees.
 * With `asOf` (a parent read as it stood), the interventions as they stood then.
 */
export async function interventionsUnder(
  ctx: Context,
  parent: InterventionParent,
  parentId: string,
  args: NestedInterventionArgs,
  count: boolean,
  fields: ReadonlySet<string>,
  { withinMeters, asOf }: { withinMeters?: number; asOf?: AsOf } = {},
): Promise<ConnectionResult<Intervention>> {
  const radius = parent === 'sceneArea' ? (withinMeters === 0 ? 0 : checkRadius(withinMeters!, 'withinMeters')) : undefined;
  const scenes = asOf ? scenesAsOfSql(asOf) : 'scene';
  const tie = (alias: string, w: SqlWriter) =>
    radius === undefined
      ? PARENTS[parent as keyof typeof PARENTS](alias, !!asOf)
      : nearSceneArea(alias, `(select s.area from ${scenes} s where s.id = p.parent_id)`, radius, w);
  const moment = asOf ? [asOf.at, asOf.asRecordedAt] : null;
  const key = `interventions:${parent}:${JSON.stringify([args.first, args.after, args.orderBy, args.filter ?? null, radius, count, [...fields].sort(), moment])}`;
  const loader = await ctx.loaders.lists(key, async () => {
    const spatial = await validatedSpatialInputs(ctx.em, args.filter?.spatial);
    return createNestedPageLoader(ctx.em, {
      ...interventionListSource(args.filter, args.orderBy, spatial, tie, asOf),
      page: args,
      count,
      nodes: asOf
        ? { load: (ids) => ctx.loaders.interventionAsOf(asOf).loadMany(ids) }
        : { rows: { columns: interventionColumns(fields), toNode: (row) => toIntervention(row as unknown as InterventionRow) } },
    });
  });
  return loader.load(parentId);
}
