import type { EntityManager } from '@mikro-orm/postgresql';
import type { Geometry } from './geojson';
import { Crs, crsInfo, STORAGE_SRID } from './crs';

/**
 * Geometry columns that can be read in another CRS. Names are code constants, never user input.
 * A version table (`scene_version`, …) is keyed by "id:version" (sourceKeySql).
 */
export type GeometrySource =
  | 'scene.area'
  | 'agreement.area'
  | 'intervention.location'
  | 'scene_version.area'
  | 'agreement_version.area'
  | 'intervention_version.location'
  | 'change_event.location'
  | 'watch_area.area';

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

/** A WGS 84 geometry held in memory (one no longer stored) as GeoJSON in `crs`, written by PostGIS as geometryJsonSql does. */
export async function transformGeometry(em: EntityManager, geometry: Geometry, crs: Crs): Promise<Geometry> {
  const [row] = await em.execute<Array<{ geojson: Geometry }>>(
    `select ${geometryJsonSql(`ST_SetSRID(ST_GeomFromGeoJSON(?::text), ${STORAGE_SRID})`, 'self', crs)} as geojson`,
    [JSON.stringify(geometry)],
  );
  return row!.geojson;
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
    `select ${sourceKeySql(table)} as id, ${geometryJsonSql(`"${column}"`, shape, crs)} as geojson from "${table}" where ${sourceKeysMatchSql(table)}`,
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
    `select ${sourceKeySql(table)} as id, ${perimeterSql(`"${column}"`)} as perimeter from "${table}" where ${sourceKeysMatchSql(table)}`,
    [ids as string[]],
  );
  const byId = new Map(rows.map((row) => [row.id, row.perimeter]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** A row's key in a geometry source (row `alias.`): its id, or "id:version" in a version table. */
function sourceKeySql(table: string, alias = ''): string {
  if (table === 'change_event') return `${alias}id::text`;
  return table.endsWith('_version') ? `${alias}id::text || ':' || ${alias}version` : `${alias}id`;
}

/** The rows (`alias.`) of the keys bound as one text array (by primary key, so by its index). */
function sourceKeysMatchSql(table: string, alias = ''): string {
  if (table === 'change_event') return `${alias}id = any(array[?]::bigint[])`;
  return table.endsWith('_version')
    ? `(${alias}id, ${alias}version) in (select split_part(k, ':', 1)::uuid, split_part(k, ':', 2)::int from unnest(array[?]::text[]) k)`
    : `${alias}id = any(array[?]::uuid[])`;
}

/** An area on the spheroid in square metres: the stored `area_square_meters` columns (generated). */
export function areaSquareMetersSql(column: string): string {
  return `ST_Area(${column}::geography)`;
}

/** What a version of an area gained and lost against the version before it (null for a first version). */
export interface AreaChange {
  gained: Geometry | null;
  lost: Geometry | null;
  gainedSquareMeters: number;
  lostSquareMeters: number;
}

/**
 * For versions of a version table's area (keys "id:version"), the area gained and lost against
 * the version before (`ST_Difference` both ways), as MultiPolygon GeoJSON in `crs` and in m² on the spheroid;
 * an empty difference is null and 0 m².
 * @returns one change (or null: a first version, or no such version) per key, in key order
 */
export async function readAreaChanges(
  em: EntityManager,
  table: 'scene_version',
  crs: Crs,
  keys: readonly string[],
): Promise<Array<AreaChange | null>> {
  const rows = await em.execute<Array<AreaChange & { key: string }>>(
    `select d.key,
            case when ST_IsEmpty(d.gained) then null else ${geometryJsonSql('d.gained', 'self', crs)} end as gained,
            case when ST_IsEmpty(d.lost) then null else ${geometryJsonSql('d.lost', 'self', crs)} end as lost,
            ${areaSquareMetersSql('d.gained')} as "gainedSquareMeters", ${areaSquareMetersSql('d.lost')} as "lostSquareMeters"
       from (select ${sourceKeySql(table, 'v.')} as key,
                    ST_Multi(ST_Difference(v.area, before.area)) as gained, ST_Multi(ST_Difference(before.area, v.area)) as lost
               from "${table}" v
               join lateral (select b.area from "${table}" b where b.id = v.id and b.version < v.version order by b.version desc limit 1) before on true
              where ${sourceKeysMatchSql(table, 'v.')}) d`,
    [keys as string[]],
  );
  const byKey = new Map(rows.map(({ key, ...change }) => [key, change]));
  return keys.map((key) => byKey.get(key) ?? null);
}
