import type { EntityManager } from '@mikro-orm/postgresql';
import type { SqlWriter } from '../sql-writer';
import { STORAGE_SRID } from './crs';
import type { Geometry } from './geojson';

/**
 * Geometry inputs of reads as PostGIS reads them (a write's: geometry.type.ts).
 * Structure and ranges are checked before (schema/spatial/geojson-validation.ts); validity
 * (self-intersections, ring order) is PostGIS's `ST_IsValid`, the CRS transform `ST_Transform`.
 * A write hands its geometry to the INSERT (geometry.type.ts); a read's geometry is checked here
 * or, on the compiled path, inside its one statement (`foldedGeometry`).
 */

/** A WGS 84 geometry bound as GeoJSON text. */
export function geometryParam(geometry: Geometry, w: SqlWriter): string {
  return `ST_SetSRID(ST_GeomFromGeoJSON(${w.param(JSON.stringify(geometry), 'text')}), ${STORAGE_SRID})`;
}

/** What PostGIS says of an input geometry: whether valid (and why not), and the geometry 2D in WGS 84. */
export interface CheckedGeometry {
  valid: boolean;
  reason: string;
  /** 2D, WGS 84, MultiPolygon when asked: as the column stores it. */
  geojson: Geometry;
}

/**
 * Reads a GeoJSON geometry a read uses, given in `srid`, in a statement of its own: validity,
 * reason, and the geometry 2D in WGS 84. (Writes validate in the write: geometry.type.ts.)
 * @throws the driver's error when PostGIS cannot read it at all
 */
export async function checkGeometry(em: EntityManager, value: unknown, srid: number): Promise<CheckedGeometry> {
  const [row] = await em.execute<Array<{ valid: boolean; reason: string; geojson: string }>>(
    `with input as (select ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(?::text), ?::int)) as g)
     select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason,
            ST_AsGeoJSON(ST_Transform(g, ${STORAGE_SRID}), 9) as geojson
       from input`,
    [JSON.stringify(value), srid],
  );
  return { valid: row!.valid, reason: row!.reason, geojson: JSON.parse(row!.geojson) as Geometry };
}

/**
 * A GeoJSON geometry given in `srid`, read inside the statement that uses it: `geometry` (as
 * stored, see above) and `valid` (a condition the statement must meet to answer). The compiled
 * read path folds input validation into its one statement this way.
 */
export function foldedGeometry(value: unknown, srid: number, w: SqlWriter): { geometry: string; valid: string } {
  const read = `ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(${w.param(JSON.stringify(value), 'text')}), ${srid}))`;
  return {
    geometry: `ST_SetSRID(ST_GeomFromGeoJSON(ST_AsGeoJSON(ST_Transform(${read}, ${STORAGE_SRID}), 9)), ${STORAGE_SRID})`,
    valid: `ST_IsValid(${read})`,
  };
}
