import type { EntityManager } from '@mikro-orm/postgresql';
import type { Geometry } from './geojson';
import { Crs, crsInfo } from './crs';

/** Geometry columns that can be read in another CRS. Names are code constants, never user input. */
export type GeometrySource = 'scene.area' | 'agreement.area' | 'intervention.location';

export type GeometryShape = 'self' | 'centroid';

/**
 * Reads geometries by id in `crs`: the column itself or its centroid, transformed by PostGIS.
 * @returns one GeoJSON geometry (or null) per id, in id order
 */
export async function readGeometries(
  em: EntityManager,
  source: GeometrySource,
  shape: GeometryShape,
  crs: Crs,
  ids: readonly string[],
): Promise<Array<Geometry | null>> {
  const [table, column] = source.split('.') as [string, string];
  const { srid, decimals } = crsInfo(crs);
  const expression = shape === 'centroid' ? `ST_Centroid("${column}")` : `"${column}"`;
  const rows = await em.execute<Array<{ id: string; geojson: string | null }>>(
    `select id, ST_AsGeoJSON(ST_Transform(${expression}, ?::int), ?::int) as geojson from "${table}" where id = any(array[?]::uuid[])`,
    [srid, decimals, ids as string[]],
  );
  const byId = new Map(rows.map((row) => [row.id, row.geojson ? (JSON.parse(row.geojson) as Geometry) : null]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Each row's geometry as WKT and its centroid's x and y, in `crs`, by id (for CSV exports). */
export async function readWktAndCentroids(em: EntityManager, source: GeometrySource, crs: Crs, ids: readonly string[]) {
  const [table, column] = source.split('.') as [string, string];
  const { srid, decimals } = crsInfo(crs);
  const rows = await em.execute<Array<{ id: string; wkt: string; x: number; y: number }>>(
    `select id, ST_AsText(ST_Transform("${column}", ?::int), ?::int) as wkt,
            ST_X(ST_Transform(ST_Centroid("${column}"), ?::int)) as x, ST_Y(ST_Transform(ST_Centroid("${column}"), ?::int)) as y
       from "${table}" where id = any(array[?]::uuid[])`,
    [srid, decimals, srid, srid, ids as string[]],
  );
  return new Map(rows.map((row) => [row.id, row]));
}
