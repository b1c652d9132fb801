import * as turf from '@turf/turf';
import { seedDemoDataIfEmpty } from '../../../db/seeders/demo.seeder';
import { circleArea, demoAreaAt, demoAreaChanges, demoScenes, demoStatusAt, stockholmMidnight } from '../../support/demo-scenes';
import { createActors, createScene, expectData, nodes, SERGELS_TORG, squareAround, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

/**
 * Every version of a scene and reads as things stood: expected areas are worked out here from the
 * demo files and turf (planar circles on the sphere), never taken from the server.
 */
/** Within 0.5 % (turf's sphere against PostGIS's spheroid), or `tolerance`. */
function expectArea(actual: number, expected: number, tolerance = 0.005) {
  expect(Math.abs(actual - expected)).toBeLessThan(expected * tolerance);
}

const sergels = demoScenes.find((s) => s.key === 'sergels-torg')!;
let server: TestServer;
let actors: Actors;
let sergelsId: string;

beforeAll(async () => {
  server = await createTestServer();
  await seedDemoDataIfEmpty(server.orm);
  actors = await createActors(server);
  const { scenes } = expectData(await server.gql('{ scenes(first: 100) { edges { node { id name } } } }', {}, actors.editorToken));
  sergelsId = nodes(scenes).find((scene: any) => scene.name === sergels.name).id;
});

const TREND = `query($from: DateTime!, $to: DateTime!) {
  sceneAreaTrend(groupBy: STATUS, from: $from, to: $to, interval: QUARTER) { at key count totalAreaSquareMeters }
}`;

it('answers "did the active scenes shrink during 2023?" in one query, each quarter as the scenes then stood', async () => {
  const { sceneAreaTrend } = expectData(
    await server.gql(TREND, { from: '2023-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z' }, actors.editorToken),
  );
  const active = sceneAreaTrend.filter((point: any) => point.key === 'ACTIVE');
  expect(active.map((point: any) => point.at)).toEqual([
    '2023-01-01T00:00:00.000Z',
    '2023-04-01T00:00:00.000Z',
    '2023-07-01T00:00:00.000Z',
    '2023-10-01T00:00:00.000Z',
    '2024-01-01T00:00:00.000Z',
  ]);
  for (const point of active) {
    const at = new Date(point.at);
    const expected = demoScenes.filter((s) => demoStatusAt(s, at) === 'ACTIVE');
    expect(point.count).toBe(expected.length);
    expectArea(
      point.totalAreaSquareMeters,
      expected.reduce((sum, s) => sum + demoAreaAt(s, at), 0),
    );
  }
  // smaller quarter by quarter: Sergels torg in May and October, Hässelby torg in September
  const totals = active.map((point: any) => point.totalAreaSquareMeters);
  expect(totals[1]).toBeCloseTo(totals[0], 0);
  expect(totals[2]).toBeLessThan(totals[1]);
  expect(totals[3]).toBeLessThan(totals[2]);
  expect(totals[4]).toBeLessThan(totals[3]);
});

it('shows a scene’s area as it looked in 2022, and every version with what it gained and lost', async () => {
  const Q = `query($id: ID!, $at: DateTime) {
    scene(id: $id, at: $at) { id name version areaSquareMeters area perimeterMeters
      versions { version validFrom changedFields recordedBy areaGainedSquareMeters areaLostSquareMeters areaLost scene { areaSquareMeters status } } }
  }`;
  const in2022 = expectData(await server.gql(Q, { id: sergelsId, at: '2022-06-01T00:00:00Z' }, actors.editorToken)).scene;
  expect(in2022.id).toBe(sergelsId);
  expectArea(in2022.areaSquareMeters, circleArea(sergels.center, 260));
  // the geometry and the perimeter are the version's too (turf measures PostGIS's buffer within 1 %)
  expectArea(turf.area(in2022.area), circleArea(sergels.center, 260), 0.01);
  expect(in2022.perimeterMeters).toBeGreaterThan(2 * Math.PI * 260 * 0.99);
  const now = expectData(await server.gql(Q, { id: sergelsId }, actors.editorToken)).scene;
  expectArea(now.areaSquareMeters, circleArea(sergels.center, 180));
  expect(now.version).toBeGreaterThan(in2022.version);

  const versions = now.versions;
  expect(versions[0]).toMatchObject({ version: 1, validFrom: '2016-12-31T23:00:00.000Z', areaLostSquareMeters: null, areaLost: null });
  const areaVersions = versions.slice(1).filter((v: any) => v.changedFields?.includes('area'));
  expect(areaVersions.map((v: any) => v.validFrom)).toEqual(
    demoAreaChanges.filter((c) => c.sceneKey === 'sergels-torg').map((c) => stockholmMidnight(c.at).toISOString()),
  );
  // 180 → 260 m (2022), 260 → 220 m and 220 → 180 m (2023): concentric circles, so the difference is the ring
  const [grew, shrank] = [areaVersions[0], areaVersions[1]];
  expectArea(grew.areaGainedSquareMeters, circleArea(sergels.center, 260) - circleArea(sergels.center, 180));
  expect(grew.areaLostSquareMeters).toBeLessThan(1);
  expectArea(shrank.areaLostSquareMeters, circleArea(sergels.center, 260) - circleArea(sergels.center, 220));
  expect(shrank.areaLost.type).toBe('MultiPolygon');
  expectArea(turf.area(shrank.areaLost), circleArea(sergels.center, 260) - circleArea(sergels.center, 220), 0.02);
  expect(areaVersions.every((v: any) => v.recordedBy === 'demo-seed' && v.scene.status === 'ACTIVE')).toBe(true);
});

it('keeps past answers when a scene is edited today, and keeps the old version', async () => {
  const STATS = '{ sceneStatistics(groupBy: STATUS, at: "2023-01-01T00:00:00Z") { key count totalAreaSquareMeters } }';
  const before = expectData(await server.gql(STATS, {}, actors.editorToken)).sceneStatistics;
  const { scene } = expectData(await server.gql('query($id: ID!) { scene(id: $id) { version } }', { id: sergelsId }, actors.editorToken));
  const edited = await server.gql(
    'mutation($input: UpdateSceneInput!) { updateScene(input: $input) { version areaSquareMeters } }',
    { input: { id: sergelsId, expectedVersion: scene.version, area: squareAround(SERGELS_TORG, 50) } },
    actors.adminToken,
  );
  expect(expectData(edited).updateScene.version).toBe(scene.version + 1);
  expect(expectData(await server.gql(STATS, {}, actors.editorToken)).sceneStatistics).toEqual(before);
  const versions = expectData(
    await server.gql(
      'query($id: ID!) { scene(id: $id) { versions { version validTo changedFields recordedBy } } }',
      { id: sergelsId },
      actors.editorToken,
    ),
  ).scene.versions;
  expect(versions.at(-1)).toMatchObject({
    version: scene.version + 1,
    validTo: null,
    changedFields: ['area'],
    recordedBy: expect.any(String),
  });
  expect(versions.at(-2).validTo).not.toBeNull();
});

it('backdates a change with effectiveAt, refuses one before the latest version, and shows what was known when', async () => {
  const created = await createScene(server, actors.editorToken, { name: 'Backdated', area: squareAround([18.05, 59.34], 100) });
  const registeredAt = new Date();
  const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
  // registered now: it did not exist an hour ago
  const missing = await server.gql(
    'query($id: ID!, $at: DateTime) { scene(id: $id, at: $at) { id } }',
    { id: created.id, at: anHourAgo },
    actors.editorToken,
  );
  expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

  const UPDATE = 'mutation($input: UpdateSceneInput!) { updateScene(input: $input) { version name } }';
  const versionsBefore = await server.count('scene_version');
  const tooEarly = await server.gql(UPDATE, { input: { id: created.id, name: 'Too early', effectiveAt: anHourAgo } }, actors.adminToken);
  expect(tooEarly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveAt' });
  expect(tooEarly.errors?.[0]?.message).toContain("before the scene's latest version took effect");
  expect(await server.count('scene_version')).toBe(versionsBefore);

  await new Promise((resolve) => setTimeout(resolve, 50));
  const recordedBeforeRename = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 50));
  // renamed as from just after registration: recorded now, effective a little earlier
  const effective = new Date(registeredAt.getTime() + 10).toISOString();
  expect(
    expectData(await server.gql(UPDATE, { input: { id: created.id, name: 'Renamed', effectiveAt: effective } }, actors.adminToken))
      .updateScene.name,
  ).toBe('Renamed');
  const AS_OF = 'query($id: ID!, $at: DateTime, $rec: DateTime) { scene(id: $id, at: $at, asRecordedAt: $rec) { name } }';
  const between = new Date(registeredAt.getTime() + 20).toISOString();
  expect(expectData(await server.gql(AS_OF, { id: created.id, at: between }, actors.editorToken)).scene.name).toBe('Renamed');
  expect(
    expectData(await server.gql(AS_OF, { id: created.id, at: between, rec: recordedBeforeRename }, actors.editorToken)).scene.name,
  ).toBe('Backdated');
});

it('lists scenes as they stood, the filter applying to them as they were', async () => {
  const LIST = `query($at: DateTime, $status: [SceneStatus!]) {
    scenes(at: $at, first: 100, filter: { status: $status }) { totalCount edges { node { name status } } }
  }`;
  const closedIn2023 = demoScenes.filter((s) => s.history.some((h) => h.status === 'CLOSED' && h.at?.startsWith('2023')));
  const mid2023 = expectData(await server.gql(LIST, { at: '2023-06-01T00:00:00Z', status: ['CLOSED'] }, actors.editorToken)).scenes;
  expect(mid2023.totalCount).toBe(0);
  const mid2024 = expectData(await server.gql(LIST, { at: '2024-06-01T00:00:00Z', status: ['CLOSED'] }, actors.editorToken)).scenes;
  expect(mid2024.totalCount).toBe(closedIn2023.length);
  expect(
    nodes(mid2024)
      .map((scene: any) => scene.name)
      .sort(),
  ).toEqual(closedIn2023.map((s) => s.name).sort());
  // the ACTIVE ones in mid-2023: not the scenes registered this session, nor those first dated 2024
  const active2023 = expectData(await server.gql(LIST, { at: '2023-06-01T00:00:00Z', status: ['ACTIVE'] }, actors.editorToken)).scenes;
  const expected = demoScenes.filter((s) => demoStatusAt(s, new Date('2023-06-01T00:00:00Z')) === 'ACTIVE').map((s) => s.name);
  expect(
    nodes(active2023)
      .map((scene: any) => scene.name)
      .sort(),
  ).toEqual(expected.sort());
});

it('refuses a moment in the future and a trend of more than 121 moments', async () => {
  const future = await server.gql(
    'query($id: ID!) { scene(id: $id, at: "2999-01-01T00:00:00Z") { id } }',
    { id: sergelsId },
    actors.editorToken,
  );
  expect(future.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const long = await server.gql(
    TREND.replace('QUARTER', 'MONTH'),
    { from: '2000-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z' },
    actors.editorToken,
  );
  expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(long.errors?.[0]?.message).toContain('at most 121');
});

it('measures nearest scenes as their areas then stood', async () => {
  const east = turf.destination(sergels.center, 0.22, 90, { units: 'kilometers' }).geometry;
  const Q = `query($point: GeoJSON!, $at: DateTime) { nearestScenes(point: $point, limit: 5, at: $at) { distanceMeters scene { id areaSquareMeters } } }`;
  const distanceAt = async (at?: string) => {
    const { nearestScenes } = expectData(await server.gql(Q, { point: east, at }, actors.editorToken));
    return nearestScenes.find((near: any) => near.scene.id === sergelsId);
  };
  // 260 m around the centre in 2022: the point 220 m east lies inside; 180 m in 2024: about 40 m outside
  const in2022 = await distanceAt('2022-06-01T00:00:00Z');
  expect(in2022.distanceMeters).toBe(0);
  expectArea(in2022.scene.areaSquareMeters, circleArea(sergels.center, 260));
  const in2024 = await distanceAt('2024-06-01T00:00:00Z');
  expect(in2024.distanceMeters).toBeGreaterThan(39);
  expect(in2024.distanceMeters).toBeLessThan(44);
  // today the scene is the 50 m square an earlier test drew
  expect((await distanceAt()).distanceMeters).toBeGreaterThan(190);
});

it('finds displacement as it was known at a moment: only moves that had happened by then', async () => {
  const origin = await createScene(server, actors.adminToken, { name: 'Left', area: squareAround([18.2, 59.2], 100), status: 'ACTIVE' });
  const CHANGE = 'mutation($input: ChangeSceneStatusInput!) { changeSceneStatus(input: $input) { id } }';
  const input = { sceneId: origin.id, status: 'MONITORING', reason: 'Dispersed', expectedVersion: origin.version };
  expectData(await server.gql(CHANGE, { input }, actors.adminToken));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const between = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const arrived = await createScene(server, actors.adminToken, { name: 'Arrived', area: squareAround([18.205, 59.2], 100) });
  const Q = `query($at: DateTime) { displacementCandidates(radiusMeters: 1000, withinDays: 30, at: $at) { scene { id name } origin { id } } }`;
  const pairs = async (at?: string) =>
    expectData(await server.gql(Q, { at }, actors.editorToken)).displacementCandidates.map((p: any) => [p.origin.id, p.scene.id]);
  expect(await pairs()).toContainEqual([origin.id, arrived.id]);
  // the scene had not arrived yet: the move was not there to be seen
  expect(await pairs(between)).not.toContainEqual([origin.id, arrived.id]);
});

it('shows a scene read as it stood with the status history known by then', async () => {
  // an undated ACTIVE (from the start), then CLOSED at the end of 2023
  const demo = demoScenes.find((s) => s.key === 'dalen')!;
  const { scenes } = expectData(await server.gql('{ scenes(first: 100) { edges { node { id name } } } }', {}, actors.editorToken));
  const id = nodes(scenes).find((scene: any) => scene.name === demo.name).id;
  const at = new Date('2023-06-01T00:00:00Z');
  const Q = `query($id: ID!, $at: DateTime) { scene(id: $id, at: $at) { status statusHistory { totalCount edges { node { to } } } } }`;
  const { scene } = expectData(await server.gql(Q, { id, at: at.toISOString() }, actors.editorToken));
  const expected = demo.history.filter((h, i) => (h.at ? stockholmMidnight(h.at) <= at : i === 0));
  expect(expected.length).toBeLessThan(demo.history.length);
  expect(scene.statusHistory.totalCount).toBe(expected.length);
  expect(nodes(scene.statusHistory).map((change: any) => change.to)).toEqual(expected.map((h) => h.status));
  expect(scene.status).toBe(demoStatusAt(demo, at));
  const now = expectData(await server.gql(Q, { id }, actors.editorToken)).scene;
  expect(now.statusHistory.totalCount).toBe(demo.history.length);
});
