import { isoMomentSql, type SqlWriter } from '../../db/sql-writer';
import { historyColumnsSql, type HistoryRow } from '../shared/record-version';
import { versionsAsOfSql, type AsOf } from '../shared/as-of';

/**
 * The SQL of scene versions (table `scene_version`, migration SceneVersions): scenes as they stood
 * at a moment, and the columns that make a version row a scene. A version row has the scene's
 * column names, so the scene filters, orderings and statistics read it as they read a scene.
 */

/**
 * Every scene as it stood at `asOf` (see versionsAsOfSql): a subquery with the columns of `scene`
 * (and the version's); a scene not yet registered then is absent.
 */
export function scenesAsOfSql(asOf: AsOf): string {
  return versionsAsOfSql('scene_version', '*', asOf);
}

/** The columns of a version row `alias`, named as the scene's fields (moments as ISO text). */
export function versionColumnsSql(alias: string): string {
  return `${alias}.name, ${alias}.municipality, ${alias}.district, ${alias}.police_area as "policeArea",
          ${alias}.stat_areas as "statAreas", ${alias}.problem_description as "problemDescription",
          ${alias}.problem_substances as "problemSubstances", ${alias}.problem_crime_kinds as "problemCrimeKinds",
          ${alias}.problem_target_groups as "problemTargetGroups", ${alias}.problem_tags as "problemTags",
          ${alias}.area_square_meters as "areaSquareMeters", ${alias}.status,
          ${isoMomentSql(`${alias}.status_since`)} as "statusSince", ${isoMomentSql(`${alias}.archived_at`)} as "archivedAt",
          ${isoMomentSql(`${alias}.created_at`)} as "createdAt", ${isoMomentSql(`${alias}.updated_at`)} as "updatedAt",
          ${historyColumnsSql(alias)}`;
}

/** The moments of a trend: from `from` to `to` (inclusive when a step lands on it) every `step`. */
export function trendMomentsSql(from: Date, to: Date, step: string, w: SqlWriter): string {
  return `generate_series(${w.param(from, 'timestamptz')}, ${w.param(to, 'timestamptz')}, ${w.param(step, 'interval')})`;
}

/** A version row as read by versionColumnsSql. */
export interface VersionRow extends HistoryRow {
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
}
