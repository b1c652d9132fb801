import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidGeometryError } from '../shared/errors';
import { Crs, crsInfo, STORAGE_SRID } from './crs';
import type { Geometry, GeometryType } from './geojson';
import { assertValidGeoJson } from './geojson-validation';

export interface GeometryInputRules {
  /** Geometry types the field takes. */
  allowed: readonly GeometryType[];
  /** Name used in messages, e.g. "area". */
  field: string;
  /** Store polygons as MultiPolygon (the area columns are MultiPolygon). */
  toMulti?: boolean;
}

interface CheckedGeometryRow {
  valid: boolean;
  reason: string;
  geojson: string;
}

/**
 * Validates a geometry input and returns it as stored: 2D, EPSG:4326, MultiPolygon where asked.
 * Structure and ranges are checked in TypeScript first (cheap, precise messages); validity
 * (self-intersections, ring order) is PostGIS's own `ST_IsValid`/`ST_IsValidReason`, and the
 * CRS transform is `ST_Transform`. Runs before any write, outside the write transaction.
 * @throws InvalidGeometryError
 */
export async function normalizeGeometry(
  em: EntityManager,
  value: unknown,
  crs: Crs = Crs.EPSG_4326,
  rules: GeometryInputRules,
): Promise<Geometry> {
  assertValidGeoJson(value, rules.allowed, crs, rules.field);
  const wrap = rules.toMulti ? 'ST_Multi' : '';
  let row: CheckedGeometryRow | undefined;
  try {
    [row] = await em.execute<CheckedGeometryRow[]>(
      `with input as (select ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(?::text), ?::int)) as g)
       select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason,
              ST_AsGeoJSON(${wrap}(ST_Transform(g, ${STORAGE_SRID})), 9) as geojson
       from input`,
      [JSON.stringify(value), crsInfo(crs).srid],
    );
  } catch (error) {
    throw new InvalidGeometryError(
      `Invalid ${rules.field}: PostGIS could not read it (${(error as Error).message.split('\n')[0]})`,
      rules.field,
    );
  }
  if (!row!.valid) {
    throw new InvalidGeometryError(
      `Invalid ${rules.field}: ${row!.reason} (PostGIS ST_IsValidReason, coordinates in ${crsInfo(crs).label})`,
      rules.field,
    );
  }
  return JSON.parse(row!.geojson) as Geometry;
}
