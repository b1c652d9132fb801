import type { Context } from '../shared/context';
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

/** How an intervention (alias `x`) belongs to a parent (`p.parent_id`): code constants, never input. */
const PARENTS = {
  scene: (x: string) => `${x}.scene_id = p.parent_id`,
  agreement: (x: string) => `${x}.agreement_id = p.parent_id`,
  operator: (x: string) => `(${x}.owner_id = p.parent_id or ${takesPartSql(x, 'p.parent_id')})`,
} as const;

/** The parents of intervention lists: `sceneArea` is every intervention near a scene's area (db/spatial/proximity.ts). */
export type InterventionParent = keyof typeof PARENTS | 'sceneArea';

/**
 * A parent's page of interventions (a scene's, an agreement's, an operator's, or those located
 * near a scene's area): one loader per request and arguments, so that every parent of a list is
 * answered together. Row security decides, as everywhere, which interventions the caller sees.
 */
export async function interventionsUnder(
  ctx: Context,
  parent: InterventionParent,
  parentId: string,
  args: NestedInterventionArgs,
  count: boolean,
  fields: ReadonlySet<string>,
  withinMeters?: number,
): Promise<ConnectionResult<Intervention>> {
  const radius = parent === 'sceneArea' ? (withinMeters === 0 ? 0 : checkRadius(withinMeters!, 'withinMeters')) : undefined;
  const tie = (alias: string, w: SqlWriter) =>
    radius === undefined
      ? PARENTS[parent as keyof typeof PARENTS](alias)
      : nearSceneArea(alias, '(select s.area from scene s where s.id = p.parent_id)', radius, w);
  const key = `interventions:${parent}:${JSON.stringify([args.first, args.after, args.orderBy, args.filter ?? null, radius, count, [...fields].sort()])}`;
  const loader = await ctx.loaders.lists(key, async () => {
    const spatial = await validatedSpatialInputs(ctx.em, args.filter?.spatial);
    return createNestedPageLoader(ctx.em, {
      ...interventionListSource(args.filter, args.orderBy, spatial, tie),
      page: args,
      count,
      nodes: { rows: { columns: interventionColumns(fields), toNode: (row) => toIntervention(row as unknown as InterventionRow) } },
    });
  });
  return loader.load(parentId);
}
