// The board's map: the region's land and lakes (build/geography.json, cut from OpenStreetMap data at
// build time) under every scene's area, a marker whose shape and colour both say its status, and
// the scene's name placed where it touches no other name or marker.
import { shapePath, shortName } from './status.js';

const SVG = 'http://www.w3.org/2000/svg';
/** Shown when there are no scenes yet: central Stockholm, [west, south, east, north]. */
const DEFAULT_EXTENT = [17.8, 59.22, 18.3, 59.42];
/** Smallest extent shown, in degrees of latitude, so one scene is not drawn at street scale. */
const MIN_SPAN = 0.08;
/** How far a label may be pushed from its marker, in label heights, before the board gives up. */
const LABEL_STEPS = [0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8];
/** Label directions tried in turn: right and left first (they read best), then diagonals, then above and below. */
const DIRECTIONS = [
  [1, 0],
  [-1, 0],
  [1, -1],
  [1, 1],
  [-1, -1],
  [-1, 1],
  [0, -1],
  [0, 1],
];

/**
 * Draws the map into `svg`, sized to the element's box so that text sizes are screen pixels.
 * `highlighted` holds the ids of scenes whose status just changed: they get a pulsing ring.
 * Returns the open scenes' names that could not be placed clear of the others (none, unless the map is tiny).
 */
export function drawMap(svg, scenes, geography, highlighted) {
  const { width, height } = svg.getBoundingClientRect();
  if (!width || !height) return [];
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const fontSize = labelFontSize(window.innerWidth, window.innerHeight);
  svg.style.setProperty('--label-size', `${fontSize}px`);
  const markerRadius = Math.round(fontSize * 0.55);
  const project = fitProjection(scenes, width, height, fontSize * 2.5);
  const layer = (name) => element('g', { class: name });
  const [land, lakes, areas, leaders, markers, rings, labels, scale] = [
    'land',
    'lakes',
    'areas',
    'leaders',
    'markers',
    'rings',
    'labels',
    'scale',
  ].map(layer);
  svg.replaceChildren(element('rect', { class: 'water', width, height }), land, lakes, areas, leaders, markers, rings, labels, scale);

  if (geography) {
    land.append(element('path', { d: featuresPath(geography.land.features, project) }));
    lakes.append(element('path', { d: featuresPath(geography.lakes.features, project) }));
  }
  const scaleBox = drawScaleBar(scale, project, width, height, fontSize);

  const placed = scenes.map((scene) => {
    const [x, y] = project(scene.centroid?.coordinates ?? scene.area.coordinates.flat(2)[0] ?? [0, 0]);
    const data = { 'data-scene-id': scene.id, 'data-status': scene.status };
    areas.append(element('path', { class: 'area', d: polygonsPath(scene.area, project), ...data }));
    const marker = element('path', {
      class: 'marker',
      d: shapePath(scene.status, markerRadius),
      transform: `translate(${x} ${y})`,
      ...data,
    });
    marker.append(titled(`${scene.name}: ${scene.status}`));
    markers.append(marker);
    if (highlighted.has(scene.id))
      rings.append(element('circle', { class: 'pulse', cx: x, cy: y, r: markerRadius * 1.8, 'data-highlight': 'true', ...data }));
    const markerBox = box(x - markerRadius - 2, y - markerRadius - 2, 2 * markerRadius + 4, 2 * markerRadius + 4);
    return { scene, x, y, markerBox };
  });
  const obstacles = [...placed.map((p) => p.markerBox), scaleBox];
  return placeLabels(placed, { labels, leaders, obstacles, width, height, fontSize, markerRadius });
}

/** Label size in pixels for a screen of that size: 22 px on 1920×1080 (readable from three metres), never under 16. */
export function labelFontSize(width, height) {
  return Math.max(16, Math.round(Math.min(width / 87, height / 49)));
}

/**
 * An equirectangular projection (longitude scaled by the cosine of the middle latitude, which is
 * true to shape at this size) fitted to the scenes' areas with `padding` pixels on every side.
 */
function fitProjection(scenes, width, height, padding) {
  const points = scenes.flatMap((scene) => scene.area.coordinates.flat(2));
  let [west, south, east, north] = points.length ? extentOf(points) : DEFAULT_EXTENT;
  const grow = Math.max(0, MIN_SPAN - (north - south)) / 2;
  [south, north] = [south - grow, north + grow];
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = Math.min((width - 2 * padding) / ((east - west) * k || 1e-6), (height - 2 * padding) / (north - south));
  const [cx, cy] = [((west + east) / 2) * k, (south + north) / 2];
  const project = ([lon, lat]) => [round(width / 2 + (lon * k - cx) * scale), round(height / 2 - (lat - cy) * scale)];
  project.metresPerPixel = 111_320 / scale;
  return project;
}

function extentOf(points) {
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/**
 * Places each name next to its marker: the first of eight directions, at growing distances, whose
 * box is inside the map and clear of every placed name and every marker. A name pushed away from its
 * marker gets a leader line. Open scenes go first, and among them the crowded ones, so they get the
 * close positions; a closed scene's name with no free place is left out (its marker stays), an open
 * one's is drawn anyway. Deterministic: the same scenes on the same screen always give the same map.
 */
function placeLabels(placed, { labels, leaders, obstacles, width, height, fontSize, markerRadius }) {
  const crowding = (p) => placed.filter((q) => Math.hypot(q.x - p.x, q.y - p.y) < fontSize * 8).length;
  const closed = (p) => (p.scene.status === 'CLOSED' ? 1 : 0);
  const order = [...placed].sort(
    (a, b) => closed(a) - closed(b) || crowding(b) - crowding(a) || a.scene.name.localeCompare(b.scene.name, 'sv'),
  );
  const taken = [...obstacles];
  const unplaced = [];
  for (const { scene, x, y, markerBox } of order) {
    const text = element('text', { class: 'label', 'data-scene-id': scene.id, 'data-status': scene.status });
    text.textContent = shortName(scene.name);
    text.append(titled(scene.name));
    labels.append(text);
    const measured = text.getBBox();
    const others = taken.filter((other) => other !== markerBox);
    const spot = findSpot(x, y, measured, { others, width, height, fontSize, gap: markerRadius + 6 });
    if (!spot && scene.status === 'CLOSED') {
      text.remove();
      continue;
    }
    const chosen = spot ?? labelBox(x, y, DIRECTIONS[0], markerRadius + 6, measured);
    if (!spot) unplaced.push(scene.name);
    text.setAttribute('x', round(chosen.left - measured.x));
    text.setAttribute('y', round(chosen.top - measured.y));
    if (!spot) text.dataset.overlaps = 'true';
    if (chosen.moved) leaders.append(leaderLine(x, y, chosen, markerRadius, scene));
    taken.push(chosen);
  }
  if (unplaced.length) console.warn(`board: no free place for the names ${unplaced.join(', ')}; the screen is too small`);
  return unplaced;
}

function findSpot(x, y, measured, { others, width, height, fontSize, gap }) {
  const margin = 4;
  for (const step of LABEL_STEPS) {
    for (const direction of DIRECTIONS) {
      const candidate = labelBox(x, y, direction, gap + step * fontSize, measured);
      candidate.moved = step > 0;
      const inside =
        candidate.left >= margin && candidate.top >= margin && candidate.right <= width - margin && candidate.bottom <= height - margin;
      if (inside && !others.some((other) => overlaps(candidate, other, 3))) return candidate;
    }
  }
  return null;
}

/** The box of a label of `measured` size `distance` pixels from (x, y) in `direction`. */
function labelBox(x, y, [dx, dy], distance, measured) {
  const diagonal = dx !== 0 && dy !== 0 ? Math.SQRT1_2 : 1;
  const [px, py] = [x + dx * distance * diagonal, y + dy * distance * diagonal];
  const left = dx > 0 ? px : dx < 0 ? px - measured.width : px - measured.width / 2;
  const top = dy > 0 ? py : dy < 0 ? py - measured.height : py - measured.height / 2;
  return box(left, top, measured.width, measured.height);
}

function box(left, top, width, height) {
  return { left, top, right: left + width, bottom: top + height };
}

function overlaps(a, b, pad) {
  return a.left < b.right + pad && b.left < a.right + pad && a.top < b.bottom + pad && b.top < a.bottom + pad;
}

/** A line from the marker's edge to the nearest point of its label's box. */
function leaderLine(x, y, label, markerRadius, scene) {
  const [tx, ty] = [Math.min(Math.max(x, label.left), label.right), Math.min(Math.max(y, label.top), label.bottom)];
  const length = Math.hypot(tx - x, ty - y) || 1;
  const [sx, sy] = [x + ((tx - x) / length) * markerRadius, y + ((ty - y) / length) * markerRadius];
  return element('line', { class: 'leader', x1: round(sx), y1: round(sy), x2: round(tx), y2: round(ty), 'data-scene-id': scene.id });
}

/** A scale bar of a round number of kilometres, bottom left; returns its box so no label covers it. */
function drawScaleBar(layer, project, width, height, fontSize) {
  const targetMetres = project.metresPerPixel * width * 0.12;
  const km = [1, 2, 5, 10, 20, 50].find((n) => n * 1000 >= targetMetres) ?? 50;
  const length = round((km * 1000) / project.metresPerPixel);
  const [x, y] = [fontSize, height - fontSize];
  layer.append(element('path', { class: 'scale-bar', d: `M${x},${y - 8}v8h${length}v-8` }));
  const label = element('text', { class: 'scale-label', x: x + length + 8, y });
  label.textContent = `${km} km`;
  layer.append(label);
  return box(x - 4, y - fontSize - 4, length + fontSize * 4, fontSize + 8);
}

function featuresPath(features, project) {
  return features.map((feature) => polygonsPath(feature.geometry, project)).join('');
}

function polygonsPath(geometry, project) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons
    .flat()
    .map((ring) => `M${ring.map((point) => project(point).join(',')).join('L')}Z`)
    .join('');
}

function element(name, attributes = {}) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

function titled(text) {
  const title = element('title');
  title.textContent = text;
  return title;
}

function round(value) {
  return Math.round(value * 10) / 10;
}
