import type { SqlWriter } from '../../db/sql-writer';
import {
  agreementIdsCoveringPoint,
  coverOfScenes,
  CURRENT_SOURCES,
  interventionsOutsideMandates,
  scenesBelowCoverage,
  type CoverageSources,
} from '../../db/spatial/coverage';
import { interventionsAsOfSql } from '../intervention/intervention-versions';
import { scenesAsOfSql } from '../scene/scene-versions';
import type { Geometry } from '../../db/spatial/geojson';
import { orderingBy, type Ordering } from '../read/ordering';
import { checkNotFuture, type AsOf } from '../shared/as-of';
import { VersionedRepository } from '../shared/base.repository';
import { paginate, type ConnectionResult, type PageArgs } from '../shared/pagination';
import { requireDate } from '../shared/validation';
import { spatialConditionsSql, validatedSpatialInputs, type SpatialInputs } from '../spatial/spatial-filter';
import { MANDATE_REQUIRED, type AgreementKind } from './agreement-kind';
import { agreementsAsOfSql, agreementVersionColumnsSql, agreementVersionsAtSql, type AgreementVersionRow } from './agreement-versions';
import type { Agreement } from './agreement.entity';
import { AgreementOrderBy, type AgreementFilter } from './agreement.inputs';

/**
 * The SQL of agreements: their filters and orderings, lists, scenes, commitments' positions,
 * validity and coverage (whose PostGIS SQL is db/spatial/coverage.ts). Days are Stockholm
 * calendar days (YYYY-MM-DD), given by the caller.
 */
export class AgreementRepository extends VersionedRepository<Agreement> {
  /**
   * A page of the agreements matching `filter` (validated: INVALID_GEOMETRY, BAD_USER_INPUT),
   * counted only when `count`; the nodes come from `load` (the request's loader).
   */
  async findPage(
    filter: AgreementFilter | undefined,
    orderBy: AgreementOrderBy,
    page: PageArgs,
    count: boolean,
    load: (ids: readonly string[]) => Promise<Array<Agreement | null | Error>>,
    asOf?: AsOf,
  ): Promise<ConnectionResult<Agreement>> {
    if (asOf) checkNotFuture(asOf);
    const spatial = await validatedSpatialInputs(this.em, filter?.spatial);
    const source = {
      table: asOf ? agreementsAsOfSql(asOf) : 'agreement',
      conditions: (alias: string, w: SqlWriter) => agreementConditionsSql(filter, alias, spatial, w, !!asOf),
      ordering: AGREEMENT_ORDERINGS[orderBy],
    };
    return paginate(this.em, source, page, count, load);
  }

  /** The given agreements as they stood at `asOf` (absent: not registered then). */
  findAsOf(ids: readonly string[], asOf: AsOf): Promise<AgreementVersionRow[]> {
    checkNotFuture(asOf);
    return this.em.execute<AgreementVersionRow[]>(
      `select ${agreementVersionColumnsSql()} from ${agreementVersionsAtSql(asOf)} x where x.id = any(array[?]::uuid[])`,
      [ids as string[]],
    );
  }

  /** Every version of the given agreements, oldest first. */
  findVersions(ids: readonly string[]): Promise<AgreementVersionRow[]> {
    return this.em.execute<AgreementVersionRow[]>(
      `select ${agreementVersionColumnsSql()} from agreement_version x where x.id = any(array[?]::uuid[]) order by x.id, x.version`,
      [ids as string[]],
    );
  }

  /** The ids of the scenes the agreement is about. */
  async sceneIdsOf(agreementId: string): Promise<string[]> {
    const rows = await this.em.execute<Array<{ id: string }>>('select scene_id as id from agreement_scene where agreement_id = ?', [
      agreementId,
    ]);
    return rows.map((row) => row.id);
  }

  /** The highest position among the agreement's commitments, 0 when it has none. */
  async lastCommitmentPosition(agreementId: string): Promise<number> {
    const [row] = await this.em.execute<Array<{ last: number | null }>>(
      'select max(position) as last from commitment where agreement_id = ?',
      [agreementId],
    );
    return row?.last ?? 0;
  }

  /** Ids of the agreements whose validity ends between `today` and `until` (inclusive), soonest first. */
  async findExpiringIds(today: string, until: string): Promise<string[]> {
    const rows = await this.em.execute<Array<{ id: string }>>(
      'select id from agreement where valid_to between ?::date and ?::date order by valid_to, id',
      [today, until],
    );
    return rows.map((row) => row.id);
  }

  /** Ids of the agreements valid on `day` whose area covers `point` (WGS 84); with `asOf`, agreements as they stood then. */
  async findIdsCoveringPoint(point: Geometry, day: string, asOf?: AsOf): Promise<string[]> {
    return (await agreementIdsCoveringPoint(this.em, point, day, coverageSources(asOf))).map((row) => row.id);
  }

  /**
   * How much of each scene the valid areas of `kinds` cover on `day`: per agreement, and their
   * union; the agreements as they stood at `agreementsAsOf`, the scenes' areas at `scenesAsOf`
   * (each: as they are now when not given).
   */
  coverOfScenes(
    sceneIds: readonly string[],
    kinds: readonly AgreementKind[],
    day: string,
    { agreementsAsOf, scenesAsOf }: { agreementsAsOf?: AsOf; scenesAsOf?: AsOf } = {},
  ) {
    const sources = { ...coverageSources(agreementsAsOf), scene: coverageSources(scenesAsOf).scene };
    return coverOfScenes(this.em, sceneIds, kinds, day, sources);
  }

  /** Ids of the scenes ACTIVE (now, or at `asOf`) that valid areas of `kind` cover less than `minCoverage` on `day`. */
  async findSceneIdsBelowCoverage(kind: AgreementKind, day: string, minCoverage: number, asOf?: AsOf): Promise<string[]> {
    return (await scenesBelowCoverage(this.em, kind, day, minCoverage, coverageSources(asOf))).map((row) => row.id);
  }

  /**
   * Interventions running at `at` outside every valid mandate of the kind they need
   * (MANDATE_REQUIRED); with `asOf`, interventions and agreements as they stood then.
   */
  findInterventionsOutsideMandates(at: Date, day: string, asOf?: AsOf) {
    return interventionsOutsideMandates(this.em, MANDATE_REQUIRED, at, day, coverageSources(asOf));
  }
}

/** How agreement lists are ordered (top-level and inside objects), for both read paths. */
export const AGREEMENT_ORDERINGS: Record<AgreementOrderBy, Ordering> = {
  [AgreementOrderBy.VALID_FROM_DESC]: orderingBy(AgreementOrderBy.VALID_FROM_DESC, 'desc', ['valid_from', 'date']),
  [AgreementOrderBy.VALID_FROM_ASC]: orderingBy(AgreementOrderBy.VALID_FROM_ASC, 'asc', ['valid_from', 'date']),
  [AgreementOrderBy.TITLE_ASC]: orderingBy(AgreementOrderBy.TITLE_ASC, 'asc', ['title', 'text']),
};

/**
 * The conditions of an AgreementFilter on the agreement row `alias`; `versions`: a row of
 * agreementsAsOfSql, which holds its parties and scenes.
 * @throws BadUserInputError for a bad day, box or radius
 */
export function agreementConditionsSql(
  filter: AgreementFilter | undefined,
  alias: string,
  spatial: SpatialInputs,
  w: SqlWriter,
  versions = false,
): string[] {
  const conditions: string[] = [];
  if (filter?.kind?.length) conditions.push(`${alias}.kind = any(${w.array(filter.kind, 'text')})`);
  if (versions) conditions.push(...partsConditionsOfVersionSql(filter, alias, w));
  else if (filter?.operatorId) {
    // Placeholders in the order of the text (a `?` writer numbers them so).
    const party = `party.agreement_id = ${alias}.id and party.operator_id = ${w.param(filter.operatorId, 'uuid')}`;
    const status = filter.partyStatus ? ` and party.status = ${w.param(filter.partyStatus, 'text')}` : '';
    conditions.push(`exists (select 1 from agreement_party party where ${party}${status})`);
  }
  if (filter?.sceneId && !versions) {
    conditions.push(
      `exists (select 1 from agreement_scene link where link.agreement_id = ${alias}.id and link.scene_id = ${w.param(filter.sceneId, 'uuid')})`,
    );
  }
  if (filter?.activeOn) {
    const day = requireDate(filter.activeOn, 'activeOn');
    conditions.push(
      `${alias}.valid_from <= ${w.param(day, 'date')} and (${alias}.valid_to is null or ${alias}.valid_to >= ${w.param(day, 'date')})`,
    );
  }
  return [...conditions, ...spatialConditionsSql(filter?.spatial, `${alias}.area`, spatial, w)];
}

// Private:

/** Where coverage reads from: the tables, or with `asOf` the records as they stood then. */
function coverageSources(asOf: AsOf | undefined): CoverageSources {
  if (!asOf) return CURRENT_SOURCES;
  checkNotFuture(asOf);
  return { scene: scenesAsOfSql(asOf), agreement: agreementsAsOfSql(asOf), intervention: interventionsAsOfSql(asOf) };
}

/** The party and scene conditions of an AgreementFilter on a version row `alias` (its parties and scenes as they then were). */
function partsConditionsOfVersionSql(filter: AgreementFilter | undefined, alias: string, w: SqlWriter): string[] {
  const conditions: string[] = [];
  if (filter?.operatorId) {
    const party = { operatorId: filter.operatorId, ...(filter.partyStatus ? { status: filter.partyStatus } : {}) };
    conditions.push(`${alias}.parties @> ${w.param(JSON.stringify([party]), 'jsonb')}`);
  }
  if (filter?.sceneId) conditions.push(`${w.param(filter.sceneId, 'uuid')} = any(${alias}.scene_ids)`);
  return conditions;
}
