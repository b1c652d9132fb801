import { Crs } from '../../../db/spatial/crs';
import { ANY_SIMPLE_TYPES, POLYGONAL_TYPES } from '../../../db/spatial/geojson';
import { assertValidGeoJson, MAX_VERTICES } from '../../../schema/spatial/geojson-validation';

function ringOf(vertices: number): number[][] {
  const ring = Array.from({ length: vertices - 1 }, (_, i) => [
    18 + 0.01 * Math.cos((2 * Math.PI * i) / (vertices - 1)),
    59 + 0.01 * Math.sin((2 * Math.PI * i) / (vertices - 1)),
  ]);
  return [...ring, ring[0]!];
}

describe('assertValidGeoJson', () => {
  it.each([
    { type: 'Point', coordinates: [18, 59] },
    {
      type: 'MultiPoint',
      coordinates: [
        [18, 59],
        [18.1, 59.1],
      ],
    },
    {
      type: 'LineString',
      coordinates: [
        [18, 59],
        [18.1, 59.1],
      ],
    },
    {
      type: 'MultiLineString',
      coordinates: [
        [
          [18, 59],
          [18.1, 59.1],
        ],
      ],
    },
    {
      type: 'Polygon',
      coordinates: [
        [
          [18, 59],
          [18.1, 59],
          [18.1, 59.1],
          [18, 59],
        ],
      ],
    },
    {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [18, 59],
            [18.1, 59],
            [18.1, 59.1],
            [18, 59],
          ],
        ],
      ],
    },
  ])('accepts a valid $type', (geometry) => {
    expect(assertValidGeoJson(geometry, ANY_SIMPLE_TYPES)).toBe(geometry);
  });

  it('names the JSON path of the bad part', () => {
    const geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [18, 59],
          [18.1, 59],
          [18.1, 59.1],
          [18, 'x'],
          [18, 59],
        ],
      ],
    };
    expect(() => assertValidGeoJson(geometry, POLYGONAL_TYPES, Crs.EPSG_4326, 'area')).toThrow(
      'Invalid area at .coordinates[0][3][1]: expected a finite number, got the string "x"',
    );
  });

  it(`accepts exactly ${MAX_VERTICES} vertices and refuses one more`, () => {
    expect(() => assertValidGeoJson({ type: 'Polygon', coordinates: [ringOf(MAX_VERTICES)] }, POLYGONAL_TYPES)).not.toThrow();
    expect(() => assertValidGeoJson({ type: 'Polygon', coordinates: [ringOf(MAX_VERTICES + 1)] }, POLYGONAL_TYPES)).toThrow(
      `more than ${MAX_VERTICES} vertices`,
    );
  });

  it('checks ranges in the CRS given: SWEREF 99 TM metres pass there and fail as degrees', () => {
    const sweref = { type: 'Point', coordinates: [674_000, 6_580_800] };
    expect(() => assertValidGeoJson(sweref, ANY_SIMPLE_TYPES, Crs.EPSG_3006)).not.toThrow();
    expect(() => assertValidGeoJson(sweref, ANY_SIMPLE_TYPES, Crs.EPSG_4326)).toThrow('longitude 674000 is outside -180..180');
  });

  it('carries the INVALID_GEOMETRY code and the field', () => {
    try {
      assertValidGeoJson({ type: 'Point', coordinates: [] }, ANY_SIMPLE_TYPES, Crs.EPSG_4326, 'location');
      throw new Error('not refused');
    } catch (error) {
      expect((error as { extensions: unknown }).extensions).toEqual({ code: 'INVALID_GEOMETRY', field: 'location' });
    }
  });
});
