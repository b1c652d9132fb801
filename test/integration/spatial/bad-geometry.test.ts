import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createActors, createScene, expectData, SERGELS_TORG, squareAround, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

/** The catalogue of bad geometries (test/fixtures/geo/bad): each refused with INVALID_GEOMETRY, nothing stored. */
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'geo', 'bad');
interface Case {
  file: string;
  field: 'area' | 'location';
  crs?: string;
  expect: string;
}
const { cases } = JSON.parse(readFileSync(join(FIXTURES, 'catalogue.json'), 'utf8')) as { cases: Case[] };
const TABLES = ['scene', 'scene_status_change', 'intervention', 'intervention_operator', 'agreement', 'commitment'];

let server: TestServer;
let actors: Actors;
let sceneId: string;

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  sceneId = (await createScene(server, actors.editorToken)).id;
});

async function rowCounts(): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, await server.count(table)] as const)));
}

function send(field: Case['field'], geometry: unknown, crs = 'EPSG_4326') {
  if (field === 'area') {
    return server.gql(
      'mutation($input: CreateSceneInput!) { createScene(input: $input) { id } }',
      { input: { name: 'Bad', municipality: 'Stockholm', area: geometry, crs } },
      actors.editorToken,
    );
  }
  return server.gql(
    'mutation($input: CreateInterventionInput!) { createIntervention(input: $input) { id } }',
    {
      input: {
        sceneId,
        title: 'Bad',
        category: 'FORMAL_CONTROL',
        kind: 'UNIFORMED_PRESENCE',
        location: geometry,
        crs,
        startsAt: '2024-01-01T00:00:00Z',
      },
    },
    actors.editorToken,
  );
}

it('has a catalogue of at least 12 cases, each with its fixture', () => {
  expect(cases.length).toBeGreaterThanOrEqual(12);
});

it.each(cases.map((c) => [c.file.replace('.geojson', '').replaceAll('-', ' '), c] as const))(
  'refuses %s with INVALID_GEOMETRY and stores nothing',
  async (_name, c) => {
    const before = await rowCounts();
    const response = await send(c.field, JSON.parse(readFileSync(join(FIXTURES, c.file), 'utf8')), c.crs);
    expect(response.errors?.[0]?.extensions?.code).toBe('INVALID_GEOMETRY');
    expect(response.errors?.[0]?.message).toContain(c.expect);
    expect(response.data ?? null).toBeNull();
    expect(await rowCounts()).toEqual(before);
  },
);

it('refuses more than 50 000 vertices', async () => {
  const before = await rowCounts();
  const ring = Array.from({ length: 50_001 }, (_, i) => {
    const angle = (2 * Math.PI * i) / 50_000;
    return [18.06 + 0.01 * Math.cos(angle), 59.33 + 0.005 * Math.sin(angle)];
  });
  ring[50_000] = ring[0]!;
  const response = await send('area', { type: 'Polygon', coordinates: [ring] });
  expect(response.errors?.[0]?.extensions?.code).toBe('INVALID_GEOMETRY');
  expect(response.errors?.[0]?.message).toContain('more than 50000 vertices');
  expect(await rowCounts()).toEqual(before);
});

it('refuses a bad area in createAgreement and updateScene too, changing nothing', async () => {
  const bowTie = JSON.parse(readFileSync(join(FIXTURES, 'self-intersecting-bow-tie.geojson'), 'utf8'));
  const before = await rowCounts();
  const agreement = await server.gql(
    'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
    {
      input: {
        kind: 'GUARD_MANDATE',
        title: 'x',
        validFrom: '2024-01-01',
        parties: [{ operatorId: actors.editorOperatorId }],
        area: bowTie,
      },
    },
    actors.editorToken,
  );
  expect(agreement.errors?.[0]?.extensions?.code).toBe('INVALID_GEOMETRY');
  const update = await server.gql(
    'mutation($input: UpdateSceneInput!) { updateScene(input: $input) { version } }',
    { input: { id: sceneId, area: bowTie } },
    actors.adminToken,
  );
  expect(update.errors?.[0]?.extensions?.code).toBe('INVALID_GEOMETRY');
  expect(await rowCounts()).toEqual(before);
  const { scene } = expectData(await server.gql('query($id: ID!) { scene(id: $id) { version } }', { id: sceneId }, actors.editorToken));
  expect(scene.version).toBe(1);
});

it('accepts the good controls: a Polygon stored as MultiPolygon, and a 3D polygon stored 2D', async () => {
  const flat = await createScene(server, actors.editorToken, { area: squareAround(SERGELS_TORG, 100) });
  const square = squareAround(SERGELS_TORG, 100);
  const withZ = { type: 'Polygon', coordinates: [square.coordinates[0]!.map(([x, y]) => [x, y, 12.5])] };
  const lifted = await createScene(server, actors.editorToken, { area: withZ });
  const Q = 'query($a: ID!, $b: ID!) { a: scene(id: $a) { area } b: scene(id: $b) { area } }';
  const { a, b } = expectData(await server.gql(Q, { a: flat.id, b: lifted.id }, actors.editorToken));
  expect(a.area.type).toBe('MultiPolygon');
  expect(b.area.coordinates[0][0][0]).toHaveLength(2);
  expect(b.area.coordinates).toEqual(a.area.coordinates);
});

describe('a written geometry is validated once, by the write that stores it', () => {
  /** About 100 m around Sergels torg in SWEREF 99 TM, 3D; and a bow tie there. */
  const SQUARE_3006 = {
    type: 'Polygon',
    coordinates: [
      [
        [674000, 6580800, 12],
        [674100, 6580800, 12],
        [674100, 6580900, 12],
        [674000, 6580900, 12],
        [674000, 6580800, 12],
      ],
    ],
  };
  const BOW_TIE_3006 = {
    type: 'Polygon',
    coordinates: [
      [
        [674000, 6580800],
        [674100, 6580900],
        [674100, 6580800],
        [674000, 6580900],
        [674000, 6580800],
      ],
    ],
  };

  it('sends no statement of its own: the INSERT transforms the area, and the answer is the area as stored', async () => {
    let response: any;
    const statements = await server.recordQueries(async () => {
      response = await send('area', SQUARE_3006, 'EPSG_3006');
    });
    expect(response.errors).toBeUndefined();
    const withGeometry = statements.filter((sql) => /ST_GeomFromGeoJSON/i.test(sql));
    expect(withGeometry).toEqual([expect.stringMatching(/^insert into "scene"/)]);
    expect(statements.filter((sql) => /ST_IsValid/i.test(sql))).toEqual([]);
    const Q = 'mutation($input: CreateSceneInput!) { createScene(input: $input) { id area areaSquareMeters } }';
    const created = expectData(
      await server.gql(
        Q,
        { input: { name: 'Square', municipality: 'Stockholm', area: SQUARE_3006, crs: 'EPSG_3006' } },
        actors.editorToken,
      ),
    ).createScene;
    // the mutation answers what was stored, not what was sent: a 2D MultiPolygon in WGS 84 to 9 decimals
    expect(created.area.type).toBe('MultiPolygon');
    const [lon, lat, ...rest] = created.area.coordinates[0][0][0];
    expect(rest).toEqual([]);
    expect(lon).toBeCloseTo(18.06, 1);
    expect(lat).toBeCloseTo(59.33, 1);
    expect(Math.abs(lon * 1e9 - Math.round(lon * 1e9))).toBeLessThan(1e-3);
    expect(created.areaSquareMeters).toBeGreaterThan(9_900);
    expect(created.areaSquareMeters).toBeLessThan(10_100);
  });

  it('refuses an invalid area in SWEREF 99 TM with PostGIS’s reason and the field, storing nothing', async () => {
    const before = await rowCounts();
    const response = await send('area', BOW_TIE_3006, 'EPSG_3006');
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'INVALID_GEOMETRY', field: 'area' });
    expect(response.errors?.[0]?.message).toMatch(
      /^Invalid area: Self-intersection\[18\.\d+ 59\.\d+\] \(PostGIS ST_IsValidReason; coordinates in WGS 84/,
    );
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses an invalid intervention location (a bow tie) the same way', async () => {
    const bowTie = JSON.parse(readFileSync(join(FIXTURES, 'self-intersecting-bow-tie.geojson'), 'utf8'));
    const before = await rowCounts();
    const response = await send('location', bowTie);
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'INVALID_GEOMETRY', field: 'location' });
    expect(response.errors?.[0]?.message).toContain('Invalid location: Self-intersection');
    expect(await rowCounts()).toEqual(before);
  });
});
