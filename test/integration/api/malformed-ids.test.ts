import { createActors, createScene, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';
import { executeOverWebSocket } from '../../support/ws-client';

/** IDs are UUIDs: anything else is the caller's mistake (BAD_USER_INPUT, HTTP 400), never an internal error, and stores nothing. */
let server: TestServer;
let actors: Actors;
let sceneId: string;

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  sceneId = (await createScene(server, actors.editorToken, { name: 'Malformed ids' })).id;
});

it.each([
  ['a scene by id', '{ scene(id: "not-a-uuid") { id } }'],
  ['an intervention by id', '{ intervention(id: "42") { id } }'],
  ['interventions of a scene', '{ interventions(filter: { sceneId: ["x"] }) { totalCount } }'],
  ['an operator by id', '{ operator(id: "Polisen") { id } }'],
])('answers BAD_USER_INPUT for %s, over HTTP and WebSocket', async (_case, query) => {
  const http = await server.gql(query, {}, actors.adminToken);
  expect(http.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(http.errors?.[0]?.message).toMatch(/^Expected a uuid, got "/);
  const ws = await executeOverWebSocket(server.wsUrl, actors.adminToken, query);
  expect(ws.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

it('refuses a write naming a malformed id and stores nothing', async () => {
  const [interventions, audit] = [await server.count('intervention'), await server.count('audit_entry')];
  const response = await server.gql(
    'mutation($input: CreateInterventionInput!) { createIntervention(input: $input) { id } }',
    {
      input: {
        sceneId,
        agreementId: 'no-such-agreement',
        title: 'Cleaning',
        category: 'SITUATIONAL_PREVENTION',
        kind: 'CLEANING',
        location: { type: 'Point', coordinates: [18.06, 59.33] },
        startsAt: '2025-05-01T08:00:00Z',
      },
    },
    actors.editorToken,
  );
  expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect([await server.count('intervention'), await server.count('audit_entry')]).toEqual([interventions, audit]);
});

it('answers 400 with BAD_USER_INPUT on the export route', async () => {
  const response = await fetch(`${server.url.replace('/graphql', '')}/export/interventions.geojson?sceneId=x`, {
    headers: { authorization: `Bearer ${actors.editorToken}` },
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Expected a uuid, got "x"' });
});
