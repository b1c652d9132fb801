import type { EntityManager } from '@mikro-orm/postgresql';
import { crsInfo, STORAGE_SRID } from '../../../schema/spatial/crs';
import type { FeatureCollectionDefinition } from './collections';
import type { ItemsParams } from './ogc-params';

interface FeatureRow {
  id: string;
  geometry: string | null;
  properties: Record<string, unknown>;
}

/** The WHERE of an items request: the collection's base condition, bbox (GIST-indexed) and datetime overlap. */
function conditions(def: FeatureCollectionDefinition, params: Pick<ItemsParams, 'bbox' | 'datetime'>, id?: string) {
  const sql = [def.base];
  const values: unknown[] = [];
  if (id !== undefined) {
    sql.push('t.id = ?::uuid');
    values.push(id);
  }
  if (params.bbox) {
    const { minX, minY, maxX, maxY, crs } = params.bbox;
    sql.push(`ST_Intersects(t.${def.geometry}, ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, ?::int), ${STORAGE_SRID}))`);
    values.push(minX, minY, maxX, maxY, crsInfo(crs).srid);
  }
  if (params.datetime?.end) {
    sql.push(`${def.temporal.start} <= ?`);
    values.push(params.datetime.end);
  }
  if (params.datetime?.start) {
    sql.push(`coalesce(${def.temporal.end}, 'infinity'::timestamptz) >= ?`);
    values.push(params.datetime.start);
  }
  return { where: sql.join(' and '), values };
}

function geometrySql(def: FeatureCollectionDefinition, flip: boolean): string {
  const transformed = `ST_Transform(t.${def.geometry}, ?::int)`;
  return `ST_AsGeoJSON(${flip ? `ST_FlipCoordinates(${transformed})` : transformed}, ?::int)`;
}

export async function countFeatures(em: EntityManager, def: FeatureCollectionDefinition, params: ItemsParams): Promise<number> {
  const { where, values } = conditions(def, params);
  const [row] = await em.execute<Array<{ n: string }>>(`select count(*) as n from "${def.table}" t where ${where}`, values);
  return Number(row!.n);
}

export async function readFeatures(
  em: EntityManager,
  def: FeatureCollectionDefinition,
  params: ItemsParams & { crsFlips: boolean },
  id?: string,
): Promise<FeatureRow[]> {
  const { where, values } = conditions(def, params, id);
  const { srid, decimals } = crsInfo(params.crs);
  return em.execute<FeatureRow[]>(
    `select t.id, ${geometrySql(def, params.crsFlips)} as geometry, ${def.properties} as properties
       from "${def.table}" t where ${where} order by t.id limit ? offset ?`,
    [srid, decimals, ...values, params.limit, params.offset],
  );
}

/** The collection's extent in WGS 84 (lon/lat), or null when it is empty. */
export async function collectionExtent(em: EntityManager, def: FeatureCollectionDefinition): Promise<number[] | null> {
  const [row] = await em.execute<Array<{ xmin: number | null; ymin: number; xmax: number; ymax: number }>>(
    `select ST_XMin(e) as xmin, ST_YMin(e) as ymin, ST_XMax(e) as xmax, ST_YMax(e) as ymax
       from (select ST_Extent(t.${def.geometry}) as e from "${def.table}" t where ${def.base}) x`,
  );
  return row?.xmin == null ? null : [row.xmin, row.ymin, row.xmax, row.ymax];
}
