import type { EntityManager } from '@mikro-orm/postgresql';
import type { SqlWriter } from '../../db/sql-writer';
import { BadUserInputError } from '../shared/errors';
import { Crs, crsInfo, STORAGE_SRID } from '../../db/spatial/crs';
import { foldedGeometry, geometryParam } from '../../db/spatial/geometry-input';
import { boxExtentIn4326, spatialPredicatesSql, type SpatialPredicates } from '../../db/spatial/predicates';
import { ANY_SIMPLE_TYPES, POLYGONAL_TYPES, type Geometry, type GeometryType } from '../../db/spatial/geojson';
import { assertValidGeoJson } from './geojson-validation';
import { normalizeGeometry } from './geometry.service';
import type { BBoxInput, SpatialFilter } from './spatial-filter.inputs';

/** Largest radius a `near` filter accepts, in metres. */
export const MAX_RADIUS_METERS = 50_000;

/** The geometries of a SpatialFilter, made ready by one of the two functions below (SQL writers in WGS 84). */
export type SpatialInputs = Pick<SpatialPredicates, 'intersects' | 'within'> & { nearPoint?: SpatialPredicates['intersects'] };

/**
 * The conditions of a SpatialFilter on a geometry column (`column`, e.g. `r.area`), for every
 * read path: its box and radius checked here, its SQL written by db/spatial/predicates.ts.
 * @throws BadUserInputError for a bad box or radius
 */
export function spatialConditionsSql(filter: SpatialFilter | undefined, column: string, inputs: SpatialInputs, w: SqlWriter): string[] {
  if (!filter) return [];
  return spatialPredicatesSql(
    {
      intersects: inputs.intersects,
      within: inputs.within,
      box: filter.bbox ? checkBBox(filter.bbox) : undefined,
      near: filter.near
        ? { point: inputs.nearPoint!, radiusMeters: checkRadius(filter.near.radiusMeters, 'spatial.near.radiusMeters') }
        : undefined,
    },
    column,
    w,
  );
}

/**
 * The filter's geometries validated by PostGIS in a statement of their own (INVALID_GEOMETRY
 * with PostGIS's reason), then bound as WGS 84 GeoJSON: the resolver path.
 */
export async function validatedSpatialInputs(em: EntityManager, filter: SpatialFilter | undefined): Promise<SpatialInputs> {
  const inputs: SpatialInputs = {};
  for (const { key, value, allowed, field } of geometriesOf(filter)) {
    const geometry = await normalizeGeometry(em, value, filter!.crs, { allowed, field });
    inputs[key] = (w) => geometryParam(geometry, w);
  }
  return inputs;
}

/**
 * The filter's geometries read by PostGIS within the statement itself, with the validity of each
 * added to `checks` (the statement answers nothing unless all hold): the compiled read path,
 * which sends no statement of its own to validate. Their structure is checked here first. `w` is
 * the statement's writer.
 * @throws InvalidGeometryError, BadUserInputError
 */
export function foldedSpatialInputs(filter: SpatialFilter | undefined, w: SqlWriter, checks: string[]): SpatialInputs {
  const inputs: SpatialInputs = {};
  for (const { key, value, allowed, field } of geometriesOf(filter)) {
    assertValidGeoJson(value, allowed, filter!.crs, field);
    const geometry = value as Geometry;
    if (geometry.type === 'Point' && filter!.crs === Crs.EPSG_4326) {
      // A valid WGS 84 point needs neither a transform nor a validity check.
      const point = geometryParam({ type: 'Point', coordinates: (geometry.coordinates as number[]).slice(0, 2) }, w);
      inputs[key] = () => point;
      continue;
    }
    const folded = foldedGeometry(value, crsInfo(filter!.crs).srid, w);
    checks.push(folded.valid);
    inputs[key] = () => folded.geometry;
  }
  return inputs;
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
  return boxExtentIn4326(em, { minX, minY, maxX, maxY, srid });
}

// Private:

/** The geometries a filter carries, with the types each takes and its name in messages. */
function geometriesOf(filter: SpatialFilter | undefined) {
  const found: Array<{ key: keyof SpatialInputs; value: unknown; allowed: readonly GeometryType[]; field: string }> = [];
  if (filter?.intersects != null)
    found.push({ key: 'intersects', value: filter.intersects, allowed: ANY_SIMPLE_TYPES, field: 'spatial.intersects' });
  if (filter?.within != null) found.push({ key: 'within', value: filter.within, allowed: POLYGONAL_TYPES, field: 'spatial.within' });
  if (filter?.near) found.push({ key: 'nearPoint', value: filter.near.point, allowed: ['Point'], field: 'spatial.near.point' });
  return found;
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
