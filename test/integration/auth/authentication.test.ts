import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { createActors, type Actors } from '../../support/factories';
import { createTestServer, TEST_JWT_SECRET, type TestServer } from '../../support/test-server';

let server: TestServer;
let actors: Actors;

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
});

const QUERY = '{ scenes { totalCount } }';

async function sign(
  claims: Record<string, unknown>,
  {
    secret = TEST_JWT_SECRET,
    expiresIn = '1h' as string | number,
    notBefore,
  }: { secret?: string; expiresIn?: string | number; notBefore?: string } = {},
) {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('someone').setIssuedAt().setExpirationTime(expiresIn);
  if (notBefore) jwt = jwt.setNotBefore(notBefore);
  return jwt.sign(new TextEncoder().encode(secret));
}

it('refuses a query without a token with UNAUTHENTICATED', async () => {
  const response = await server.gql(QUERY, {}, null);
  expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(response.data ?? null).toBeNull();
});

it('answers a query with a valid token', async () => {
  const response = await server.gql(QUERY, {}, actors.editorToken);
  expect(response.errors).toBeUndefined();
  expect(response.data).toEqual({ scenes: { totalCount: 0 } });
});

it.each([
  [
    'signed with another secret',
    () => sign({ operatorId: randomUUID(), role: 'ADMIN' }, { secret: 'another-secret-that-is-long-enough-000000' }),
  ],
  ['expired', () => sign({ operatorId: randomUUID(), role: 'ADMIN' }, { expiresIn: Math.floor(Date.now() / 1000) - 60 })],
  ['not yet valid (nbf)', () => sign({ operatorId: randomUUID(), role: 'ADMIN' }, { notBefore: '1h' })],
  [
    'unsigned (alg: none)',
    async () =>
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', operatorId: randomUUID(), role: 'ADMIN' })).toString('base64url')}.`,
  ],
  ['with an unknown role', () => sign({ operatorId: randomUUID(), role: 'SUPERUSER' })],
  ['without an operatorId', () => sign({ role: 'ADMIN' })],
  ['that is not a JWT at all', async () => 'not-a-token'],
])('refuses a token %s with UNAUTHENTICATED (HTTP 401) and writes nothing', async (_name, makeToken) => {
  const before = await server.count('operator');
  const response = await server.gql('mutation { createOperator(input: { name: "Intruder", kind: OTHER }) { id } }', {}, await makeToken());
  expect(response.status).toBe(401);
  expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(await server.count('operator')).toBe(before);
});

it('refuses a token for an operator that is not registered when it writes in that operator’s name', async () => {
  const before = await server.count('scene');
  const stranger = await server.token('EDITOR' as never, randomUUID());
  const response = await server.gql(
    'mutation { createScene(input: { name: "x", municipality: "Solna", area: { type: "Polygon", coordinates: [[[18, 59.36], [18.001, 59.36], [18.001, 59.361], [18, 59.36]]] } }) { id } }',
    {},
    stranger,
  );
  expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(await server.count('scene')).toBe(before);
});

it('passes GraphQL validation errors through with their own code', async () => {
  const invalid = await server.gql('{ scenes { nope } }', {}, actors.editorToken);
  expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
});
