import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidGeometryError } from '../shared/errors';
import { Crs, crsInfo } from '../../db/spatial/crs';
import { checkGeometry, type CheckedGeometry } from '../../db/spatial/geometry-input';
import type { Geometry, GeometryType } from '../../db/spatial/geojson';
import { assertValidGeoJson } from './geojson-validation';

export interface GeometryInputRules {
  /** Geometry types the field takes. */
  allowed: readonly GeometryType[];
  /** Name used in messages, e.g. "area". */
  field: string;
  /** Store polygons as MultiPolygon (the area columns are MultiPolygon). */
  toMulti?: boolean;
}

/**
 * Validates a geometry input and returns it as stored: 2D, EPSG:4326, MultiPolygon where asked.
 * Structure and ranges are checked in TypeScript first (cheap, precise messages); validity and
 * the transform are PostGIS's (db/spatial/geometry-input.ts), whose reason the message quotes.
 * Runs before any write, outside the write transaction.
 * @throws InvalidGeometryError
 */
export async function normalizeGeometry(
  em: EntityManager,
  value: unknown,
  crs: Crs = Crs.EPSG_4326,
  rules: GeometryInputRules,
): Promise<Geometry> {
  assertValidGeoJson(value, rules.allowed, crs, rules.field);
  // A point in WGS 84 that passed those checks is valid and stored as it is: no round trip (a
  // filter's point is validated without a statement of its own).
  const point = value as Geometry;
  if (point.type === 'Point' && crs === Crs.EPSG_4326)
    return { type: 'Point', coordinates: (point.coordinates as number[]).slice(0, 2) } as Geometry;
  let checked: CheckedGeometry;
  try {
    checked = await checkGeometry(em, value, crsInfo(crs).srid, rules.toMulti);
  } catch (error) {
    throw new InvalidGeometryError(
      `Invalid ${rules.field}: PostGIS could not read it (${(error as Error).message.split('\n')[0]})`,
      rules.field,
    );
  }
  if (!checked.valid) {
    throw new InvalidGeometryError(
      `Invalid ${rules.field}: ${checked.reason} (PostGIS ST_IsValidReason, coordinates in ${crsInfo(crs).label})`,
      rules.field,
    );
  }
  return checked.geojson;
}
