import type { EntityManager } from '@mikro-orm/postgresql';
import type { Geometry } from './geojson';
import { Crs, crsInfo, STORAGE_SRID } from './crs';

/** Geometry columns that can be read in another CRS. Names are code constants, never user input. */
export type GeometrySource = 'scene.area' | 'agreement.area' | 'intervention.location';

export type GeometryShape = 'self' | 'centroid';

/**
 * A geometry column (or its centroid) as GeoJSON in `crs`, written by PostGIS: 9 decimals in
 * degrees, 3 in metres, and a `crs` member naming any CRS but WGS 84 (ST_AsGeoJSON's default).
 * Every read path converts geometries here.
 */
export function geometryJsonSql(column: string, shape: GeometryShape, crs: Crs): string {
  const { srid, decimals } = crsInfo(crs);
  const geometry = shape === 'centroid' ? `ST_Centroid(${column})` : column;
  return `ST_AsGeoJSON(${srid === STORAGE_SRID ? geometry : `ST_Transform(${geometry}, ${srid})`}, ${decimals})::json`;
}

/** A perimeter on the spheroid, in metres. */
export function perimeterSql(column: string): string {
  return `ST_Perimeter(${column}::geography)`;
}

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
  const rows = await em.execute<Array<{ id: string; geojson: Geometry | null }>>(
    `select id, ${geometryJsonSql(`"${column}"`, shape, crs)} as geojson from "${table}" where id = any(array[?]::uuid[])`,
    [ids as string[]],
  );
  const byId = new Map(rows.map((row) => [row.id, row.geojson]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * Perimeters on the spheroid, in metres, by id (null without a geometry): computed only for the
 * rows whose perimeter a request selects.
 * @returns one number (or null) per id, in id order
 */
export async function readPerimeters(em: EntityManager, source: GeometrySource, ids: readonly string[]): Promise<Array<number | null>> {
  const [table, column] = source.split('.') as [string, string];
  const rows = await em.execute<Array<{ id: string; perimeter: number | null }>>(
    `select id, ${perimeterSql(`"${column}"`)} as perimeter from "${table}" where id = any(array[?]::uuid[])`,
    [ids as string[]],
  );
  const byId = new Map(rows.map((row) => [row.id, row.perimeter]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** An area on the spheroid in square metres: the stored `area_square_meters` columns (generated). */
export function areaSquareMetersSql(column: string): string {
  return `ST_Area(${column}::geography)`;
}
