/** RFC 7946 geometry objects, as the API reads and writes them. Positions are [x, y] or [x, y, z]. */
export type Position = number[];

export type GeometryType = 'Point' | 'MultiPoint' | 'LineString' | 'MultiLineString' | 'Polygon' | 'MultiPolygon' | 'GeometryCollection';

export interface Geometry {
  type: GeometryType;
  coordinates?: unknown;
  geometries?: Geometry[];
}

export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

export const POLYGONAL_TYPES: readonly GeometryType[] = ['Polygon', 'MultiPolygon'];
export const ANY_SIMPLE_TYPES: readonly GeometryType[] = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
];
