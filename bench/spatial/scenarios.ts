/** The spatial questions the benchmark asks, each with variables drawn from a seeded generator. */
export interface Scenario {
  name: string;
  query: string;
  variables(random: () => number, sceneIds: string[]): Record<string, unknown>;
}

/** A point somewhere in greater Stockholm. */
const point = (random: () => number) => ({ type: 'Point', coordinates: [17.75 + random() * 0.45, 59.2 + random() * 0.25] });

function square(random: () => number, size: number) {
  const [x, y] = point(random).coordinates as [number, number];
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + size, y],
        [x + size, y + size / 2],
        [x, y + size / 2],
        [x, y],
      ],
    ],
  };
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'baseline: { __typename } (no SQL)',
    query: '{ __typename }',
    variables: () => ({}),
  },
  {
    name: 'scenes near a point (500 m)',
    query:
      'query($p: GeoJSON!) { scenes(first: 20, filter: { spatial: { near: { point: $p, radiusMeters: 500 } } }) { totalCount edges { node { id name status } } } }',
    variables: (random) => ({ p: point(random) }),
  },
  {
    name: 'scenes intersecting a polygon',
    query: 'query($g: GeoJSON!) { scenes(first: 20, filter: { spatial: { intersects: $g } }) { totalCount edges { node { id name } } } }',
    variables: (random) => ({ g: square(random, 0.02) }),
  },
  {
    name: 'scenes within a polygon',
    query: 'query($g: GeoJSON!) { scenes(first: 20, filter: { spatial: { within: $g } }) { totalCount edges { node { id name } } } }',
    variables: (random) => ({ g: square(random, 0.02) }),
  },
  {
    name: 'scenes in a bbox (WGS 84)',
    query: 'query($b: BBoxInput!) { scenes(first: 20, filter: { spatial: { bbox: $b } }) { totalCount edges { node { id } } } }',
    variables: (random) => {
      const [x, y] = point(random).coordinates as [number, number];
      return { b: { minX: x, minY: y, maxX: x + 0.02, maxY: y + 0.01 } };
    },
  },
  {
    name: 'scenes in a bbox (SWEREF 99 TM)',
    query: 'query($b: BBoxInput!) { scenes(first: 20, filter: { spatial: { bbox: $b } }) { totalCount edges { node { id } } } }',
    variables: (random) => {
      const x = 650_000 + random() * 40_000;
      const y = 6_570_000 + random() * 30_000;
      return { b: { minX: x, minY: y, maxX: x + 1000, maxY: y + 1000, crs: 'EPSG_3006' } };
    },
  },
  {
    name: 'nearestScenes (10)',
    query: 'query($p: GeoJSON!) { nearestScenes(point: $p, limit: 10) { distanceMeters scene { id name } } }',
    variables: (random) => ({ p: point(random) }),
  },
  {
    name: 'interventions near a point (200 m)',
    query:
      'query($p: GeoJSON!) { interventions(first: 20, filter: { spatial: { near: { point: $p, radiusMeters: 200 } } }) { totalCount edges { node { id title } } } }',
    variables: (random) => ({ p: point(random) }),
  },
  {
    name: 'interventions in a bbox',
    query: 'query($b: BBoxInput!) { interventions(first: 20, filter: { spatial: { bbox: $b } }) { totalCount edges { node { id } } } }',
    variables: (random) => {
      const [x, y] = point(random).coordinates as [number, number];
      return { b: { minX: x, minY: y, maxX: x + 0.005, maxY: y + 0.0025 } };
    },
  },
  {
    name: 'Scene.nearbyScenes (1 km)',
    query: 'query($id: ID!) { scene(id: $id) { nearbyScenes(radiusMeters: 1000) { distanceMeters scene { id } } } }',
    variables: (random, ids) => ({ id: ids[Math.floor(random() * ids.length)] }),
  },
  {
    name: 'Scene.interventions(withinMeters: 0)',
    query: 'query($id: ID!) { scene(id: $id) { interventions(withinMeters: 0) { edges { node { id } } } } }',
    variables: (random, ids) => ({ id: ids[Math.floor(random() * ids.length)] }),
  },
  {
    name: 'sceneStatistics by municipality at a date',
    query: 'query($at: DateTime!) { sceneStatistics(groupBy: MUNICIPALITY, at: $at) { key count totalAreaSquareMeters } }',
    variables: (random) => ({ at: new Date(Date.UTC(2016 + Math.floor(random() * 8), 0, 1)).toISOString() }),
  },
];
