import { seedDemoDataIfEmpty } from '../../../db/seeders/demo.seeder';
import { circleArea, demoAreaAt, demoAreaChanges, demoScenes, demoStatusAt, type DemoScene } from '../../support/demo-scenes';
import { createActors, createScene, expectData, type Actors, nodes } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

/** Time-travel statistics over the demo data; expected figures are worked out from the demo files and turf (test/support/demo-scenes.ts). */
const areaOf = (scene: DemoScene) => circleArea(scene.center, scene.radiusM);

const STATS = `query($groupBy: SceneStatisticsGroupBy!, $at: DateTime, $filter: SceneFilter) {
  sceneStatistics(groupBy: $groupBy, at: $at, filter: $filter) { key count totalAreaSquareMeters }
}`;

let server: TestServer;
let actors: Actors;

beforeAll(async () => {
  server = await createTestServer();
  await seedDemoDataIfEmpty(server.orm);
  actors = await createActors(server);
});

async function stats(groupBy: string, at?: string, filter?: unknown) {
  return expectData(await server.gql(STATS, { groupBy, at, filter }, actors.editorToken)).sceneStatistics as Array<{
    key: string;
    count: number;
    totalAreaSquareMeters: number;
  }>;
}

it('shows the ten scenes closed during 2023 as the change between 2023-01-01 and 2024-01-01', async () => {
  const before = await stats('STATUS', '2023-01-01T00:00:00Z');
  const after = await stats('STATUS', '2024-01-01T00:00:00Z');
  const closedIn2023 = demoScenes.filter((s) => s.history.some((h) => h.status === 'CLOSED' && h.at?.startsWith('2023')));
  expect(closedIn2023).toHaveLength(10);
  // Scenes first dated 2024 (three in Hässelby-Vällingby) did not exist yet on either date.
  expect(before).toEqual([{ key: 'ACTIVE', count: 13, totalAreaSquareMeters: expect.any(Number) }]);
  expect(after.map(({ key, count }) => ({ key, count }))).toEqual([
    { key: 'ACTIVE', count: 3 },
    { key: 'CLOSED', count: 10 },
  ]);
  const closedArea = closedIn2023.reduce((sum, s) => sum + areaOf(s), 0);
  expect(after[1]!.totalAreaSquareMeters).toBeCloseTo(closedArea, -Math.log10(closedArea * 0.005));
  // the active scenes' areas as they stood on each date (Sergels torg and Hässelby torg shrank in 2023)
  const activeArea = (at: string) =>
    demoScenes.filter((s) => demoStatusAt(s, new Date(at)) === 'ACTIVE').reduce((sum, s) => sum + demoAreaAt(s, new Date(at)), 0);
  const [activeBefore, activeAfter] = [activeArea('2023-01-01T00:00:00Z'), activeArea('2024-01-01T00:00:00Z')];
  expect(before[0]!.totalAreaSquareMeters).toBeCloseTo(activeBefore, -Math.log10(activeBefore * 0.005));
  expect(after[0]!.totalAreaSquareMeters).toBeCloseTo(activeAfter, -Math.log10(activeAfter * 0.005));
  expect(activeBefore - activeAfter).toBeGreaterThan(closedArea * 1.05);
});

it('groups by municipality and police area, and filters on the status at that time', async () => {
  const activeByMunicipality = await stats('MUNICIPALITY', '2023-06-01T00:00:00Z', { status: ['ACTIVE'] });
  expect(activeByMunicipality.map(({ key, count }) => ({ key, count }))).toEqual([
    { key: 'Botkyrka', count: 1 },
    { key: 'Huddinge', count: 3 },
    { key: 'Järfälla', count: 1 },
    { key: 'Nacka', count: 1 },
    { key: 'Stockholm', count: 7 },
  ]);
  const byPoliceArea = await stats('POLICE_AREA');
  expect(byPoliceArea.find((g) => g.key === 'Vällingby')).toMatchObject({ count: 4 });
  expect(byPoliceArea.reduce((sum, g) => sum + g.count, 0)).toBe(16);
});

it('counts a scene registered now, and a status change, only from their dates', async () => {
  const before = await stats('STATUS');
  const scene = await createScene(server, actors.editorToken, { name: 'New place' });
  const now = await stats('STATUS');
  expect(now.find((g) => g.key === 'EMERGING')).toMatchObject({ count: 1 });
  expect(await stats('STATUS', '2024-06-01T00:00:00Z')).not.toContainEqual(expect.objectContaining({ key: 'EMERGING' }));
  expect(before.find((g) => g.key === 'EMERGING')).toBeUndefined();
  expectData(
    await server.gql(
      'mutation($id: ID!) { changeSceneStatus(input: { sceneId: $id, status: ACTIVE, expectedVersion: 1, reason: "Classified" }) { status } }',
      { id: scene.id },
      actors.adminToken,
    ),
  );
  const active = (await stats('STATUS')).find((g) => g.key === 'ACTIVE')!;
  expect(active.count).toBe(now.find((g) => g.key === 'ACTIVE')!.count + 1);
});

it('refuses a moment in the future', async () => {
  const response = await server.gql(STATS, { groupBy: 'STATUS', at: '2999-01-01T00:00:00Z' }, actors.editorToken);
  expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
});

it('seeds each demo scene at the version its history has reached, so the next status change goes through', async () => {
  const { scenes } = expectData(
    await server.gql(
      '{ scenes(first: 100) { edges { node { id name status version versions { version } statusHistory { edges { node { sceneVersion } } } } } } }',
      {},
      actors.adminToken,
    ),
  );
  const seeded = scenes.edges.map((edge: any) => edge.node).filter((scene: any) => demoScenes.some((d) => d.name === scene.name));
  expect(seeded).toHaveLength(16);
  // a version per status change and per dated area change (scene-areas.json), numbered 1, 2, …
  for (const scene of seeded) {
    const areaVersions = demoAreaChanges.filter((c) => demoScenes.find((d) => d.key === c.sceneKey)!.name === scene.name).length;
    expect([scene.name, scene.version]).toEqual([scene.name, nodes(scene.statusHistory).length + areaVersions]);
    expect(scene.versions.map((v: any) => v.version)).toEqual(Array.from({ length: scene.version }, (_, i) => i + 1));
  }
  const monitored = seeded.find((scene: any) => scene.status === 'MONITORING' && scene.version > 1);
  const changed = await server.gql(
    'mutation($input: ChangeSceneStatusInput!) { changeSceneStatus(input: $input) { status version } }',
    {
      input: { sceneId: monitored.id, status: 'ACTIVE', expectedVersion: monitored.version, reason: 'Resurgence seen on the weekly walk' },
    },
    actors.adminToken,
  );
  expect(expectData(changed).changeSceneStatus).toEqual({ status: 'ACTIVE', version: monitored.version + 1 });
});
