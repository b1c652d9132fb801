import { raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../shared/errors';
import { crsInfo, STORAGE_SRID } from './crs';
import { ANY_SIMPLE_TYPES, POLYGONAL_TYPES } from './geojson';
import { normalizeGeometry } from './geometry.service';
import type { BBoxInput, SpatialFilter } from './spatial-filter.inputs';

/** Largest radius a `near` filter accepts, in metres. */
export const MAX_RADIUS_METERS = 50_000;

/**
 * Turns a SpatialFilter into MikroORM conditions on a geometry column. Every predicate is one
 * PostGIS can answer from the column's GIST index: `ST_Intersects`/`ST_Within` on the geometry,
 * `ST_DWithin` on `column::geography` (an expression index), so radii are metres on the spheroid.
 * Input geometries are validated and brought to EPSG:4326 first (INVALID_GEOMETRY, BAD_USER_INPUT).
 */
export async function spatialConditions<T>(
  em: EntityManager,
  filter: SpatialFilter | undefined,
  column: string,
): Promise<FilterQuery<T>[]> {
  if (!filter) return [];
  const conditions: FilterQuery<T>[] = [];
  if (filter.intersects != null) {
    const geometry = await normalizeGeometry(em, filter.intersects, filter.crs, { allowed: ANY_SIMPLE_TYPES, field: 'spatial.intersects' });
    conditions.push(predicate(`ST_Intersects(??.${column}, ${GEOMETRY_PARAM})`, [JSON.stringify(geometry)]));
  }
  if (filter.within != null) {
    const geometry = await normalizeGeometry(em, filter.within, filter.crs, { allowed: POLYGONAL_TYPES, field: 'spatial.within' });
    conditions.push(predicate(`ST_Within(??.${column}, ${GEOMETRY_PARAM})`, [JSON.stringify(geometry)]));
  }
  if (filter.bbox) {
    const { minX, minY, maxX, maxY, srid } = checkBBox(filter.bbox);
    conditions.push(
      predicate(`ST_Intersects(??.${column}, ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, ?::int), ${STORAGE_SRID}))`, [
        minX,
        minY,
        maxX,
        maxY,
        srid,
      ]),
    );
  }
  if (filter.near) {
    const radius = checkRadius(filter.near.radiusMeters, 'spatial.near.radiusMeters');
    const point = await normalizeGeometry(em, filter.near.point, filter.crs, { allowed: ['Point'], field: 'spatial.near.point' });
    conditions.push(predicate(`ST_DWithin(??.${column}::geography, ${GEOMETRY_PARAM}::geography, ?)`, [JSON.stringify(point), radius]));
  }
  return conditions;
}

/** @throws BadUserInputError unless 0 < radius <= MAX_RADIUS_METERS */
export function checkRadius(radius: number, field: string): number {
  if (!Number.isFinite(radius) || radius <= 0 || radius > MAX_RADIUS_METERS) {
    throw new BadUserInputError(`${field} must be more than 0 and at most ${MAX_RADIUS_METERS} metres, got ${radius}`, field);
  }
  return radius;
}

/** A checked box in WGS 84 (transformed by PostGIS when given in another CRS). */
export async function boxIn4326(em: EntityManager, bbox: BBoxInput) {
  const { minX, minY, maxX, maxY, srid } = checkBBox(bbox);
  if (srid === STORAGE_SRID) return { minX, minY, maxX, maxY };
  const [row] = await em.execute<Array<{ minX: number; minY: number; maxX: number; maxY: number }>>(
    `select ST_XMin(b) as "minX", ST_YMin(b) as "minY", ST_XMax(b) as "maxX", ST_YMax(b) as "maxY"
       from (select ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, ?::int), ${STORAGE_SRID})::box2d as b) x`,
    [minX, minY, maxX, maxY, srid],
  );
  return row!;
}

// Private:

const GEOMETRY_PARAM = `ST_SetSRID(ST_GeomFromGeoJSON(?::text), ${STORAGE_SRID})`;

/** A raw boolean condition; `??` stands for the entity's alias in the query. */
function predicate<T>(sql: string, params: unknown[]): FilterQuery<T> {
  return { [raw((alias: string) => sql.replaceAll('??', alias), params)]: [] } as FilterQuery<T>;
}

function checkBBox(bbox: BBoxInput) {
  const { extent, srid, label } = crsInfo(bbox.crs);
  if (bbox.minX >= bbox.maxX || bbox.minY >= bbox.maxY) {
    throw new BadUserInputError(
      `spatial.bbox is inverted or empty: needs minX < maxX and minY < maxY, got [${bbox.minX}, ${bbox.minY}, ${bbox.maxX}, ${bbox.maxY}]`,
      'spatial.bbox',
    );
  }
  const inside = bbox.minX >= extent.minX && bbox.maxX <= extent.maxX && bbox.minY >= extent.minY && bbox.maxY <= extent.maxY;
  if (!inside) {
    throw new BadUserInputError(
      `spatial.bbox is outside ${label}'s range x ${extent.minX}..${extent.maxX}, y ${extent.minY}..${extent.maxY}`,
      'spatial.bbox',
    );
  }
  return { ...bbox, srid };
}
