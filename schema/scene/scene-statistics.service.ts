import type { EntityManager, QBFilterQuery } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../shared/errors';
import { SceneStatisticsGroupBy, type SceneStatisticsGroup } from './scene-statistics';
import type { SceneFilter } from './scene.inputs';
import { Scene } from './scene.entity';
import { sceneWhere } from './scene.service';

const GROUP_COLUMNS: Record<SceneStatisticsGroupBy, string> = {
  [SceneStatisticsGroupBy.STATUS]: 'status',
  [SceneStatisticsGroupBy.MUNICIPALITY]: 'municipality',
  [SceneStatisticsGroupBy.POLICE_AREA]: 'police_area',
};

/**
 * Scene counts and total area grouped by status, municipality or police area, as things stood
 * at `at` according to the status history: each scene has the status of its last change at or
 * before `at`; scenes with no change by then, or archived by then, are left out. A change the
 * sources give no date for counts from the start when it is the first, else from when it was recorded.
 * `filter.status` applies to the status at `at`; the other filters to the scene as it is now.
 */
export async function sceneStatistics(
  em: EntityManager,
  groupBy: SceneStatisticsGroupBy,
  at: Date,
  filter: SceneFilter | undefined,
): Promise<SceneStatisticsGroup[]> {
  if (at.getTime() > Date.now() + 60_000) throw new BadUserInputError(`at ${at.toISOString()} is in the future`, 'at');
  const where = await sceneWhere(em, { ...filter, status: undefined, includeArchived: true } as SceneFilter);
  const matching = em
    .createQueryBuilder(Scene, 'm')
    .select('m.id')
    .where(where as QBFilterQuery<Scene>)
    .getKnexQuery();
  const knex = em.getKnex();
  // Each scene's status at `at`: its last history row by then (one sorted pass over the history).
  const statusAt = knex.raw(
    `(select distinct on (h.scene_id) h.scene_id, h."to" as status from scene_status_change h
       where coalesce(h.changed_at, case when h.scene_version = 1 then '-infinity'::timestamptz else h.recorded_at end) <= ?
       order by h.scene_id, h.scene_version desc) as st`,
    [at],
  );
  const perScene = knex
    .select('s.municipality', 's.police_area', 's.area_square_meters', 'st.status')
    .from('scene as s')
    .join(statusAt, 'st.scene_id', 's.id')
    .whereIn('s.id', matching)
    .andWhere((q) => q.whereNull('s.archived_at').orWhere('s.archived_at', '>', at));
  const column = GROUP_COLUMNS[groupBy];
  let grouped = knex
    .select(
      knex.raw('?? as key', [column]),
      knex.raw('count(*)::int as count'),
      knex.raw('coalesce(sum(area_square_meters), 0)::float8 as "totalAreaSquareMeters"'),
    )
    .from(perScene.as('p'))
    .whereNotNull('status')
    .groupBy(column)
    .orderBy(column);
  if (filter?.status?.length) grouped = grouped.whereIn('status', filter.status);
  return em.execute<SceneStatisticsGroup[]>(grouped);
}
