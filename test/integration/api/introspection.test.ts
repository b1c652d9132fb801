import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getIntrospectionQuery } from 'graphql';
import { createActors, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';
import { executeOverWebSocket } from '../../support/ws-client';

/**
 * The standard introspection queries of GraphiQL, Apollo Sandbox, IDE plugins and graphql-codegen
 * pass wherever introspection is on, over HTTP and the WebSocket; introspection built to exhaust
 * the server is refused by bounds of its own.
 */
const ROOT = join(__dirname, '..', '..', '..');
let server: TestServer;
let actors: Actors;

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
});

const FULL = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
});

it.each([
  ['graphql-js with every option (graphql-codegen, GraphiQL)', FULL],
  ['graphql-js by default', getIntrospectionQuery()],
  ['graphql-js with input value deprecation only (Apollo Sandbox)', getIntrospectionQuery({ inputValueDeprecation: true })],
])('answers the introspection query of %s, over HTTP and WebSocket', async (_tool, query) => {
  const http = await server.gql(query, {}, actors.adminToken);
  expect(http.errors).toBeUndefined();
  expect(http.data.__schema.queryType.name).toBe('Query');
  const names = http.data.__schema.types.map((type: { name: string }) => type.name);
  expect(names).toEqual(expect.arrayContaining(['Scene', 'Intervention', 'SceneStatus', 'GeoJSON']));
  const ws = await executeOverWebSocket(server.wsUrl, actors.adminToken, query);
  expect(ws.errors).toBeUndefined();
  expect(ws.data.__schema.types).toHaveLength(names.length);
});

it.each([
  ['ofType nested 11 deep', `{ __type(name: "Scene") { ${'ofType { '.repeat(11)}name${' }'.repeat(11)} } }`, 'ofType nesting'],
  ['two __schema fields', '{ a: __schema { queryType { name } } b: __schema { queryType { name } } }', '__schema fields'],
  [
    'eleven __type fields',
    `{ ${Array.from({ length: 11 }, (_, i) => `t${i}: __type(name: "Scene") { name }`).join(' ')} }`,
    '__type fields',
  ],
  // (graphql-js's own rule already refuses fields { type { fields { type { fields } } } } at validation)
  ['lists nested four deep', '{ __schema { types { interfaces { fields { args { name } } } } } }', 'list nesting'],
])('refuses introspection with %s with QUERY_TOO_COMPLEX, over HTTP (400) and WebSocket', async (_case, query, what) => {
  const http = await server.gql(query, {}, actors.adminToken);
  expect(http.status).toBe(400);
  expect(http.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', introspection: what });
  const ws = await executeOverWebSocket(server.wsUrl, actors.adminToken, query);
  expect(ws.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', introspection: what });
});

it('still counts aliases inside introspection against the alias limit', async () => {
  const query = `{ __schema { ${Array.from({ length: 31 }, (_, i) => `t${i}: queryType { name }`).join(' ')} } }`;
  const response = await server.gql(query, {}, actors.adminToken);
  expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', aliases: 31 });
});

it('keeps introspection off in production, with its standard query too', async () => {
  const production = await createTestServer({ truncate: false, production: true });
  const response = await production.gql(FULL, {}, actors.adminToken);
  expect(response.errors?.[0]?.message).toMatch(/introspection/i);
});

it("generates a typed client from the live endpoint with the README's codegen.yml", async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const config = /```yaml\n(# schema: https:[\s\S]*?)```/.exec(readme)?.[1];
  expect(config).toContain('http://localhost:4000/graphql');
  // A partner's project beside ours, so that codegen and its presets resolve from our node_modules.
  mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  const project = mkdtempSync(join(ROOT, 'node_modules', '.cache', 'partner-codegen-'));
  cpSync(join(ROOT, 'client-codegen', 'operations'), join(project, 'src', 'graphql'), { recursive: true });
  writeFileSync(join(project, 'codegen.yml'), config!.replace('http://localhost:4000/graphql', server.url));
  await promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'graphql-codegen'), ['--config', 'codegen.yml'], {
    cwd: project,
    env: { ...process.env, TOKEN: actors.adminToken },
    timeout: 120_000,
  });
  const generated = readdirSync(join(project, 'src', 'generated'));
  expect(generated).toEqual(expect.arrayContaining(['graphql.ts', 'gql.ts']));
  const types = readFileSync(join(project, 'src', 'generated', 'graphql.ts'), 'utf8');
  expect(types).toMatch(/export type BoardScenesQuery = /);
  expect(types).toMatch(/export type SceneStatus =/);
  rmSync(project, { recursive: true, force: true });
}, 150_000);
