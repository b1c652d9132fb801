import type { SqlWriter } from '../../db/sql-writer';
import { agreementIdsCoveringPoint, coverOfScenes, interventionsOutsideMandates, scenesBelowCoverage } from '../../db/spatial/coverage';
import type { Geometry } from '../../db/spatial/geojson';
import { orderingBy, type Ordering } from '../read/ordering';
import { VersionedRepository } from '../shared/base.repository';
import { paginate, type ConnectionResult, type PageArgs } from '../shared/pagination';
import { requireDate } from '../shared/validation';
import { spatialConditionsSql, validatedSpatialInputs, type SpatialInputs } from '../spatial/spatial-filter';
import { MANDATE_REQUIRED, type AgreementKind } from './agreement-kind';
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
  ): Promise<ConnectionResult<Agreement>> {
    const spatial = await validatedSpatialInputs(this.em, filter?.spatial);
    const source = {
      table: 'agreement',
      conditions: (alias: string, w: SqlWriter) => agreementConditionsSql(filter, alias, spatial, w),
      ordering: AGREEMENT_ORDERINGS[orderBy],
    };
    return paginate(this.em, source, page, count, load);
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

  /** Ids of the agreements valid on `day` whose area covers `point` (WGS 84). */
  async findIdsCoveringPoint(point: Geometry, day: string): Promise<string[]> {
    return (await agreementIdsCoveringPoint(this.em, point, day)).map((row) => row.id);
  }

  /** How much of each scene the valid areas of `kinds` cover on `day`: per agreement, and their union. */
  coverOfScenes(sceneIds: readonly string[], kinds: readonly AgreementKind[], day: string) {
    return coverOfScenes(this.em, sceneIds, kinds, day);
  }

  /** Ids of the scenes ACTIVE at `at` that valid areas of `kind` cover less than `minCoverage`. */
  async findSceneIdsBelowCoverage(kind: AgreementKind, at: Date, day: string, minCoverage: number): Promise<string[]> {
    return (await scenesBelowCoverage(this.em, kind, at, day, minCoverage)).map((row) => row.id);
  }

  /** Interventions running at `at` outside every valid mandate of the kind they need (MANDATE_REQUIRED). */
  findInterventionsOutsideMandates(at: Date, day: string) {
    return interventionsOutsideMandates(this.em, MANDATE_REQUIRED, at, day);
  }
}

/** How agreement lists are ordered (top-level and inside objects), for both read paths. */
export const AGREEMENT_ORDERINGS: Record<AgreementOrderBy, Ordering> = {
  [AgreementOrderBy.VALID_FROM_DESC]: orderingBy(AgreementOrderBy.VALID_FROM_DESC, 'desc', ['valid_from', 'date']),
  [AgreementOrderBy.VALID_FROM_ASC]: orderingBy(AgreementOrderBy.VALID_FROM_ASC, 'asc', ['valid_from', 'date']),
  [AgreementOrderBy.TITLE_ASC]: orderingBy(AgreementOrderBy.TITLE_ASC, 'asc', ['title', 'text']),
};

/**
 * The conditions of an AgreementFilter on the agreement row `alias`.
 * @throws BadUserInputError for a bad day, box or radius
 */
export function agreementConditionsSql(filter: AgreementFilter | undefined, alias: string, spatial: SpatialInputs, w: SqlWriter): string[] {
  const conditions: string[] = [];
  if (filter?.kind?.length) conditions.push(`${alias}.kind = any(${w.array(filter.kind, 'text')})`);
  if (filter?.operatorId) {
    // Placeholders in the order of the text (a `?` writer numbers them so).
    const party = `party.agreement_id = ${alias}.id and party.operator_id = ${w.param(filter.operatorId, 'uuid')}`;
    const status = filter.partyStatus ? ` and party.status = ${w.param(filter.partyStatus, 'text')}` : '';
    conditions.push(`exists (select 1 from agreement_party party where ${party}${status})`);
  }
  if (filter?.sceneId) {
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
