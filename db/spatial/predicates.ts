import type { EntityManager } from '@mikro-orm/postgresql';
import { SqlWriter } from '../sql-writer';
import { STORAGE_SRID } from './crs';

/**
 * A spatial filter as PostGIS gets it: its values already checked (schema/spatial/spatial-filter.ts),
 * its geometries as writers of SQL expressions in WGS 84 (called where the expression goes, so
 * that `?` placeholders stay in the order of the text).
 */
export interface SpatialPredicates {
  intersects?: (w: SqlWriter) => string;
  within?: (w: SqlWriter) => string;
  /** A box in its own CRS (`srid`). */
  box?: { minX: number; minY: number; maxX: number; maxY: number; srid: number };
  near?: { point: (w: SqlWriter) => string; radiusMeters: number };
}

/**
 * The conditions of a spatial filter on a geometry column (`column`, e.g. `r.area`), for every
 * read path. Each is one PostGIS answers from the column's GIST index: `ST_Intersects` and
 * `ST_Within` on the geometry, `ST_DWithin` on `column::geography` (an expression index), so
 * radii are metres on the spheroid.
 */
export function spatialPredicatesSql(predicates: SpatialPredicates, column: string, w: SqlWriter): string[] {
  const conditions: string[] = [];
  if (predicates.intersects) conditions.push(`ST_Intersects(${column}, ${predicates.intersects(w)})`);
  if (predicates.within) conditions.push(`ST_Within(${column}, ${predicates.within(w)})`);
  if (predicates.box) conditions.push(`ST_Intersects(${column}, ${boxSql(predicates.box, w)})`);
  if (predicates.near) {
    conditions.push(
      `ST_DWithin(${column}::geography, ${predicates.near.point(w)}::geography, ${w.param(predicates.near.radiusMeters, 'float8')})`,
    );
  }
  return conditions;
}

/** A box given in its own CRS, as a WGS 84 polygon. */
export function boxSql(box: NonNullable<SpatialPredicates['box']>, w: SqlWriter): string {
  const corners = [box.minX, box.minY, box.maxX, box.maxY].map((value) => w.param(value, 'float8')).join(', ');
  return `ST_Transform(ST_MakeEnvelope(${corners}, ${w.param(box.srid, 'int')}), ${STORAGE_SRID})`;
}

/** The extent of such a box in WGS 84 (a statement of its own: for filters kept in memory). */
export async function boxExtentIn4326(em: EntityManager, box: NonNullable<SpatialPredicates['box']>) {
  const w = new SqlWriter('positional');
  const [row] = await em.execute<Array<{ minX: number; minY: number; maxX: number; maxY: number }>>(
    `select ST_XMin(b) as "minX", ST_YMin(b) as "minY", ST_XMax(b) as "maxX", ST_YMax(b) as "maxY" from (select ${boxSql(box, w)}::box2d as b) x`,
    w.values as never,
  );
  return row!;
}
