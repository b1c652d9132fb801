import type { EntityManager } from '@mikro-orm/postgresql';
import { SqlWriter } from '../sql-writer';
import { STORAGE_SRID } from './crs';
import type { Geometry } from './geojson';
import { geometryParam } from './geometry-input';

/** A demo place (db/seeders): a point, a line, or a circle of `radiusM` metres around a centre. */
export type DemoPlace = { point: [number, number] } | { center: [number, number]; radiusM: number } | { line: Array<[number, number]> };

/** A demo place as stored geometry (a MultiPolygon with `multi`); circles are buffered on the spheroid by PostGIS. */
export async function demoPlaceGeometry(em: EntityManager, place: DemoPlace, multi: boolean): Promise<Geometry> {
  const w = new SqlWriter('positional');
  const geometry =
    'center' in place
      ? `ST_Buffer(ST_SetSRID(ST_MakePoint(${w.param(place.center[0], 'float8')}, ${w.param(place.center[1], 'float8')}), ${STORAGE_SRID})::geography, ${w.param(place.radiusM, 'float8')}, 'quad_segs=8')::geometry`
      : geometryParam('point' in place ? { type: 'Point', coordinates: place.point } : { type: 'LineString', coordinates: place.line }, w);
  const [row] = await em.execute<Array<{ g: string }>>(
    `select ST_AsGeoJSON(${multi ? `ST_Multi(${geometry})` : geometry}, 9) as g`,
    w.values as never,
  );
  return JSON.parse(row!.g) as Geometry;
}
