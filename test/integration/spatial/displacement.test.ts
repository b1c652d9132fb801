import * as turf from '@turf/turf';
import { createActors, createScene, expectData, squareAround, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

/** Displacement: where did activity go after a scene left ACTIVE? Distances checked with turf. */
let server: TestServer;
let actors: Actors;
const A: [number, number] = [18.0636, 59.3323];
const offsetNorth = ([lon, lat]: [number, number], metres: number): [number, number] => [lon, lat + metres / 111_320];

async function move(id: string, status: string, version: number) {
  return expectData(
    await server.gql(
      'mutation($input: ChangeSceneStatusInput!) { changeSceneStatus(input: $input) { version } }',
      { input: { sceneId: id, status, expectedVersion: version, reason: `to ${status}` } },
      actors.adminToken,
    ),
  ).changeSceneStatus.version as number;
}

const QUERY = `query($r: Float!, $d: Float!) {
  displacementCandidates(radiusMeters: $r, withinDays: $d) { scene { name } became becameFrom origin { name } originLeftTo distanceMeters daysBetween }
}`;

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
});

it('finds new and resurgent scenes near a scene after it left ACTIVE, and nothing before or far away', async () => {
  const origin = await createScene(server, actors.editorToken, { name: 'Origin', area: squareAround(A, 150) });
  await move(origin.id, 'ACTIVE', 1);
  const before = await createScene(server, actors.editorToken, { name: 'Active before', area: squareAround(offsetNorth(A, 1000), 150) });
  await move(before.id, 'ACTIVE', 1);
  const resurgent = await createScene(server, actors.editorToken, { name: 'Resurgent', area: squareAround(offsetNorth(A, -1500), 150) });
  let version = await move(resurgent.id, 'ACTIVE', 1);
  version = await move(resurgent.id, 'MONITORING', version);

  await move(origin.id, 'MONITORING', 2); // the origin leaves ACTIVE

  const appeared = await createScene(server, actors.editorToken, { name: 'Appeared', area: squareAround(offsetNorth(A, 800), 150) });
  await move(appeared.id, 'ACTIVE', 1);
  await move(resurgent.id, 'ACTIVE', version);
  const far = await createScene(server, actors.editorToken, { name: 'Far away', area: squareAround([17.8336, 59.4229], 150) });
  await move(far.id, 'ACTIVE', 1);

  const { displacementCandidates } = expectData(await server.gql(QUERY, { r: 2000, d: 30 }, actors.editorToken));
  const found = displacementCandidates
    .map((c: any) => `${c.scene.name} ${c.becameFrom}>${c.became} after ${c.origin.name}>${c.originLeftTo}`)
    .sort();
  expect(found).toEqual([
    'Appeared EMERGING>ACTIVE after Origin>MONITORING',
    'Appeared null>EMERGING after Origin>MONITORING',
    'Resurgent MONITORING>ACTIVE after Origin>MONITORING',
  ]);

  const appearedDistance = displacementCandidates.find((c: any) => c.scene.name === 'Appeared').distanceMeters;
  const expected = turf.distance(turf.point(offsetNorth(A, 75)), turf.point(offsetNorth(A, 800 - 75)), { units: 'meters' });
  expect(Math.abs(appearedDistance - expected)).toBeLessThan(expected * 0.005);
  expect(displacementCandidates.every((c: any) => c.daysBetween >= 0 && c.daysBetween < 1)).toBe(true);

  const tight = expectData(await server.gql(QUERY, { r: 1000, d: 30 }, actors.editorToken)).displacementCandidates;
  expect(tight.map((c: any) => c.scene.name)).toEqual(['Appeared', 'Appeared']);
});

it.each([
  [0, 30, 'radiusMeters'],
  [60_000, 30, 'radiusMeters'],
  [1000, 0, 'withinDays'],
  [1000, 4000, 'withinDays'],
])('refuses radius %d m over %d days', async (r, d, field) => {
  const response = await server.gql(QUERY, { r, d }, actors.editorToken);
  expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
});
