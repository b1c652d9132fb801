import type { FilterQuery } from '@mikro-orm/core';
import { SqlWriter } from '../../db/sql-writer';
import type { Crs } from '../../db/spatial/crs';
import { exportFeaturesSql, MAP_LAYERS, type ExportRow, type ExportShape } from '../../db/spatial/features';
import type { Operator } from '../operator/operator.entity';
import { orderingBy, type Ordering } from '../read/ordering';
import type { PageSource } from '../read/page';
import { VersionedRepository } from '../shared/base.repository';
import { sqlCondition } from '../shared/conditions';
import { paginate, type ConnectionResult, type PageArgs } from '../shared/pagination';
import { spatialConditionsSql, validatedSpatialInputs, type SpatialInputs } from '../spatial/spatial-filter';
import { checkNotFuture, type AsOf } from '../shared/as-of';
import { interventionsAsOfSql, interventionVersionColumnsSql, type InterventionVersionRow } from './intervention-versions';
import type { InterventionShare } from './intervention-share.entity';
import { InterventionStatisticsGroupBy, type InterventionStatisticsGroup } from './intervention-statistics';
import type { Intervention } from './intervention.entity';
import { InterventionOrderBy, type InterventionFilter } from './intervention.inputs';

/**
 * The SQL of interventions: their filters and orderings, lists, statistics and shares. Which
 * rows a caller sees is decided by row security in the database, never here. The builders are
 * exported for the compiled read path (intervention.read.ts) and the nested lists.
 */
export class InterventionRepository extends VersionedRepository<Intervention> {
  /**
   * A page of the interventions matching `filter` (validated: INVALID_GEOMETRY, BAD_USER_INPUT),
   * counted only when `count`; the nodes come from `load` (the request's loader).
   */
  async findPage(
    filter: InterventionFilter | undefined,
    orderBy: InterventionOrderBy,
    page: PageArgs,
    count: boolean,
    load: (ids: readonly string[]) => Promise<Array<Intervention | null | Error>>,
  ): Promise<ConnectionResult<Intervention>> {
    const spatial = await validatedSpatialInputs(this.em, filter?.spatial);
    return paginate(this.em, interventionListSource(filter, orderBy, spatial), page, count, load);
  }

  /**
   * A page of the interventions matching `filter` as they stood at `asOf` (see findPage), of the
   * versions the caller may see (row security on intervention_version); nodes from `load`.
   */
  async findPageAsOf(
    filter: InterventionFilter | undefined,
    orderBy: InterventionOrderBy,
    page: PageArgs,
    count: boolean,
    asOf: AsOf,
    load: (ids: readonly string[]) => Promise<Array<Intervention | null | Error>>,
  ): Promise<ConnectionResult<Intervention>> {
    checkNotFuture(asOf);
    const spatial = await validatedSpatialInputs(this.em, filter?.spatial);
    return paginate(this.em, interventionListSource(filter, orderBy, spatial, undefined, asOf), page, count, load);
  }

  /** The given interventions as they stood at `asOf`, those the caller may see (absent: not registered, or not visible). */
  findAsOf(ids: readonly string[], asOf: AsOf): Promise<InterventionVersionRow[]> {
    checkNotFuture(asOf);
    return this.em.execute<InterventionVersionRow[]>(
      `select ${interventionVersionColumnsSql()} from ${interventionsAsOfSql(asOf)} x where x.id = any(array[?]::uuid[])`,
      [ids as string[]],
    );
  }

  /** Every version of the given interventions that the caller may see, oldest first. */
  findVersions(ids: readonly string[]): Promise<InterventionVersionRow[]> {
    return this.em.execute<InterventionVersionRow[]>(
      `select ${interventionVersionColumnsSql()} from intervention_version x where x.id = any(array[?]::uuid[]) order by x.id, x.version`,
      [ids as string[]],
    );
  }

  /** The conditions of `filter` (validated) as one MikroORM condition. */
  async where(filter: InterventionFilter | undefined): Promise<FilterQuery<Intervention>> {
    const spatial = await validatedSpatialInputs(this.em, filter?.spatial);
    return sqlCondition<Intervention>((alias, w) => interventionConditionsSql(filter, alias, spatial, w));
  }

  /**
   * The interventions matching `filter` (validated) that the caller may see, as map features
   * (db/spatial/features.ts) in `crs`, newest first, at most `limit`; with `asOf`, as they stood
   * then (the versions the caller may see).
   */
  async exportFeatures(
    filter: InterventionFilter | undefined,
    crs: Crs,
    shape: ExportShape,
    limit: number,
    asOf?: AsOf,
  ): Promise<ExportRow[]> {
    if (asOf) checkNotFuture(asOf);
    const spatial = await validatedSpatialInputs(this.em, filter?.spatial);
    const w = new SqlWriter('positional');
    const conditions = interventionConditionsSql(filter, 't', spatial, w, !!asOf);
    const layer = asOf ? { ...MAP_LAYERS.interventions, table: interventionsAsOfSql(asOf) } : MAP_LAYERS.interventions;
    const sql = exportFeaturesSql(layer, { crs, shape, conditions, orderBy: 't.starts_at desc, t.id desc', limit });
    return this.em.execute<ExportRow[]>(sql, w.values as never);
  }

  /**
   * The interventions matching `filter` counted per category, kind, sensitivity, owner or scene,
   * largest group first, in one statement under row security: a caller counts only what it may
   * see; with `asOf`, the interventions as they stood then (the versions it may see).
   */
  async statistics(
    groupBy: InterventionStatisticsGroupBy,
    filter: InterventionFilter | undefined,
    asOf?: AsOf,
  ): Promise<InterventionStatisticsGroup[]> {
    if (asOf) checkNotFuture(asOf);
    const { key, label, join } = STATISTICS_GROUPS[groupBy];
    const spatial = await validatedSpatialInputs(this.em, filter?.spatial);
    const w = new SqlWriter('positional');
    const conditions = interventionConditionsSql(filter, 'i', spatial, w, !!asOf);
    const joined = join ? `join ${join === 'owner' ? 'operator' : 'scene'} j on j.id = i.${join}_id` : '';
    return this.em.execute<InterventionStatisticsGroup[]>(
      `select ${key}::text as key, ${label ?? 'null'} as label, count(*)::int as count
         from ${asOf ? interventionsAsOfSql(asOf) : 'intervention'} i ${joined}
        ${conditions.length ? `where ${conditions.map((c) => `(${c})`).join(' and ')}` : ''}
        group by ${key}${label ? `, ${label}` : ''} order by count(*) desc, ${key} asc`,
      w.values as never,
    );
  }

  /** The operators the intervention is explicitly shared with, in the order it was shared. */
  async sharedWith(interventionId: string): Promise<Operator[]> {
    // By the entity's name: the share entity imports this one's, which names this repository.
    const shares = await this.em.find<InterventionShare, 'operator'>(
      'InterventionShare',
      { intervention: interventionId },
      { populate: ['operator'], orderBy: { sharedAt: 'asc' } },
    );
    return shares.map((share) => share.operator.getEntity());
  }
}

/** How intervention lists are ordered (top-level and inside objects), for both read paths. */
export const INTERVENTION_ORDERINGS: Record<InterventionOrderBy, Ordering> = {
  [InterventionOrderBy.STARTS_AT_DESC]: orderingBy(InterventionOrderBy.STARTS_AT_DESC, 'desc', ['starts_at', 'timestamptz']),
  [InterventionOrderBy.STARTS_AT_ASC]: orderingBy(InterventionOrderBy.STARTS_AT_ASC, 'asc', ['starts_at', 'timestamptz']),
  [InterventionOrderBy.CREATED_AT_DESC]: orderingBy(InterventionOrderBy.CREATED_AT_DESC, 'desc', ['created_at', 'timestamptz']),
  [InterventionOrderBy.TITLE_ASC]: orderingBy(InterventionOrderBy.TITLE_ASC, 'asc', ['title', 'text']),
};

/**
 * The interventions matching `filter` in `orderBy` order, as a list every read path pages
 * through: top-level, or under a parent when `tie` gives the condition that binds a row to it
 * (`spatial`: the filter's geometries, validated beforehand or folded into the statement); with
 * `asOf`, as they stood then.
 */
export function interventionListSource(
  filter: InterventionFilter | undefined,
  orderBy: InterventionOrderBy,
  spatial: SpatialInputs,
  tie?: (alias: string, w: SqlWriter) => string,
  asOf?: AsOf,
): PageSource {
  return {
    table: asOf ? interventionsAsOfSql(asOf) : 'intervention',
    conditions: (alias, w) => [...interventionConditionsSql(filter, alias, spatial, w, !!asOf), ...(tie ? [tie(alias, w)] : [])],
    ordering: INTERVENTION_ORDERINGS[orderBy],
  };
}

/**
 * The conditions of an InterventionFilter on the intervention row `alias`, for every read path
 * (lists, nested lists, statistics, exports; compiled or resolved). Row security decides
 * separately, in the database, which rows the caller sees at all. `versions`: `alias` is a version
 * row (its operators are in the row).
 * @throws BadUserInputError for a bad box or radius
 */
export function interventionConditionsSql(
  filter: InterventionFilter | undefined,
  alias: string,
  spatial: SpatialInputs,
  w: SqlWriter,
  versions = false,
): string[] {
  const conditions: string[] = [];
  if (filter?.sceneId?.length) conditions.push(`${alias}.scene_id = any(${w.array(filter.sceneId, 'uuid')})`);
  if (filter?.ownerId) conditions.push(`${alias}.owner_id = ${w.param(filter.ownerId, 'uuid')}`);
  if (filter?.agreementId) conditions.push(`${alias}.agreement_id = ${w.param(filter.agreementId, 'uuid')}`);
  if (filter?.category?.length) conditions.push(`${alias}.category = any(${w.array(filter.category, 'text')})`);
  if (filter?.kind?.length) conditions.push(`${alias}.kind = any(${w.array(filter.kind, 'text')})`);
  if (filter?.sensitivity?.length) conditions.push(`${alias}.sensitivity = any(${w.array(filter.sensitivity, 'text')})`);
  if (filter?.operatorId) {
    const owner = `${alias}.owner_id = ${w.param(filter.operatorId, 'uuid')}`;
    conditions.push(`(${owner} or ${takesPartSql(alias, w.param(filter.operatorId, 'uuid'), versions)})`);
  }
  if (filter?.activeAt) {
    conditions.push(
      `${alias}.starts_at <= ${w.param(filter.activeAt, 'timestamptz')} and (${alias}.ends_at is null or ${alias}.ends_at >= ${w.param(filter.activeAt, 'timestamptz')})`,
    );
  }
  if (filter?.startsFrom) conditions.push(`${alias}.starts_at >= ${w.param(filter.startsFrom, 'timestamptz')}`);
  if (filter?.startsBefore) conditions.push(`${alias}.starts_at < ${w.param(filter.startsBefore, 'timestamptz')}`);
  return [...conditions, ...spatialConditionsSql(filter?.spatial, `${alias}.location`, spatial, w)];
}

/**
 * "The operator `operator` (an SQL expression) takes part in the intervention row `alias`" (its
 * owner aside); `versions`: `alias` is a version row, which holds its operators.
 */
export function takesPartSql(alias: string, operator: string, versions = false): string {
  if (versions) return `${operator} = any(${alias}.operator_ids)`;
  return `exists (select 1 from intervention_operator io where io.intervention_id = ${alias}.id and io.operator_id = ${operator})`;
}

// Private:

/** The grouped column, and the name shown beside an id (column names are code constants). */
const STATISTICS_GROUPS: Record<InterventionStatisticsGroupBy, { key: string; label: string | null; join?: 'owner' | 'scene' }> = {
  [InterventionStatisticsGroupBy.CATEGORY]: { key: 'i.category', label: null },
  [InterventionStatisticsGroupBy.KIND]: { key: 'i.kind', label: null },
  [InterventionStatisticsGroupBy.SENSITIVITY]: { key: 'i.sensitivity', label: null },
  [InterventionStatisticsGroupBy.OWNER]: { key: 'i.owner_id', label: 'j.name', join: 'owner' },
  [InterventionStatisticsGroupBy.SCENE]: { key: 'i.scene_id', label: 'j.name', join: 'scene' },
};
