import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidGeometryError } from '../shared/errors';
import { Crs, crsInfo } from '../../db/spatial/crs';
import { checkGeometry, type CheckedGeometry } from '../../db/spatial/geometry-input';
import { POLYGONAL_TYPES, type Geometry, type GeometryType, type MultiPolygon } from '../../db/spatial/geojson';
import { geometryToWrite } from '../../db/spatial/geometry.type';
import { assertValidGeoJson } from './geojson-validation';

export interface GeometryInputRules {
  /** Geometry types the field takes. */
  allowed: readonly GeometryType[];
  /** Name used in messages, e.g. "area". */
  field: string;
}

/**
 * A geometry input to be written: its structure and ranges are checked here (precise messages,
 * no statement); the write itself transforms it and the table's trigger validates it once, with
 * PostGIS's reason (db/spatial/geometry.type.ts). No statement of its own.
 * @throws InvalidGeometryError
 */
export function geometryForWrite(value: unknown, crs: Crs = Crs.EPSG_4326, rules: GeometryInputRules): Geometry {
  assertValidGeoJson(value, rules.allowed, crs, rules.field);
  return geometryToWrite(value as Geometry, crsInfo(crs).srid);
}

/** A scene's or agreement's area to be written (Polygon or MultiPolygon; stored as a MultiPolygon). */
export function areaForWrite(value: unknown, crs: Crs = Crs.EPSG_4326): MultiPolygon {
  return geometryForWrite(value, crs, { allowed: POLYGONAL_TYPES, field: 'area' }) as MultiPolygon;
}

/**
 * Validates a geometry a read uses (a filter's area, a point to measure from) and returns it 2D
 * in EPSG:4326. Structure and ranges are checked in TypeScript first (cheap, precise messages);
 * validity and the transform are PostGIS's (db/spatial/geometry-input.ts), whose reason the
 * message quotes.
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
    checked = await checkGeometry(em, value, crsInfo(crs).srid);
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
