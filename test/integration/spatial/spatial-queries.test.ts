import * as turf from '@turf/turf';
import proj4 from 'proj4';
import { createActors, createIntervention, createScene, expectData, squareAround, type Actors, nodes } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

/**
 * Spatial filters, nearest and nearby scenes over HTTP against PostGIS. Expected answers come
 * from turf (geometry predicates, haversine distances) and proj4 (SWEREF 99 TM), never from the server.
 */
proj4.defs('EPSG:3006', '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');

let server: TestServer;
let actors: Actors;
const places: Array<{ id: string; name: string; polygon: ReturnType<typeof squareAround> }> = [];

// Scenes around central Stockholm, each a square of 150 m.
const CENTRES: Array<[string, [number, number]]> = [
  ['Sergels torg', [18.0636, 59.3323]],
  ['Mariatorget', [18.0631, 59.317]],
  ['Medborgarplatsen', [18.0725, 59.3142]],
  ['Fridhemsplan', [18.0297, 59.3323]],
  ['Odenplan', [18.0497, 59.3429]],
  ['Hässelby torg', [17.8433, 59.367]],
  ['Jakobsberg', [17.8336, 59.4229]],
];
const POINT: [number, number] = [18.06, 59.325];
const pointFeature = turf.point(POINT);

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  for (const [name, centre] of CENTRES) {
    const polygon = squareAround(centre, 150);
    const scene = await createScene(server, actors.editorToken, {
      name,
      area: polygon,
      municipality: name === 'Jakobsberg' ? 'Järfälla' : 'Stockholm',
    });
    places.push({ id: scene.id, name, polygon });
  }
});

const LIST = `query($filter: SceneFilter, $first: Int, $after: String) {
  scenes(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } }
}`;

async function names(filter: Record<string, unknown>): Promise<string[]> {
  const { scenes } = expectData(await server.gql(LIST, { filter, first: 100 }, actors.editorToken));
  return scenes.edges.map((e: any) => e.node.name).sort();
}

/** Metres from POINT to the polygon (0 inside), by turf. */
function distanceTo(polygon: ReturnType<typeof squareAround>): number {
  return Math.max(0, turf.pointToPolygonDistance(pointFeature, turf.polygon(polygon.coordinates), { units: 'meters' }));
}

describe('spatial filters on scenes', () => {
  it.each([500, 1500, 3000, 20_000])('near: scenes within %d m of a point match turf', async (radius) => {
    const expected = places
      .filter((p) => distanceTo(p.polygon) <= radius)
      .map((p) => p.name)
      .sort();
    expect(await names({ spatial: { near: { point: { type: 'Point', coordinates: POINT }, radiusMeters: radius } } })).toEqual(expected);
  });

  it('bbox in WGS 84 matches turf.booleanIntersects', async () => {
    const bbox: [number, number, number, number] = [18.04, 59.31, 18.07, 59.335];
    const box = turf.bboxPolygon(bbox);
    const expected = places
      .filter((p) => turf.booleanIntersects(box, turf.polygon(p.polygon.coordinates)))
      .map((p) => p.name)
      .sort();
    expect(expected.length).toBeGreaterThan(1);
    expect(await names({ spatial: { bbox: { minX: bbox[0], minY: bbox[1], maxX: bbox[2], maxY: bbox[3] } } })).toEqual(expected);
  });

  it('bbox in SWEREF 99 TM (corners converted by proj4) selects the five central scenes', async () => {
    const [minX, minY] = proj4('EPSG:4326', 'EPSG:3006', [18.0, 59.3]);
    const [maxX, maxY] = proj4('EPSG:4326', 'EPSG:3006', [18.1, 59.35]);
    const sweref = await names({ spatial: { bbox: { minX, minY, maxX, maxY, crs: 'EPSG_3006' } } });
    expect(sweref).toEqual(['Fridhemsplan', 'Mariatorget', 'Medborgarplatsen', 'Odenplan', 'Sergels torg']);
  });

  it('intersects and within a drawn polygon match turf', async () => {
    const drawn = turf.polygon([
      [
        [18.055, 59.31],
        [18.08, 59.31],
        [18.08, 59.335],
        [18.055, 59.335],
        [18.055, 59.31],
      ],
    ]);
    const intersecting = places
      .filter((p) => turf.booleanIntersects(drawn, turf.polygon(p.polygon.coordinates)))
      .map((p) => p.name)
      .sort();
    const within = places
      .filter((p) => turf.booleanWithin(turf.polygon(p.polygon.coordinates), drawn))
      .map((p) => p.name)
      .sort();
    expect(await names({ spatial: { intersects: drawn.geometry } })).toEqual(intersecting);
    expect(await names({ spatial: { within: drawn.geometry } })).toEqual(within);
    expect(within).toEqual(['Mariatorget', 'Medborgarplatsen', 'Sergels torg']);
  });

  it('combines a spatial filter with other filters and pagination', async () => {
    const filter = {
      municipality: ['Stockholm'],
      spatial: { near: { point: { type: 'Point', coordinates: POINT }, radiusMeters: 20_000 } },
    };
    const first = expectData(await server.gql(LIST, { filter, first: 2 }, actors.editorToken)).scenes;
    const rest = expectData(await server.gql(LIST, { filter, first: 10, after: first.pageInfo.endCursor }, actors.editorToken)).scenes;
    expect(first.totalCount).toBe(6);
    expect([...first.edges, ...rest.edges].map((e: any) => e.node.name)).toHaveLength(6);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });
});

describe('nearest and nearby scenes', () => {
  it('nearestScenes orders by distance and reports metres within 0.5 % of turf (sphere vs spheroid)', async () => {
    const { nearestScenes } = expectData(
      await server.gql(
        'query($p: GeoJSON!) { nearestScenes(point: $p, limit: 4) { distanceMeters scene { name } } }',
        { p: { type: 'Point', coordinates: POINT } },
        actors.editorToken,
      ),
    );
    const expected = places
      .map((p) => ({ name: p.name, d: distanceTo(p.polygon) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, 4);
    expect(nearestScenes.map((n: any) => n.scene.name)).toEqual(expected.map((e) => e.name));
    nearestScenes.forEach((n: any, i: number) => {
      expect(Math.abs(n.distanceMeters - expected[i]!.d)).toBeLessThanOrEqual(Math.max(1, expected[i]!.d * 0.005));
    });
  });

  it('nearestScenes takes a point in SWEREF 99 TM and a filter', async () => {
    const [x, y] = proj4('EPSG:4326', 'EPSG:3006', POINT);
    const { nearestScenes } = expectData(
      await server.gql(
        'query($p: GeoJSON!) { nearestScenes(point: $p, crs: EPSG_3006, limit: 1, filter: { municipality: ["Järfälla"] }) { scene { name } } }',
        { p: { type: 'Point', coordinates: [x, y] } },
        actors.editorToken,
      ),
    );
    expect(nearestScenes).toEqual([{ scene: { name: 'Jakobsberg' } }]);
  });

  it('nearbyScenes lists the other scenes within the radius of a scene’s area, nearest first', async () => {
    const sergel = places.find((p) => p.name === 'Sergels torg')!;
    const { scene } = expectData(
      await server.gql(
        'query($id: ID!) { scene(id: $id) { nearbyScenes(radiusMeters: 2500) { distanceMeters scene { name } } } }',
        { id: sergel.id },
        actors.editorToken,
      ),
    );
    const found = scene.nearbyScenes.map((n: any) => n.scene.name);
    expect(found).not.toContain('Sergels torg');
    expect(found).toEqual(expect.arrayContaining(['Mariatorget', 'Odenplan', 'Fridhemsplan', 'Medborgarplatsen']));
    expect(found).not.toContain('Hässelby torg');
    const distances = scene.nearbyScenes.map((n: any) => n.distanceMeters);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  });

  it('Scene.interventions(withinMeters) finds interventions by location, not by registration', async () => {
    const sergel = places.find((p) => p.name === 'Sergels torg')!;
    const mariatorget = places.find((p) => p.name === 'Mariatorget')!;
    // registered at Mariatorget but located 100 m north of Sergels torg's square edge
    const nearby = await createIntervention(server, actors.editorToken, mariatorget.id, {
      location: { type: 'Point', coordinates: [18.0636, 59.3323 + (75 + 100) / 111_320] },
    });
    const inside = await createIntervention(server, actors.editorToken, mariatorget.id, {
      location: { type: 'Point', coordinates: [18.0636, 59.3323] },
    });
    const Q =
      'query($id: ID!) { scene(id: $id) { registered: interventions { edges { node { id } } } inside: interventions(withinMeters: 0) { edges { node { id } } } near: interventions(withinMeters: 150) { edges { node { id } } } } }';
    const { scene } = expectData(await server.gql(Q, { id: sergel.id }, actors.editorToken));
    expect(nodes(scene.registered)).toEqual([]);
    expect(nodes(scene.inside)).toEqual([{ id: inside.id }]);
    expect(
      nodes(scene.near)
        .map((i: any) => i.id)
        .sort(),
    ).toEqual([inside.id, nearby.id].sort());
  });
});

describe('bad spatial input', () => {
  const near = (radiusMeters: number, coordinates: unknown = POINT) => ({
    spatial: { near: { point: { type: 'Point', coordinates }, radiusMeters } },
  });
  it.each([
    ['a negative radius', near(-5), 'BAD_USER_INPUT'],
    ['a zero radius', near(0), 'BAD_USER_INPUT'],
    ['an absurd radius (over 50 km)', near(50_001), 'BAD_USER_INPUT'],
    ['an inverted bbox', { spatial: { bbox: { minX: 18.1, minY: 59.3, maxX: 18.0, maxY: 59.4 } } }, 'BAD_USER_INPUT'],
    ['a bbox outside the CRS range', { spatial: { bbox: { minX: 170, minY: 80, maxX: 190, maxY: 95 } } }, 'BAD_USER_INPUT'],
    ['a near point out of range', near(100, [18, 95]), 'INVALID_GEOMETRY'],
    ['a near point that is a polygon', { spatial: { near: { point: squareAround(POINT), radiusMeters: 100 } } }, 'INVALID_GEOMETRY'],
    [
      'a self-intersecting within polygon',
      {
        spatial: {
          within: {
            type: 'Polygon',
            coordinates: [
              [
                [18, 59],
                [18.1, 59.1],
                [18.1, 59],
                [18, 59.1],
                [18, 59],
              ],
            ],
          },
        },
      },
      'INVALID_GEOMETRY',
    ],
  ])('refuses %s', async (_name, filter, code) => {
    const response = await server.gql(LIST, { filter, first: 5 }, actors.editorToken);
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.data ?? null).toBeNull();
  });

  it('refuses a nearestScenes limit outside 1..100 and a nearbyScenes radius out of range', async () => {
    const limit = await server.gql(
      '{ nearestScenes(point: {type: "Point", coordinates: [18, 59]}, limit: 101) { distanceMeters } }',
      {},
      actors.editorToken,
    );
    expect(limit.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    const radius = await server.gql(
      'query($id: ID!) { scene(id: $id) { nearbyScenes(radiusMeters: -1) { distanceMeters } } }',
      { id: places[0]!.id },
      actors.editorToken,
    );
    expect(radius.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
