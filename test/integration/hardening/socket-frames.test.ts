import { createActors, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';
import { executeOverWebSocket, openRawSocket } from '../../support/ws-client';

/** What the WebSocket does with frames a well-behaved client never sends: refuse them, and stay up. */
let server: TestServer;
let actors: Actors;
let base: string;

beforeAll(async () => {
  server = await createTestServer({ limits: { maxBodyBytes: 100_000 } });
  actors = await createActors(server);
  base = server.url.replace('/graphql', '');
});

async function healthWithin(ms: number): Promise<number> {
  const started = Date.now();
  const response = await fetch(`${base}/health`, { signal: AbortSignal.timeout(ms) });
  expect(response.status).toBe(200);
  return Date.now() - started;
}

it('closes a socket with 1009 for a frame over the body limit, and keeps answering everyone else', async () => {
  const socket = await openRawSocket(server.wsUrl, actors.adminToken);
  const huge = 'x'.repeat(5_000_000); // 50 times the limit set here
  socket.send(
    JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'query($v: String) { __typename }', variables: { v: huge } } }),
  );
  expect((await socket.closed).code).toBe(1009);
  expect(await healthWithin(1_000)).toBeLessThan(1_000);
  const after = await executeOverWebSocket(server.wsUrl, actors.adminToken, '{ sceneStatusEventCursor }');
  expect(after.errors).toBeUndefined();
  expect(typeof after.data.sceneStatusEventCursor).toBe('string');
});

it('accepts a frame just under the limit', async () => {
  const socket = await openRawSocket(server.wsUrl, actors.adminToken);
  const variables = { v: 'x'.repeat(90_000) };
  socket.send(
    JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'query($v: String!) { __type(name: $v) { name } }', variables } }),
  );
  expect(await socket.nextMessage()).toMatchObject({ id: '1', type: 'next', payload: { data: { __type: null } } });
  socket.close();
});

it.each([
  ['next', { id: '1', type: 'next', payload: { data: {} } }],
  ['connection_ack', { type: 'connection_ack' }],
  ['error', { id: '1', type: 'error', payload: [] }],
])('closes with 4400 when a client sends the server-only message %s', async (_type, frame) => {
  const socket = await openRawSocket(server.wsUrl, actors.adminToken);
  socket.send(JSON.stringify(frame));
  expect((await socket.closed).code).toBe(4400);
});

it('closes with 4400 for a frame that is not a message at all', async () => {
  const socket = await openRawSocket(server.wsUrl, actors.adminToken);
  socket.send('{"type": 42');
  expect((await socket.closed).code).toBe(4400);
});

it('answers a syntax error with an error message for that operation, and keeps the socket open', async () => {
  const socket = await openRawSocket(server.wsUrl, actors.adminToken);
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ scenes(' } }));
  expect(await socket.nextMessage()).toMatchObject({ id: '1', type: 'error', payload: [{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] });
  socket.send(JSON.stringify({ id: '2', type: 'subscribe', payload: { query: '{ __typename }' } }));
  expect(await socket.nextMessage()).toMatchObject({ id: '2', type: 'next' });
  socket.close();
});

it('answers variables that do not fit their types with BAD_USER_INPUT, as HTTP does', async () => {
  const query = 'query($n: Int) { scenes(first: $n) { totalCount } }';
  const ws = await executeOverWebSocket(server.wsUrl, actors.adminToken, query, { n: 'many' });
  expect(ws.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const http = await server.gql(query, { n: 'many' }, actors.adminToken);
  expect(http.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(ws.errors?.[0]?.message).toBe(http.errors?.[0]?.message);
});

it('refuses a NUL character in a variable over the WebSocket with BAD_USER_INPUT', async () => {
  const ws = await executeOverWebSocket(
    server.wsUrl,
    actors.adminToken,
    'query($name: String) { scenes(filter: { nameContains: $name }) { totalCount } }',
    {
      name: 'Sergels\u0000torg',
    },
  );
  expect(ws.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: '$.name' });
});
