import geojsonvt from 'geojson-vt';
// vt-pbf ships no types; its one function used here is typed below.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vtpbf = require('vt-pbf') as {
  fromGeojsonVt(layers: Record<string, unknown>, options?: { version?: number; extent?: number }): Uint8Array;
};

/**
 * Encodes a Mapbox vector tile in JavaScript (geojson-vt + vt-pbf), for a PostGIS built without
 * protobuf-c, as the embedded PGlite one is; ST_AsMVT is used wherever PostGIS has it.
 * @param features GeoJSON features in WGS 84 that touch the tile
 */
export function encodeTile(
  layer: string,
  features: Array<{ geometry: unknown; properties: Record<string, unknown> }>,
  z: number,
  x: number,
  y: number,
): Buffer {
  const index = geojsonvt({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', ...f })) } as never, {
    maxZoom: Math.max(z, 1),
    indexMaxZoom: 0,
    indexMaxPoints: 0,
    extent: 4096,
    buffer: 64,
  });
  const tile = index.getTile(z, x, y);
  if (!tile || tile.features.length === 0) return Buffer.alloc(0);
  return Buffer.from(vtpbf.fromGeojsonVt({ [layer]: tile }, { version: 2, extent: 4096 }));
}
