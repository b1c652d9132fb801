import { notArchivedSql } from '../scene-sql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isoMomentSql, SqlWriter } from '../sql-writer';
import { Crs, crsInfo, STORAGE_SRID } from './crs';
import { boxSql } from './predicates';

/**
 * The map layers: a scene, an intervention and an agreement area as map features, defined once
 * for the vector tiles, OGC API - Features and the exports (and their SQL here, with PostGIS). All
 * SQL is code constants over the row alias `t`; values are bound.
 */
export interface MapLayer {
  /** The table (a code constant), or a subquery with its columns (the rows as they stood at a moment). */
  table: string;
  /** The geometry column. */
  geometry: string;
  /** The condition every served row meets. */
  base: string;
  /** A json object of the feature's properties, in the order an export's CSV columns take (OGC API - Features, exports). */
  properties: string;
  /** The few columns a vector tile carries (a tile stays small). */
  tileProperties: string;
  /** The row's time span, [start, end] (end may be null: open). */
  temporal: { start: string; end: string };
}

export type MapLayerName = 'scenes' | 'interventions' | 'agreements';

export const MAP_LAYERS: Record<MapLayerName, MapLayer> = {
  scenes: {
    table: 'scene',
    geometry: 'area',
    base: notArchivedSql('t'),
    properties: `json_build_object('name', t.name, 'municipality', t.municipality, 'district', t.district, 'policeArea', t.police_area,
                   'statAreas', array_to_string(t.stat_areas, ';'), 'status', t.status, 'statusSince', ${isoMomentSql('t.status_since')},
                   'areaSquareMeters', t.area_square_meters, 'version', t.version)`,
    tileProperties: 't.id, t.name, t.status, t.municipality',
    temporal: { start: 't.status_since', end: 't.status_since' },
  },
  interventions: {
    table: 'intervention',
    geometry: 'location',
    base: 'true',
    properties: `json_build_object('title', t.title, 'category', t.category, 'kind', t.kind, 'sceneId', t.scene_id, 'ownerId', t.owner_id,
                   'agreementId', t.agreement_id, 'startsAt', ${isoMomentSql('t.starts_at')}, 'endsAt', ${isoMomentSql('t.ends_at')},
                   'recurrence', t.recurrence, 'sensitivity', t.sensitivity, 'version', t.version)`,
    tileProperties: 't.id, t.title, t.category, t.kind',
    temporal: { start: 't.starts_at', end: 't.ends_at' },
  },
  agreements: {
    table: 'agreement',
    geometry: 'area',
    base: 't.area is not null',
    properties: `json_build_object('kind', t.kind, 'title', t.title, 'validFrom', t.valid_from, 'validTo', t.valid_to, 'version', t.version)`,
    tileProperties: 't.id, t.kind, t.title',
    temporal: { start: 't.valid_from::timestamptz', end: "(t.valid_to + interval '1 day')::timestamptz" },
  },
};

/** What selects features: a box (in its CRS), a time span, an id, and a condition of its own (a CQL2 filter, db/spatial/cql2-sql.ts). */
export interface FeatureSelection {
  bbox?: { minX: number; minY: number; maxX: number; maxY: number; crs: Crs } | null;
  datetime?: { start?: Date | null; end?: Date | null } | null;
  id?: string;
  /** An SQL condition on the row `t`, written with `w` where it goes. */
  where?: (w: SqlWriter) => string;
}

export interface FeatureRow {
  id: string;
  /** GeoJSON text in the CRS asked for. */
  geometry: string | null;
  properties: Record<string, unknown>;
}

/** How many features of the layer match (OGC's numberMatched). */
export async function countFeatures(em: EntityManager, layer: MapLayer, selection: FeatureSelection): Promise<number> {
  const w = new SqlWriter('positional');
  const where = conditions(layer, selection, w);
  const [row] = await em.execute<Array<{ n: string }>>(`select count(*) as n from ${layer.table} t where ${where}`, w.values as never);
  return Number(row!.n);
}

/** A page of features in `crs` (its axes flipped when the CRS's authority order asks for it), ordered by id. */
export async function readFeatures(
  em: EntityManager,
  layer: MapLayer,
  selection: FeatureSelection & { crs: Crs; flip: boolean; limit: number; offset: number },
): Promise<FeatureRow[]> {
  const w = new SqlWriter('positional');
  const { srid, decimals } = crsInfo(selection.crs);
  const transformed = `ST_Transform(t.${layer.geometry}, ${w.param(srid, 'int')})`;
  const geometry = `ST_AsGeoJSON(${selection.flip ? `ST_FlipCoordinates(${transformed})` : transformed}, ${w.param(decimals, 'int')})`;
  const where = conditions(layer, selection, w);
  return em.execute<FeatureRow[]>(
    `select t.id, ${geometry} as geometry, ${layer.properties} as properties
       from ${layer.table} t where ${where} order by t.id limit ${w.param(selection.limit, 'int')} offset ${w.param(selection.offset, 'bigint')}`,
    w.values as never,
  );
}

/** How an exported feature carries its geometry: GeoJSON, or WKT with the centroid's coordinates (CSV). */
export type ExportShape = 'geojson' | 'wkt';

export interface ExportRow {
  id: string;
  properties: Record<string, unknown>;
  /** With `geojson`: the geometry in the CRS asked for. */
  geometry?: unknown;
  /** With `wkt`: the geometry as WKT and its centroid's x and y, in the CRS asked for. */
  wkt?: string;
  centroidX?: number;
  centroidY?: number;
}

/**
 * The SQL of an export: every row of the layer meeting `conditions` (on the row `t`; they decide
 * which rows, archived scenes included when the caller's filter says so), as features with the
 * layer's properties and the geometry in `crs`, ordered by `orderBy` (code constants), at most
 * `limit`. The CRS's SRID and precision are written as numbers, so the only placeholders are
 * the conditions'.
 */
export function exportFeaturesSql(
  layer: MapLayer,
  spec: { crs: Crs; shape: ExportShape; conditions: string[]; orderBy: string; limit?: number },
): string {
  const { srid, decimals } = crsInfo(spec.crs);
  const column = `t.${layer.geometry}`;
  const inCrs = (geometry: string) => (srid === STORAGE_SRID ? geometry : `ST_Transform(${geometry}, ${srid})`);
  const geometry =
    spec.shape === 'geojson'
      ? `ST_AsGeoJSON(${inCrs(column)}, ${decimals})::json as geometry`
      : `ST_AsText(${inCrs(column)}, ${decimals}) as wkt, ST_X(${inCrs(`ST_Centroid(${column})`)}) as "centroidX", ST_Y(${inCrs(`ST_Centroid(${column})`)}) as "centroidY"`;
  const where = spec.conditions.length ? `where ${spec.conditions.map((condition) => `(${condition})`).join(' and ')}` : '';
  const limit = spec.limit === undefined ? '' : `limit ${Math.trunc(spec.limit)}`;
  return `select t.id, ${layer.properties} as properties, ${geometry} from ${layer.table} t ${where} order by ${spec.orderBy} ${limit}`;
}

/** The layer's extent in WGS 84 (lon/lat), or null when it is empty. */
export async function layerExtent(em: EntityManager, layer: MapLayer): Promise<number[] | null> {
  const [row] = await em.execute<Array<{ xmin: number | null; ymin: number; xmax: number; ymax: number }>>(
    `select ST_XMin(e) as xmin, ST_YMin(e) as ymin, ST_XMax(e) as xmax, ST_YMax(e) as ymax
       from (select ST_Extent(t.${layer.geometry}) as e from ${layer.table} t where ${layer.base}) x`,
  );
  return row?.xmin == null ? null : [row.xmin, row.ymin, row.xmax, row.ymax];
}

/**
 * A Mapbox vector tile of the layer `name` read from `layer` (default: as it is now), made by
 * PostGIS (`ST_AsMVT`; a PostGIS built with protobuf-c).
 */
export async function vectorTile(
  em: EntityManager,
  name: MapLayerName,
  z: number,
  x: number,
  y: number,
  layer: MapLayer = MAP_LAYERS[name],
): Promise<Buffer> {
  const [row] = await em.execute<Array<{ tile: Buffer | null }>>(
    `with bounds as (select ST_TileEnvelope(?, ?, ?) as env),
          features as (select ${layer.tileProperties}, ST_AsMVTGeom(ST_Transform(t.${layer.geometry}, 3857), b.env, 4096, 64, true) as geom
                         from ${tileSource(layer)} order by 1)
     select ST_AsMVT(features, ?, 4096, 'geom') as tile from features where geom is not null`,
    [z, x, y, name],
  );
  return row?.tile ?? Buffer.alloc(0);
}

/** The tile's features as GeoJSON in WGS 84, for encoding in JavaScript where PostGIS cannot (the embedded PGlite build). */
export async function tileFeatures(
  em: EntityManager,
  name: MapLayerName,
  z: number,
  x: number,
  y: number,
  layer: MapLayer = MAP_LAYERS[name],
) {
  const rows = await em.execute<Array<Record<string, unknown> & { geojson: string }>>(
    `with bounds as (select ST_TileEnvelope(?, ?, ?) as env)
     select ${layer.tileProperties}, ST_AsGeoJSON(t.${layer.geometry}) as geojson from ${tileSource(layer)} order by 1`,
    [z, x, y],
  );
  return rows.map(({ geojson, ...properties }) => ({ geometry: JSON.parse(geojson) as unknown, properties }));
}

/** Whether this PostGIS can make vector tiles (built with protobuf-c). */
export async function canMakeVectorTiles(em: EntityManager): Promise<boolean> {
  const [row] = await em.execute<Array<{ version: string }>>('select postgis_full_version() as version');
  return /PROTOBUF=/.test(row!.version);
}

// Private:

/** The WHERE of a selection: the layer's base condition, the box (GIST-indexed), the time span's overlap, the id. */
function conditions(layer: MapLayer, selection: FeatureSelection, w: SqlWriter): string {
  const sql = [layer.base];
  if (selection.id !== undefined) sql.push(`t.id = ${w.param(selection.id, 'uuid')}`);
  if (selection.bbox)
    sql.push(`ST_Intersects(t.${layer.geometry}, ${boxSql({ ...selection.bbox, srid: crsInfo(selection.bbox.crs).srid }, w)})`);
  if (selection.datetime?.end) sql.push(`${layer.temporal.start} <= ${w.param(selection.datetime.end, 'timestamptz')}`);
  if (selection.datetime?.start)
    sql.push(`coalesce(${layer.temporal.end}, 'infinity'::timestamptz) >= ${w.param(selection.datetime.start, 'timestamptz')}`);
  if (selection.where) sql.push(selection.where(w));
  return sql.join(' and ');
}

/** The rows of a layer within a tile's bounds (`b.env`, in Web Mercator). */
function tileSource(layer: MapLayer): string {
  return `${layer.table} t, bounds b where ${layer.base} and t.${layer.geometry} && ST_Transform(b.env, 4326)`;
}
