import { ObjectType } from 'type-graphql';
import { statusEffectiveAtSql } from '../../db/scene-sql';
import type { AsOf } from '../shared/as-of';
import type { Context } from '../shared/context';
import { createNestedPageLoader } from '../shared/nested-pagination';
import { orderingBy } from '../read/ordering';
import { createConnectionType, type ConnectionResult, type ForwardPageArgs } from '../shared/pagination';
import { SceneStatusChange } from './scene-status-change.entity';

@ObjectType()
export class SceneStatusChangeConnection extends createConnectionType(SceneStatusChange, 'SceneStatusChange') {}

/** A scene's status history is read oldest first: by the scene version each change produced. */
export const STATUS_HISTORY_ORDERING = orderingBy('OLDEST_FIRST', 'asc', ['scene_version', 'int']);

/**
 * A scene's status history, oldest first, a page at a time; every scene of the request in one
 * statement. With `asOf` (a scene read as it stood), the changes that had taken effect by then,
 * and had been recorded by `asOf.asRecordedAt`.
 */
export async function statusHistoryOf(
  ctx: Context,
  sceneId: string,
  args: ForwardPageArgs,
  count: boolean,
  asOf?: AsOf,
): Promise<ConnectionResult<SceneStatusChange>> {
  const moment = asOf ? [asOf.at, asOf.asRecordedAt] : null;
  const key = `status-history:${JSON.stringify([args.first, args.after, count, moment])}`;
  const loader = await ctx.loaders.lists(key, async () =>
    createNestedPageLoader(ctx.em, {
      table: 'scene_status_change',
      conditions: (alias, w) => [
        `${alias}.scene_id = p.parent_id`,
        ...(asOf ? [`${statusEffectiveAtSql(alias)} <= ${w.param(asOf.at, 'timestamptz')}`] : []),
        ...(asOf?.asRecordedAt ? [`${alias}.recorded_at <= ${w.param(asOf.asRecordedAt, 'timestamptz')}`] : []),
      ],
      ordering: STATUS_HISTORY_ORDERING,
      page: args,
      count,
      nodes: { load: (ids) => ctx.loaders.statusChangeById.loadMany(ids) as Promise<Array<SceneStatusChange | null | Error>> },
    }),
  );
  return loader.load(sceneId);
}
