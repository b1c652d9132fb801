import { notArchivedSql } from '../scene-sql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { geometryParam } from './geometry-input';
import { SqlWriter } from '../sql-writer';
import type { Geometry } from './geojson';

/**
 * Coverage SQL: which valid agreement areas of given kinds cover what. Validity is by calendar
 * day (`valid_from <= day <= valid_to`); areas are compared on the spheroid. Agreement kinds are
 * the domain's (schema/agreement/agreement-kind.ts), passed in as text.
 */

const VALID_ON = `a.valid_from <= ?::date and (a.valid_to is null or a.valid_to >= ?::date)`;

/**
 * What coverage reads scenes, agreements and interventions from: their tables (things as they
 * are), or subqueries with the same columns giving them as they stood at a moment.
 */
export interface CoverageSources {
  scene: string;
  agreement: string;
  intervention: string;
}

export const CURRENT_SOURCES: CoverageSources = { scene: 'scene', agreement: 'agreement', intervention: 'intervention' };

export interface CoverRow {
  sceneId: string;
  agreementId: string | null;
  fraction: number;
  union: boolean;
  coveredSquareMeters: number;
}

/**
 * For each scene: one row per covering agreement (`union` false) and one row for the union
 * of them all (`union` true, `agreementId` null), fractions of the scene's area.
 */
export function coverOfScenes(
  em: EntityManager,
  sceneIds: readonly string[],
  kinds: readonly string[],
  day: string,
  from: CoverageSources = CURRENT_SOURCES,
) {
  return em.execute<CoverRow[]>(
    `with covers as (
       select s.id as scene_id, a.id as agreement_id, ST_Intersection(s.area, a.area) as part, ST_Area(s.area::geography) as whole
         from ${from.scene} s join ${from.agreement} a on a.area is not null and ST_Intersects(s.area, a.area)
        where s.id = any(array[?]::uuid[]) and a.kind = any(array[?]::text[]) and ${VALID_ON})
     select scene_id as "sceneId", agreement_id as "agreementId", false as "union",
            ST_Area(part::geography) / nullif(whole, 0) as fraction, ST_Area(part::geography) as "coveredSquareMeters"
       from covers
     union all
     select scene_id, null, true, ST_Area(ST_Union(part)::geography) / nullif(max(whole), 0), ST_Area(ST_Union(part)::geography)
       from covers group by scene_id
     order by "sceneId", "union" desc, fraction desc`,
    [sceneIds as string[], kinds as string[], day, day],
  );
}

/**
 * Scenes ACTIVE (in `from.scene`: now, or as they stood) whose union coverage by valid areas of
 * `kind` is below `minCoverage`.
 */
export function scenesBelowCoverage(
  em: EntityManager,
  kind: string,
  day: string,
  minCoverage: number,
  from: CoverageSources = CURRENT_SOURCES,
) {
  return em.execute<Array<{ id: string; fraction: number }>>(
    `select s.id, coalesce(ST_Area(ST_Union(ST_Intersection(s.area, a.area))::geography) / nullif(ST_Area(s.area::geography), 0), 0) as fraction
       from ${from.scene} s
       left join ${from.agreement} a on a.area is not null and a.kind = ? and ${VALID_ON} and ST_Intersects(s.area, a.area)
      where ${notArchivedSql('s')} and s.status = 'ACTIVE'
      group by s.id, s.area
     having coalesce(ST_Area(ST_Union(ST_Intersection(s.area, a.area))::geography) / nullif(ST_Area(s.area::geography), 0), 0) < ?
      order by fraction, s.id`,
    [kind, day, day, minCoverage],
  );
}

/**
 * Interventions running at `at` whose kind needs a mandate (`mandates`: intervention kind → the
 * agreement kind it needs) and whose location is not wholly inside valid mandates of that kind.
 */
export function interventionsOutsideMandates(
  em: EntityManager,
  mandates: Readonly<Record<string, string>>,
  at: Date,
  day: string,
  from: CoverageSources = CURRENT_SOURCES,
) {
  const needs = Object.entries(mandates);
  return em.execute<Array<{ id: string; requiredKind: string; coveredFraction: number }>>(
    `with needs(kind, agreement_kind) as (values ${needs.map(() => '(?, ?)').join(', ')}),
     running as (
       select i.id, i.location, n.agreement_kind from ${from.intervention} i join needs n on n.kind = i.kind
        where i.starts_at <= ? and (i.ends_at is null or i.ends_at >= ?)),
     covered as (
       select r.id, r.agreement_kind, r.location, ST_Union(a.area) as mandates
         from running r
         left join ${from.agreement} a on a.area is not null and a.kind = r.agreement_kind and ${VALID_ON} and ST_Intersects(a.area, r.location)
        group by r.id, r.agreement_kind, r.location)
     select id, agreement_kind as "requiredKind",
            case when mandates is null then 0
                 when ST_Dimension(location) = 1 then ST_Length(ST_Intersection(location, mandates)::geography) / nullif(ST_Length(location::geography), 0)
                 when ST_Dimension(location) = 2 then ST_Area(ST_Intersection(location, mandates)::geography) / nullif(ST_Area(location::geography), 0)
                 else 0 end as "coveredFraction"
       from covered
      where mandates is null or not ST_Covers(mandates, location)
      order by id`,
    [...needs.flat(), at, at, day, day],
  );
}

/** Agreements valid on `day` whose area covers the point (in EPSG:4326). */
export function agreementIdsCoveringPoint(em: EntityManager, point: Geometry, day: string, from: CoverageSources = CURRENT_SOURCES) {
  const w = new SqlWriter('positional');
  const covered = geometryParam(point, w);
  return em.execute<Array<{ id: string }>>(
    `select a.id from ${from.agreement} a
      where a.area is not null and ST_Covers(a.area, ${covered}) and ${VALID_ON}
      order by a.valid_from desc, a.id`,
    [...w.values, day, day],
  );
}
