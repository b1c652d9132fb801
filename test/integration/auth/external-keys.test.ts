import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt, exportJWK, exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { loadExternalKeys } from '../../../server/config';
import { createActors, type Actors } from '../../support/factories';
import { createTestServer, TEST_JWT_SECRET, type TestServer } from '../../support/test-server';

/** Tokens from agencies' own identity providers (RS256, ES256) beside the platform's HS256 ones. */
const ISSUER = 'https://idp.polisen.example';
let server: TestServer;
let actors: Actors;
let rsa: { publicKey: KeyLike; privateKey: KeyLike };
let ec: { publicKey: KeyLike; privateKey: KeyLike };

beforeAll(async () => {
  rsa = await generateKeyPair('RS256');
  ec = await generateKeyPair('ES256');
  const jwks = {
    keys: [
      { ...(await exportJWK(rsa.publicKey)), alg: 'RS256', kid: 'rsa-1' },
      { ...(await exportJWK(ec.publicKey)), alg: 'ES256', kid: 'ec-1' },
    ],
  };
  server = await createTestServer({ externalKeys: { jwks, issuer: ISSUER } });
  actors = await createActors(server);
});

function sign(alg: string, key: KeyLike | Uint8Array, claims: { iss?: string; kid?: string } = {}) {
  return new SignJWT({ operatorId: actors.editorOperatorId, role: 'ANALYST' })
    .setProtectedHeader({ alg, ...(claims.kid ? { kid: claims.kid } : {}) })
    .setSubject('external-analyst')
    .setIssuer(claims.iss ?? ISSUER)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}

const QUERY = '{ sceneStatusEventCursor }';

it('accepts RS256 and ES256 tokens signed by a configured key, and the platform’s HS256 tokens', async () => {
  for (const token of [
    await sign('RS256', rsa.privateKey, { kid: 'rsa-1' }),
    await sign('ES256', ec.privateKey, { kid: 'ec-1' }),
    actors.editorToken,
  ]) {
    const response = await server.gql(QUERY, {}, token);
    expect(response.errors).toBeUndefined();
  }
});

it.each([
  ['signed by an unknown RSA key', async () => sign('RS256', (await generateKeyPair('RS256')).privateKey, { kid: 'rsa-1' })],
  ['from another issuer', () => sign('RS256', rsa.privateKey, { kid: 'rsa-1', iss: 'https://evil.example' })],
  [
    'HS256 with the public key as its secret (algorithm confusion)',
    async () => sign('HS256', new TextEncoder().encode(await exportSPKI(rsa.publicKey))),
  ],
  ['with an algorithm that is not accepted (HS512)', () => sign('HS512', new TextEncoder().encode(TEST_JWT_SECRET))],
])('refuses a token %s with UNAUTHENTICATED', async (_name, makeToken) => {
  const response = await server.gql(QUERY, {}, await makeToken());
  expect(response.status).toBe(401);
  expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});

it('reads a PEM public key file as the configured key', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'keys-'));
  writeFileSync(join(dir, 'idp.pem'), await exportSPKI(ec.publicKey));
  const keys = await loadExternalKeys({ publicKeyFile: join(dir, 'idp.pem'), publicKeyAlgorithm: 'ES256', issuer: ISSUER });
  expect(keys!.jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
  await expect(loadExternalKeys({ jwksFile: join(dir, 'missing.json') })).rejects.toThrow(/Cannot read the JWT public keys/);
});

it('prints a token with npm run token, with the given role, operator and lifetime', async () => {
  const { stdout } = await promisify(execFile)(
    'npx',
    ['ts-node', '--transpile-only', 'scripts/token.ts', '--operator', actors.editorOperatorId, '--role', 'VIEWER', '--ttl', '10m'],
    { env: { ...process.env, JWT_SECRET: TEST_JWT_SECRET } },
  );
  const token = stdout.trim();
  const claims = decodeJwt(token);
  expect(claims).toMatchObject({ operatorId: actors.editorOperatorId, role: 'VIEWER' });
  expect(claims.exp! - claims.iat!).toBe(600);
  expect((await server.gql('{ scenes { totalCount } }', {}, token)).errors).toBeUndefined();
});
