import { createActors, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';
import { RATE_LIMIT_SYNC_MS } from '../../../server/limits/rate-limiter';
import { executeOverWebSocket } from '../../support/ws-client';

/** Limits on abuse, over HTTP and over the WebSocket alike. */
let server: TestServer;
let actors: Actors;

beforeAll(async () => {
  server = await createTestServer({ limits: { maxBodyBytes: 20_000 } });
  actors = await createActors(server);
});

const DEEP = `{ scenes { edges { node { interventions { edges { node { scene { interventions { edges { node { scene { interventions { edges { node { scene { interventions { edges { node { scene { interventions { edges { node { scene { name } } } } } } } } } } } } } } } } } } } } } } } }`;
const COSTLY = `{ scenes(first: 500) { edges { node { interventions { edges { node { operators { interventions { edges { node { operators { name } } } } } } } } } } } }`;
const ALIASED = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: sceneStatusEventCursor`).join(' ')} }`;

it.each([
  ['too deep', DEEP, 'depth'],
  ['too costly', COSTLY, 'cost'],
  ['too many aliases', ALIASED, 'aliases'],
])('refuses a query that is %s with QUERY_TOO_COMPLEX (HTTP 400), over HTTP and WebSocket', async (_case, query, detail) => {
  const http = await server.gql(query, {}, actors.adminToken);
  expect(http.status).toBe(400); // the request is at fault, not the server
  expect(http.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', [detail]: expect.any(Number) });
  expect(http.errors?.[0]?.extensions).not.toHaveProperty('http');
  expect(http.data ?? null).toBeNull();
  const ws = await executeOverWebSocket(server.wsUrl, actors.adminToken, query);
  expect(ws.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
});

it('accepts an ordinary nested query under every limit', async () => {
  const response = await server.gql(
    '{ scenes(first: 50) { edges { node { name interventions { edges { node { title owner { name } } } } } } } }',
    {},
    actors.adminToken,
  );
  expect(response.errors).toBeUndefined();
});

it('caps page sizes at 500', async () => {
  const response = await server.gql('{ scenes(first: 501) { totalCount } }', {}, actors.adminToken);
  expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

it('refuses batched requests and over-large bodies before running anything', async () => {
  const before = await server.count('operator');
  const mutation = `mutation { createOperator(input: { name: "Batch", kind: OTHER }) { id } }`;
  const batch = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${actors.adminToken}` },
    body: JSON.stringify([{ query: mutation }, { query: mutation }]),
  });
  expect(batch.status).toBe(400);
  const large = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${actors.adminToken}` },
    body: JSON.stringify({ query: mutation, variables: { padding: 'x'.repeat(30_000) } }),
  });
  expect(large.status).toBe(413);
  expect(await server.count('operator')).toBe(before);
});

it('refuses a cross-site simple request (CSRF prevention)', async () => {
  const response = await fetch(`${server.url}?query=${encodeURIComponent('{ sceneStatusEventCursor }')}`, {
    headers: { authorization: `Bearer ${actors.adminToken}` },
  });
  expect(response.status).toBe(400);
});

it('rate-limits each token with RATE_LIMITED and Retry-After, counting HTTP and WebSocket together', async () => {
  const limited = await createTestServer({ truncate: false, limits: { operationsPerMinute: 3 } });
  const token = await limited.token('ANALYST' as never, actors.editorOperatorId, 'busy-analyst');
  for (let i = 0; i < 2; i++) expect((await limited.gql('{ sceneStatusEventCursor }', {}, token)).errors).toBeUndefined();
  expect((await executeOverWebSocket(limited.wsUrl, token, '{ sceneStatusEventCursor }')).errors).toBeUndefined();
  const response = await fetch(limited.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ sceneStatusEventCursor }' }),
  });
  expect(response.status).toBe(429);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(((await response.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
  const ws = await executeOverWebSocket(limited.wsUrl, token, '{ sceneStatusEventCursor }');
  expect(ws.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  // Another token is not affected.
  const other = await limited.token('ANALYST' as never, actors.editorOperatorId, 'quiet-analyst');
  expect((await limited.gql('{ sceneStatusEventCursor }', {}, other)).errors).toBeUndefined();
  await limited.stop();
});

it('shares each token’s allowance between the instances on a PostgreSQL server (the embedded database counts per instance)', async () => {
  const shared = !process.env.TEST_DATABASE_EMBEDDED;
  const [first, second] = [
    await createTestServer({ truncate: false, limits: { operationsPerMinute: 3 } }),
    await createTestServer({ truncate: false, limits: { operationsPerMinute: 3 } }),
  ];
  const token = await first.token('ANALYST' as never, actors.editorOperatorId, 'analyst-behind-a-load-balancer');
  const cursor = '{ sceneStatusEventCursor }';
  expect((await first.gql(cursor, {}, token)).errors).toBeUndefined();
  expect((await second.gql(cursor, {}, token)).errors).toBeUndefined();
  expect((await executeOverWebSocket(first.wsUrl, token, cursor)).errors).toBeUndefined();
  // The instances share their counts every RATE_LIMIT_SYNC_MS, not on every request.
  await new Promise((resolve) => setTimeout(resolve, RATE_LIMIT_SYNC_MS * 3));
  // The fourth operation of the minute: over the shared allowance, or the second instance's own second.
  const fourth = await second.gql(cursor, {}, token);
  expect([fourth.status, fourth.errors?.[0]?.extensions?.code]).toEqual(shared ? [429, 'RATE_LIMITED'] : [200, undefined]);
  await Promise.all([first.stop(), second.stop()]);
});

it('turns introspection off in production, over HTTP and WebSocket', async () => {
  const production = await createTestServer({ truncate: false, production: true });
  const query = '{ __schema { types { name } } }';
  const http = await production.gql(query, {}, actors.adminToken);
  expect(http.errors?.[0]?.message).toMatch(/introspection/i);
  const ws = await executeOverWebSocket(production.wsUrl, actors.adminToken, query);
  expect(ws.errors?.[0]?.message).toMatch(/introspection/i);
  expect((await server.gql(query, {}, actors.adminToken)).data.__schema.types.length).toBeGreaterThan(10);
  await production.stop();
});
