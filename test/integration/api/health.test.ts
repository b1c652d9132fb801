import { createTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});

it('answers /health and /ready without a token', async () => {
  const base = server.url.replace('/graphql', '');
  const health = await fetch(`${base}/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  const ready = await fetch(`${base}/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready' });
});

it('serves GraphQL over GET with the graphql-response media type', async () => {
  const token = await server.token('VIEWER' as never, '00000000-0000-4000-8000-000000000001');
  const response = await fetch(`${server.url}?query=${encodeURIComponent('{ scenes { totalCount } }')}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/graphql-response+json');
  expect(await response.json()).toEqual({ data: { scenes: { totalCount: 0 } } });
});

it('refuses a GET without a preflight header (CSRF prevention)', async () => {
  const response = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`);
  expect(response.status).toBe(400);
});
