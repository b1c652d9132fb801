import { notArchivedSql } from '../../db/scene-sql';
import { isoMomentSql, literal, SqlWriter } from '../../db/sql-writer';
import type { Crs } from '../../db/spatial/crs';
import { exportFeaturesSql, MAP_LAYERS, type ExportRow, type ExportShape } from '../../db/spatial/features';
import type { Geometry } from '../../db/spatial/geojson';
import { geometryParam } from '../../db/spatial/geometry-input';
import { distanceMetersSql, nearestScenesSql, withinMetersSql, type DistanceRow } from '../../db/spatial/proximity';
import { orderingBy, type Ordering } from '../read/ordering';
import type { PageSource } from '../read/page';
import { VersionedRepository } from '../shared/base.repository';
import { escapeLike } from '../shared/conditions';
import { BadUserInputError } from '../shared/errors';
import { paginate, type ConnectionResult, type PageArgs } from '../shared/pagination';
import { spatialConditionsSql, validatedSpatialInputs, type SpatialInputs } from '../spatial/spatial-filter';
import { SceneStatisticsGroupBy, type SceneStatisticsGroup } from './scene-statistics';
import type { SceneStatus } from './scene-status';
import type { Scene } from './scene.entity';
import { SceneOrderBy, type SceneFilter } from './scene.inputs';
import { checkNotFuture, type AsOf } from '../shared/as-of';
import { TrendInterval } from './trend-interval';
import type { SceneAreaTrendPoint } from './scene-version.type';
import { scenesAsOfSql, trendMomentsSql, versionColumnsSql, type VersionRow } from './scene-versions';

/**
 * The SQL of scenes: their filters and orderings, lists, nearest, statistics and displacement.
 * The builders are exported because the compiled read path (scene.read.ts) writes the same
 * conditions, orderings and statistics into its own statements.
 */
export class SceneRepository extends VersionedRepository<Scene> {
  /**
   * A page of the scenes matching `filter` (validated: INVALID_GEOMETRY, BAD_USER_INPUT), counted
   * only when `count`; the nodes come from `load` (the request's loader).
   */
  async findPage(
    filter: SceneFilter | undefined,
    orderBy: SceneOrderBy,
    page: PageArgs,
    count: boolean,
    load: (ids: readonly string[]) => Promise<Array<Scene | null | Error>>,
  ): Promise<ConnectionResult<Scene>> {
    const spatial = await validatedSpatialInputs(this.em, filter?.spatial);
    return paginate(this.em, sceneListSource(filter, orderBy, spatial), page, count, load);
  }

  /**
   * The ids and distances of the `limit` scenes matching `filter` nearest to `point` (WGS 84),
   * nearest first; with `asOf`, the scenes as they stood then.
   */
  async findNearest(point: Geometry, limit: number, filter: SceneFilter | undefined, asOf?: AsOf): Promise<DistanceRow[]> {
    if (asOf) checkNotFuture(asOf);
    const spatial = await validatedSpatialInputs(this.em, filter?.spatial);
    const w = new SqlWriter('positional');
    const conditions = (alias: string) => sceneConditionsSql(filter, alias, spatial, w);
    const sql = nearestScenesSql(geometryParam(point, w), limit, conditions, asOf ? scenesAsOfSql(asOf) : 'scene');
    return this.em.execute<DistanceRow[]>(`select id, distance from (${sql}) n`, w.values as never);
  }

  /**
   * Every scene matching `filter` (validated) as a map feature (db/spatial/features.ts) in `crs`,
   * by name; with `asOf`, the scenes as they stood then.
   */
  async exportFeatures(filter: SceneFilter | undefined, crs: Crs, shape: ExportShape, asOf?: AsOf): Promise<ExportRow[]> {
    if (asOf) checkNotFuture(asOf);
    const spatial = await validatedSpatialInputs(this.em, filter?.spatial);
    const w = new SqlWriter('positional');
    const conditions = sceneConditionsSql(filter, 't', spatial, w);
    const layer = asOf ? { ...MAP_LAYERS.scenes, table: scenesAsOfSql(asOf) } : MAP_LAYERS.scenes;
    const sql = exportFeaturesSql(layer, { crs, shape, conditions, orderBy: 't.name, t.id' });
    return this.em.execute<ExportRow[]>(sql, w.values as never);
  }

  /** Scene counts and total area per group, ordered by key (see sceneStatisticsSql). */
  async statistics(
    groupBy: SceneStatisticsGroupBy,
    asOf: AsOf | undefined,
    filter: SceneFilter | undefined,
  ): Promise<SceneStatisticsGroup[]> {
    const spatial = await validatedSpatialInputs(this.em, filter?.spatial);
    const w = new SqlWriter('positional');
    const sql = sceneStatisticsSql(groupBy, asOf, filter, spatial, w);
    return this.em.execute<SceneStatisticsGroup[]>(
      `select key, count, total as "totalAreaSquareMeters" from (${sql}) g order by key`,
      w.values as never,
    );
  }

  /** The trend of counts and total areas, by moment then key (see sceneAreaTrendSql). */
  async areaTrend(
    groupBy: SceneStatisticsGroupBy,
    from: Date,
    to: Date,
    interval: TrendInterval,
    filter: SceneFilter | undefined,
  ): Promise<SceneAreaTrendPoint[]> {
    const spatial = await validatedSpatialInputs(this.em, filter?.spatial);
    const w = new SqlWriter('positional');
    const sql = sceneAreaTrendSql(groupBy, from, to, interval, filter, spatial, w);
    const rows = await this.em.execute<Array<Omit<SceneAreaTrendPoint, 'at'> & { at: string }>>(
      `select ${isoMomentSql('t.at')} as at, key, count, total as "totalAreaSquareMeters" from (${sql}) t order by t.at, key`,
      w.values as never,
    );
    return rows.map((row) => ({ ...row, at: new Date(row.at) }));
  }

  /** Every version of the given scenes, oldest first. */
  findVersions(sceneIds: readonly string[]): Promise<VersionRow[]> {
    return this.em.execute<VersionRow[]>(
      `select ${versionColumnsSql('v')} from scene_version v where v.id = any(array[?]::uuid[]) order by v.id, v.version`,
      [sceneIds as string[]],
    );
  }

  /** The given scenes as they stood at `asOf` (absent: not registered then). */
  findAsOf(sceneIds: readonly string[], asOf: AsOf): Promise<VersionRow[]> {
    checkNotFuture(asOf);
    return this.em.execute<VersionRow[]>(
      `select ${versionColumnsSql('v')} from ${scenesAsOfSql(asOf)} v where v.id = any(array[?]::uuid[])`,
      [sceneIds as string[]],
    );
  }

  /** A page of the scenes matching `filter` as they stood at `asOf` (see findPage); nodes from `load`. */
  async findPageAsOf(
    filter: SceneFilter | undefined,
    orderBy: SceneOrderBy,
    page: PageArgs,
    count: boolean,
    asOf: AsOf,
    load: (ids: readonly string[]) => Promise<Array<Scene | null | Error>>,
  ): Promise<ConnectionResult<Scene>> {
    checkNotFuture(asOf);
    const spatial = await validatedSpatialInputs(this.em, filter?.spatial);
    return paginate(this.em, { ...sceneListSource(filter, orderBy, spatial), table: scenesAsOfSql(asOf) }, page, count, load);
  }

  /**
   * Pairs (origin, scene): the origin left ACTIVE, and within `withinDays` after that the other
   * scene, within `radius` metres of the origin's area, became ACTIVE or EMERGING. Only dated
   * history rows take part. Newest first, then nearest. Checked by the caller: the radius and window.
   * With `asOf`: the changes known then, the scenes' areas as they then stood.
   */
  async findDisplacementCandidates(radius: number, withinDays: number, asOf?: AsOf): Promise<DisplacementRow[]> {
    if (asOf) checkNotFuture(asOf);
    const scenes = asOf ? scenesAsOfSql(asOf) : 'scene';
    // as things stood at `asOf`: the changes that had taken effect (and been recorded) by then
    const known = (h: string) =>
      asOf
        ? `and ${h}.changed_at <= ${literal(asOf.at.toISOString())}::timestamptz` +
          (asOf.asRecordedAt ? ` and ${h}.recorded_at <= ${literal(asOf.asRecordedAt.toISOString())}::timestamptz` : '')
        : '';
    // Moments as epoch milliseconds: raw rows carry PostgreSQL's text form, which is not RFC 3339.
    const rows = await this.em.execute<
      Array<Omit<DisplacementRow, 'becameAt' | 'originLeftAt'> & { becameAtMs: number; originLeftAtMs: number }>
    >(
      `select arrived.scene_id as "sceneId", arrived."to" as became, arrived."from" as "becameFrom",
              extract(epoch from arrived.changed_at) * 1000 as "becameAtMs",
              departed.scene_id as "originId", departed."to" as "originLeftTo", extract(epoch from departed.changed_at) * 1000 as "originLeftAtMs",
              ${distanceMetersSql('origin.area', 'scene.area')} as "distanceMeters",
              extract(epoch from arrived.changed_at - departed.changed_at) / 86400.0 as "daysBetween"
         from scene_status_change departed
         join ${scenes} origin on origin.id = departed.scene_id
         join scene_status_change arrived
           on arrived.scene_id <> departed.scene_id
          and arrived."to" in ('ACTIVE', 'EMERGING')
          and arrived.changed_at >= departed.changed_at
          and arrived.changed_at <= departed.changed_at + make_interval(secs => ? * 86400) ${known('arrived')}
         join ${scenes} scene on scene.id = arrived.scene_id and ${notArchivedSql('scene')}
        where departed."from" = 'ACTIVE' and departed.changed_at is not null ${known('departed')}
          and ${withinMetersSql('origin.area', 'scene.area', '?')}
        order by arrived.changed_at desc, "distanceMeters", arrived.scene_id`,
      [withinDays, radius],
    );
    return rows.map(({ becameAtMs, originLeftAtMs, ...row }) => ({
      ...row,
      becameAt: new Date(Number(becameAtMs)),
      originLeftAt: new Date(Number(originLeftAtMs)),
    }));
  }
}

/** A displacement pair by ids, as `findDisplacementCandidates` reads it. */
export interface DisplacementRow {
  sceneId: string;
  became: SceneStatus;
  becameFrom: SceneStatus | null;
  becameAt: Date;
  originId: string;
  originLeftTo: SceneStatus;
  originLeftAt: Date;
  distanceMeters: number;
  daysBetween: number;
}

/** How scene lists are ordered, for both read paths and the cursors they give. */
export const SCENE_ORDERINGS: Record<SceneOrderBy, Ordering> = {
  [SceneOrderBy.NAME_ASC]: orderingBy(SceneOrderBy.NAME_ASC, 'asc', ['name', 'text']),
  [SceneOrderBy.NAME_DESC]: orderingBy(SceneOrderBy.NAME_DESC, 'desc', ['name', 'text']),
  [SceneOrderBy.CREATED_AT_DESC]: orderingBy(SceneOrderBy.CREATED_AT_DESC, 'desc', ['created_at', 'timestamptz']),
  [SceneOrderBy.UPDATED_AT_DESC]: orderingBy(SceneOrderBy.UPDATED_AT_DESC, 'desc', ['updated_at', 'timestamptz']),
  [SceneOrderBy.MUNICIPALITY_ASC]: orderingBy(SceneOrderBy.MUNICIPALITY_ASC, 'asc', ['municipality', 'text'], ['name', 'text']),
};

/**
 * The scenes matching `filter` in `orderBy` order, as a list both read paths page through
 * (`spatial`: the filter's geometries, validated beforehand or folded into the statement).
 */
export function sceneListSource(filter: SceneFilter | undefined, orderBy: SceneOrderBy, spatial: SpatialInputs): PageSource {
  return { table: 'scene', conditions: (alias, w) => sceneConditionsSql(filter, alias, spatial, w), ordering: SCENE_ORDERINGS[orderBy] };
}

/**
 * The conditions of a SceneFilter on the scene row `alias`, for every read path (lists,
 * nearest, statistics, exports; compiled or resolved). Archived scenes are left out unless
 * `includeArchived`.
 * @throws BadUserInputError for a bad box or radius
 */
export function sceneConditionsSql(filter: SceneFilter | undefined, alias: string, spatial: SpatialInputs, w: SqlWriter): string[] {
  const conditions: string[] = [];
  if (!filter?.includeArchived) conditions.push(notArchivedSql(alias));
  if (filter?.status?.length) conditions.push(`${alias}.status = any(${w.array(filter.status, 'text')})`);
  if (filter?.municipality?.length) conditions.push(`${alias}.municipality = any(${w.array(filter.municipality, 'text')})`);
  if (filter?.policeArea?.length) conditions.push(`${alias}.police_area = any(${w.array(filter.policeArea, 'text')})`);
  if (filter?.district?.length) conditions.push(`${alias}.district = any(${w.array(filter.district, 'text')})`);
  if (filter?.nameContains) conditions.push(`${alias}.name ilike ${w.param(`%${escapeLike(filter.nameContains)}%`, 'text')}`);
  if (filter?.statArea) conditions.push(`${alias}.stat_areas @> ${w.array([filter.statArea], 'text')}`);
  return [...conditions, ...spatialConditionsSql(filter?.spatial, `${alias}.area`, spatial, w)];
}

/**
 * Scene statistics as rows `key`, `count`, `total`: the scenes as they are now, or with `asOf` as
 * they stood then (their versions: status, area, municipality… as they were; scenes registered
 * later or archived by then left out). Archived scenes are never counted. The filter applies to
 * the scenes as counted.
 * @throws BadUserInputError for a moment in the future, or a bad filter
 */
export function sceneStatisticsSql(
  groupBy: SceneStatisticsGroupBy,
  asOf: AsOf | undefined,
  filter: SceneFilter | undefined,
  spatial: SpatialInputs,
  w: SqlWriter,
): string {
  if (asOf) checkNotFuture(asOf);
  const key = `s.${GROUP_KEYS[groupBy]}`;
  const conditions = sceneConditionsSql({ ...filter, includeArchived: false } as SceneFilter, 's', spatial, w);
  return `select ${key} as key, count(*)::int as count, coalesce(sum(s.area_square_meters), 0)::float8 as total
            from ${asOf ? scenesAsOfSql(asOf) : 'scene'} s where ${conditions.map((c) => `(${c})`).join(' and ')} group by ${key}`;
}

/**
 * The trend of scene counts and total areas: for each moment from `from` to `to` every `interval`,
 * the scenes as they stood then (current knowledge), grouped; rows `at`, `key`, `count`, `total`.
 * Each moment finds its versions through the valid-time index.
 * @throws BadUserInputError for a span backwards, ending in the future, or of more than MAX_TREND_MOMENTS moments
 */
export function sceneAreaTrendSql(
  groupBy: SceneStatisticsGroupBy,
  from: Date,
  to: Date,
  interval: TrendInterval,
  filter: SceneFilter | undefined,
  spatial: SpatialInputs,
  w: SqlWriter,
): string {
  checkNotFuture({ at: to, asRecordedAt: null });
  if (to < from) throw new BadUserInputError(`to ${to.toISOString()} is before from ${from.toISOString()}`, 'to');
  const { step, months } = TREND_STEPS[interval];
  const count = Math.floor(((to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth()) / months) + 1;
  if (count > MAX_TREND_MOMENTS) {
    throw new BadUserInputError(
      `from ${from.toISOString()} to ${to.toISOString()} by ${interval} is ${count} moments; at most ${MAX_TREND_MOMENTS}`,
      'to',
    );
  }
  const moments = trendMomentsSql(from, to, step, w);
  const conditions = sceneConditionsSql({ ...filter, includeArchived: false } as SceneFilter, 's', spatial, w);
  const key = `s.${GROUP_KEYS[groupBy]}`;
  return `select m.at, ${key} as key, count(*)::int as count, coalesce(sum(s.area_square_meters), 0)::float8 as total
            from ${moments} m(at) join scene_version s on tstzrange(s.valid_from, s.valid_to) @> m.at
           where ${conditions.map((c) => `(${c})`).join(' and ')}
           group by m.at, ${key}`;
}

/** At most this many moments in a trend (ten years of months). */
const MAX_TREND_MOMENTS = 121;

// Private:

const GROUP_KEYS: Record<SceneStatisticsGroupBy, string> = {
  [SceneStatisticsGroupBy.STATUS]: 'status',
  [SceneStatisticsGroupBy.MUNICIPALITY]: 'municipality',
  [SceneStatisticsGroupBy.POLICE_AREA]: 'police_area',
};

const TREND_STEPS: Record<TrendInterval, { step: string; months: number }> = {
  [TrendInterval.MONTH]: { step: '1 month', months: 1 },
  [TrendInterval.QUARTER]: { step: '3 months', months: 3 },
  [TrendInterval.YEAR]: { step: '1 year', months: 12 },
};
