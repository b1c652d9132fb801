import { isoMomentSql, literal, type SqlWriter } from '../../db/sql-writer';
import type { AsOf } from './as-of';

/**
 * The SQL of scene versions (table `scene_version`, migration SceneVersions): scenes as they stood
 * at a moment, and the columns that make a version row a scene. A version row has the scene's
 * column names, so the scene filters, orderings and statistics read it as they read a scene.
 */

/**
 * Every scene as it stood at `asOf.at` (valid time), as the record says now, or as it said at
 * `asOf.asRecordedAt`; a scene not yet registered then is absent. A subquery with the columns of
 * `scene` (and the version's). Moments are written as literals of our own ISO text.
 */
export function scenesAsOfSql(asOf: AsOf): string {
  const at = `${literal(asOf.at.toISOString())}::timestamptz`;
  if (!asOf.asRecordedAt) return `(select * from scene_version v where tstzrange(v.valid_from, v.valid_to) @> ${at})`;
  const recorded = `${literal(asOf.asRecordedAt.toISOString())}::timestamptz`;
  return `(select distinct on (v.id) * from scene_version v
            where v.recorded_at <= ${recorded} and v.valid_from <= ${at}
            order by v.id, v.valid_from desc, v.version desc)`;
}

/** The columns of a version row `alias`, named as the scene's fields (moments as ISO text). */
export function versionColumnsSql(alias: string): string {
  return `${alias}.id, ${alias}.version, ${alias}.name, ${alias}.municipality, ${alias}.district, ${alias}.police_area as "policeArea",
          ${alias}.stat_areas as "statAreas", ${alias}.problem_description as "problemDescription",
          ${alias}.problem_substances as "problemSubstances", ${alias}.problem_crime_kinds as "problemCrimeKinds",
          ${alias}.problem_target_groups as "problemTargetGroups", ${alias}.problem_tags as "problemTags",
          ${alias}.area_square_meters as "areaSquareMeters", ${alias}.status,
          ${isoMomentSql(`${alias}.status_since`)} as "statusSince", ${isoMomentSql(`${alias}.archived_at`)} as "archivedAt",
          ${isoMomentSql(`${alias}.created_at`)} as "createdAt", ${isoMomentSql(`${alias}.updated_at`)} as "updatedAt",
          case when ${alias}.valid_from = '-infinity' then null else ${isoMomentSql(`${alias}.valid_from`)} end as "validFrom",
          ${isoMomentSql(`${alias}.valid_to`)} as "validTo", ${isoMomentSql(`${alias}.recorded_at`)} as "recordedAt",
          ${alias}.recorded_by as "recordedBy", ${alias}.recorded_by_operator_id as "recordedByOperatorId",
          ${alias}.changed_fields as "changedFields"`;
}

/** The moments of a trend: from `from` to `to` (inclusive when a step lands on it) every `step`. */
export function trendMomentsSql(from: Date, to: Date, step: string, w: SqlWriter): string {
  return `generate_series(${w.param(from, 'timestamptz')}, ${w.param(to, 'timestamptz')}, ${w.param(step, 'interval')})`;
}

/** A version row as read by versionColumnsSql. */
export interface VersionRow {
  id: string;
  version: number;
  name: string;
  municipality: string;
  district: string | null;
  policeArea: string | null;
  statAreas: string[];
  problemDescription: string | null;
  problemSubstances: string[];
  problemCrimeKinds: string[];
  problemTargetGroups: string[];
  problemTags: string[];
  areaSquareMeters: number;
  status: string;
  statusSince: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  validFrom: string | null;
  validTo: string | null;
  recordedAt: string;
  recordedBy: string | null;
  recordedByOperatorId: string | null;
  changedFields: string[] | null;
}
