import { randomUUID } from 'node:crypto';
import { createActors, createScene, expectData, squareAround, SERGELS_TORG, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';
import { executeOverWebSocket } from '../../support/ws-client';

/**
 * A failed mutation stores nothing, even when only a field selected under it fails: the whole
 * operation's transaction is rolled back and the answer is `data: null` with the errors.
 */
let server: TestServer;
let actors: Actors;

const TABLES = ['scene', 'scene_status_change', 'scene_status_event', 'audit_entry', 'agreement', 'agreement_scene'];
const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, await server.count(table)])));
/** A sub-selection that fails however the mutation went: a year range that ends before it starts. */
const FAILING_INDICATORS = 'indicators(fromYear: 2023, toYear: 2014) { year }';

const sceneInput = () => ({ name: `Scene ${randomUUID().slice(0, 8)}`, municipality: 'Stockholm', area: squareAround(SERGELS_TORG) });

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
});

it('answers createScene { perimeterMeters } with the perimeter, measured by PostGIS on the stored area', async () => {
  const response = await server.gql(
    'mutation($input: CreateSceneInput!) { createScene(input: $input) { perimeterMeters areaSquareMeters } }',
    { input: sceneInput() },
    actors.adminToken,
  );
  const { createScene: scene } = expectData(response);
  // A square of about 200 m a side: a perimeter of about 800 m and an area of about 40 000 m².
  expect(scene.perimeterMeters).toBeGreaterThan(790);
  expect(scene.perimeterMeters).toBeLessThan(810);
  expect(scene.areaSquareMeters).toBeGreaterThan(39_000);
});

it.each(['HTTP', 'WebSocket'])('rolls back createScene when a field selected under it fails, over %s', async (transport) => {
  const before = await counts();
  const query = `mutation($input: CreateSceneInput!) { createScene(input: $input) { id ${FAILING_INDICATORS} } }`;
  const variables = { input: sceneInput() };
  const response =
    transport === 'HTTP'
      ? await server.gql(query, variables, actors.adminToken)
      : await executeOverWebSocket(server.wsUrl, actors.adminToken, query, variables);
  expect(response.data).toBeNull();
  expect(response.errors?.[0]).toMatchObject({ path: ['createScene', 'indicators'], extensions: { code: 'BAD_USER_INPUT' } });
  expect(await counts()).toEqual(before);
});

it('rolls back updateScene when a field selected under it fails: same name, same version, no audit row', async () => {
  const scene = await createScene(server, actors.adminToken);
  const before = await counts();
  const response = await server.gql(
    `mutation($input: UpdateSceneInput!) { updateScene(input: $input) { name version ${FAILING_INDICATORS} } }`,
    { input: { id: scene.id, expectedVersion: scene.version, name: 'Renamed' } },
    actors.adminToken,
  );
  expect(response.data).toBeNull();
  expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const { scene: after } = expectData(
    await server.gql('query($id: ID!) { scene(id: $id) { name version } }', { id: scene.id }, actors.adminToken),
  );
  expect(after).toEqual({ name: scene.name, version: scene.version });
  expect(await counts()).toEqual(before);
});

it('rolls back updateAgreement when a field selected under it fails', async () => {
  const scene = await createScene(server, actors.adminToken);
  const { createAgreement: agreement } = expectData(
    await server.gql(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id title version } }',
      {
        input: {
          kind: 'PLACE_COLLABORATION',
          title: 'Platssamverkan',
          validFrom: '2025-01-01',
          parties: [{ operatorId: actors.adminOperatorId }],
        },
      },
      actors.adminToken,
    ),
  );
  const before = await counts();
  const response = await server.gql(
    `mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { title scenes { ${FAILING_INDICATORS} } } }`,
    { input: { id: agreement.id, expectedVersion: agreement.version, title: 'Changed', sceneIds: [scene.id] } },
    actors.adminToken,
  );
  expect(response.data).toBeNull();
  expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const { agreement: after } = expectData(
    await server.gql('query($id: ID!) { agreement(id: $id) { title version scenes { id } } }', { id: agreement.id }, actors.adminToken),
  );
  expect(after).toEqual({ title: 'Platssamverkan', version: agreement.version, scenes: [] });
  expect(await counts()).toEqual(before);
});

it('rolls back every root field of a mutation when one of them fails', async () => {
  const before = await counts();
  const response = await server.gql(
    `mutation($good: CreateSceneInput!, $bad: CreateSceneInput!) {
      good: createScene(input: $good) { id }
      bad: createScene(input: $bad) { id }
    }`,
    { good: sceneInput(), bad: { ...sceneInput(), area: { type: 'Point', coordinates: SERGELS_TORG } } },
    actors.adminToken,
  );
  expect(response.data).toBeNull();
  expect(response.errors?.[0]).toMatchObject({ path: ['bad'], extensions: { code: 'INVALID_GEOMETRY' } });
  expect(await counts()).toEqual(before);
});

it('commits a mutation that succeeds, with its audit row', async () => {
  const before = await counts();
  const response = await server.gql(
    'mutation($input: CreateSceneInput!) { createScene(input: $input) { id } }',
    { input: sceneInput() },
    actors.adminToken,
  );
  expect(expectData(response).createScene.id).toMatch(/^[0-9a-f-]{36}$/);
  const after = await counts();
  expect([after.scene, after.scene_status_change, after.audit_entry]).toEqual([
    before.scene + 1,
    before.scene_status_change + 1,
    before.audit_entry + 1,
  ]);
});
