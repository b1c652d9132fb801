import { notArchivedSql } from '../scene-sql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SqlWriter } from '../sql-writer';
import type { Geometry } from './geojson';
import { STORAGE_SRID } from './crs';

/**
 * Proximity SQL in one place. Distances are metres on the spheroid (`geography`); candidate
 * ordering uses the KNN operator `<->` on the geography expression index.
 */

export interface DistanceRow {
  id: string;
  distance: number;
}

/** Scenes within `radius` metres of each source scene (itself excluded), nearest first. */
export async function scenesNearScenes(em: EntityManager, sourceIds: readonly string[], radius: number) {
  return em.execute<Array<DistanceRow & { sourceId: string }>>(
    `select a.id as "sourceId", b.id, ST_Distance(a.area::geography, b.area::geography) as distance
       from scene a
       join scene b on b.id <> a.id and ${notArchivedSql('b')} and ST_DWithin(a.area::geography, b.area::geography, ?)
      where a.id = any(array[?]::uuid[])
      order by a.id, distance, b.id`,
    [radius, sourceIds as string[]],
  );
}

/**
 * The condition "an intervention (row `alias`) lies within `radius` metres of the scene area
 * `area`" (an SQL expression), 0 meaning inside or touching it, whichever scene it is registered
 * at: for `Scene.interventions(withinMeters)`. Inside means the GIST index on the geometry; a
 * distance, the one on its geography.
 */
export function nearSceneArea(alias: string, area: string, radius: number, w: SqlWriter): string {
  return radius === 0
    ? `ST_Intersects(${alias}.location, ${area})`
    : `ST_DWithin(${alias}.location::geography, (${area})::geography, ${w.param(radius, 'float8')})`;
}

/** Candidates the sphere-ordered index scan gives beyond the `limit` asked, for the spheroid to re-rank. */
const NEAREST_MARGIN = 10;

/**
 * The `limit` scenes (rows `id`, `distance` and the scene's columns) nearest to `point` (an SQL
 * geometry in WGS 84) among those meeting `conditions` (on the row `c`), nearest first. The KNN
 * operator on the geography index orders candidates by the distance on the sphere; the
 * candidates are re-ranked by the distance on the spheroid, which differs from it by less than
 * 0.5 %: `limit` + 10 candidates, so that only 10 scenes within that band of the last one could
 * put another out of place. `scenes`: the table, or a subquery with its columns (scenes as they stood).
 */
export function nearestScenesSql(point: string, limit: number, conditions: (alias: string) => string[], scenes = 'scene'): string {
  const where = conditions('c');
  // The point comes first in the text (a `?` writer binds in text order) and once.
  return `select * from (select c.*, ST_Distance(c.area::geography, origin.g) as distance
                           from (select (${point})::geography as g) origin, ${scenes} c
                          ${where.length ? `where ${where.map((condition) => `(${condition})`).join(' and ')}` : ''}
                          order by c.area::geography <-> origin.g limit ${limit + NEAREST_MARGIN}) candidates
           order by distance, id limit ${limit}`;
}

/** The distance between two geometries in metres on the spheroid. */
export function distanceMetersSql(a: string, b: string): string {
  return `ST_Distance((${a})::geography, (${b})::geography)`;
}

/** Whether two geometries lie within `radius` (an SQL expression) metres of each other on the spheroid: the geography index answers it. */
export function withinMetersSql(a: string, b: string, radius: string): string {
  return `ST_DWithin((${a})::geography, (${b})::geography, ${radius})`;
}

/** Which of `sceneIds` have an area intersecting a WGS 84 box: a live subscription's bbox filter, decided by PostGIS. */
export async function scenesIntersectingBox(
  em: EntityManager,
  sceneIds: string[],
  box: { minX: number; minY: number; maxX: number; maxY: number },
): Promise<Set<string>> {
  if (sceneIds.length === 0) return new Set();
  const rows = await em.execute<Array<{ id: string }>>(
    `select id from scene where id = any(array[?]::uuid[]) and ST_Intersects(area, ST_MakeEnvelope(?, ?, ?, ?, ${STORAGE_SRID}))`,
    [sceneIds, box.minX, box.minY, box.maxX, box.maxY],
  );
  return new Set(rows.map((row) => row.id));
}

/** Where a live subscriber looks: inside an area and/or near a point (WGS 84), either or both. */
export interface WatchedPlace {
  within?: Geometry;
  near?: { point: Geometry; radiusMeters: number };
}

/**
 * The logged changes of `ids` whose location before or after the change lies in `place`: one
 * statement for a whole batch of the change log (server/live), shared by every subscriber watching
 * the same place.
 */
export async function changesInPlace(em: EntityManager, ids: string[], place: WatchedPlace): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const w = new SqlWriter('positional');
  const within = place.within
    ? `ST_SetSRID(ST_GeomFromGeoJSON(${w.param(JSON.stringify(place.within), 'text')}), ${STORAGE_SRID})`
    : 'null';
  const point = place.near
    ? `ST_SetSRID(ST_GeomFromGeoJSON(${w.param(JSON.stringify(place.near.point), 'text')}), ${STORAGE_SRID})`
    : 'null';
  const radius = place.near ? w.param(place.near.radiusMeters, 'float8') : 'null';
  const idList = w.array(ids, 'bigint');
  const inPlace = (column: string) =>
    [
      place.within ? `ST_CoveredBy(${column}, p.within)` : null,
      place.near ? `ST_DWithin(${column}::geography, p.point::geography, p.radius)` : null,
    ]
      .filter(Boolean)
      .join(' and ');
  const rows = await em.execute<Array<{ id: string }>>(
    `with p as (select ${within}::geometry as within, ${point}::geometry as point, ${radius}::float8 as radius)
     select e.id::text as id from change_event e, p
      where e.id = any(${idList})
        and ((e.location is not null and ${inPlace('e.location')}) or (e.previous_location is not null and ${inPlace('e.previous_location')}))`,
    w.values,
  );
  return new Set(rows.map((row) => row.id));
}
