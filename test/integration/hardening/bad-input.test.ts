import { SignJWT } from 'jose';
import { createActors, createIntervention, createScene, expectData, squareAround, type Actors } from '../../support/factories';
import { createTestServer, TEST_JWT_SECRET, type TestServer } from '../../support/test-server';

/**
 * Input the fuzzing run found reaching internal errors: each is now refused before SQL with the
 * contract's code (HTTP 400 on the routes), and stores nothing.
 */
let server: TestServer;
let actors: Actors;
let base: string;
let sceneId: string;
let headers: Record<string, string>;

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  base = server.url.replace('/graphql', '');
  sceneId = (await createScene(server, actors.adminToken, { name: 'Bad input' })).id;
  headers = { authorization: `Bearer ${actors.adminToken}` };
});

const route = (path: string, init: RequestInit = {}) =>
  fetch(`${base}${path}`, { ...init, headers: { ...headers, ...(init.headers ?? {}) } });

describe('tokens', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('refuses a validly signed token whose role is %s', async (role) => {
    const token = await new SignJWT({ operatorId: actors.adminOperatorId, role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const response = await server.gql('{ operators { totalCount } }', {}, token);
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const tile = await fetch(`${base}/ogc/collections`, { headers: { authorization: `Bearer ${token}` } });
    expect(tile.status).toBe(401);
  });
});

describe('NUL characters', () => {
  const QUERY = 'query($name: String) { scenes(filter: { nameContains: $name }) { totalCount } }';

  it('refuses one in a variable, in a literal and in a GET query, with BAD_USER_INPUT and HTTP 400', async () => {
    const variable = await server.gql(QUERY, { name: 'a\u0000b' }, actors.adminToken);
    expect(variable.status).toBe(400);
    expect(variable.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: '$.name' });
    const literal = await server.gql('{ scenes(filter: { nameContains: "a\\u0000b" }) { totalCount } }', {}, actors.adminToken);
    expect(literal.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const get = await route(
      `/graphql?query=${encodeURIComponent(QUERY)}&variables=${encodeURIComponent(JSON.stringify({ name: 'x\u0000' }))}`,
      {
        headers: { 'apollo-require-preflight': '1' },
      },
    );
    expect(get.status).toBe(400);
    expect(((await get.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses one in an ID and in a mutation input, storing nothing', async () => {
    const id = await server.gql('query($id: ID!) { scene(id: $id) { id } }', { id: `${sceneId}\u0000` }, actors.adminToken);
    expect(id.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const [scenes, audit] = [await server.count('scene'), await server.count('audit_entry')];
    const create = await server.gql(
      'mutation($input: CreateSceneInput!) { createScene(input: $input) { id } }',
      { input: { name: 'Sergels\u0000torg', municipality: 'Stockholm', area: squareAround([18.06, 59.33]) } },
      actors.adminToken,
    );
    expect(create.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: '$.input.name' });
    expect([await server.count('scene'), await server.count('audit_entry')]).toEqual([scenes, audit]);
  });

  it.each(['/export/scenes.geojson?municipality=a%00b', '/export/interventions.csv?kind=x%00', '/ogc/collections/scenes/items?bbox=1%00'])(
    'answers 400 for one in the route parameters of %s',
    async (path) => {
      const response = await route(path);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
    },
  );
});

describe('dates outside what the database holds', () => {
  it.each(['0000-01-01T00:00:00Z', '9999-12-31T23:59:59-14:00'])('refuses %s as a DateTime, in reads and in writes', async (moment) => {
    const read = await server.gql(
      'query($at: DateTime) { sceneStatistics(groupBy: STATUS, at: $at) { key } }',
      { at: moment },
      actors.adminToken,
    );
    expect(read.status).toBe(400);
    expect(read.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const before = await server.count('intervention');
    const write = await server.gql(
      'mutation($input: CreateInterventionInput!) { createIntervention(input: $input) { id } }',
      {
        input: {
          sceneId,
          title: 'Night walk',
          category: 'INFORMAL_CONTROL',
          kind: 'NIGHT_WALK',
          location: { type: 'Point', coordinates: [18.06, 59.33] },
          startsAt: moment,
        },
      },
      actors.editorToken,
    );
    expect(write.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await server.count('intervention')).toBe(before);
  });

  it('accepts the first and the last moment of the range', async () => {
    for (const at of ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) {
      const response = await server.gql(
        'query($at: DateTime) { interventions(filter: { activeAt: $at }) { totalCount } }',
        { at },
        actors.adminToken,
      );
      expect(response.errors).toBeUndefined();
    }
  });

  it('refuses a LocalDate in year 0', async () => {
    const QUERY = 'query($day: LocalDate) { agreements(filter: { activeOn: $day }) { totalCount } }';
    const response = await server.gql(QUERY, { day: '0000-06-01' }, actors.adminToken);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await server.gql(QUERY, { day: '0001-06-01' }, actors.adminToken)).errors).toBeUndefined();
  });

  it.each([
    '/ogc/collections/scenes/items?datetime=-100000-01-01T00:00:00Z',
    '/ogc/collections/interventions/items?datetime=0000-01-01T00:00:00Z/..',
    '/export/interventions.geojson?activeAt=0000-01-01T00:00:00Z',
    '/export/interventions.geojson?activeAt=%2B275760-09-13T00:00:00Z',
  ])('answers 400 on %s', async (path) => {
    const response = await route(path);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('numbers and names on the routes', () => {
  it.each(['offset=99999999999999999999', 'offset=-1', 'limit=1e3', 'offset=1.5'])('answers 400 for OGC items with %s', async (query) => {
    const response = await route(`/ogc/collections/scenes/items?${query}`);
    expect(response.status).toBe(400);
  });

  it.each(['/tiles/constructor/0/0/0.mvt', '/tiles/__proto__/0/0/0.mvt', '/tiles/toString/0/0/0.mvt'])(
    'answers 400 for the tile layer of %s',
    async (path) => {
      const response = await route(path);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
    },
  );

  it.each(['__proto__', 'constructor', 'hasOwnProperty'])('answers 404 for the OGC collection %s', async (name) => {
    for (const path of [`/ogc/collections/${name}`, `/ogc/collections/${name}/items`]) {
      const response = await route(path);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('answers 400 for export enum values named after Object.prototype', async () => {
    const response = await route('/export/scenes.geojson?status=constructor');
    expect(response.status).toBe(400);
  });
});

describe('GraphQL requests the server cannot take', () => {
  it('refuses a subscription sent over HTTP with BAD_USER_INPUT and HTTP 400, pointing at the WebSocket', async () => {
    const response = await server.gql('subscription { sceneStatusChanged { id } }', {}, actors.adminToken);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/WebSocket/) });
  });

  it.each([
    ['an unknown version', { version: 2, sha256Hash: 'abc' }],
    ['a hash that does not match', { version: 1, sha256Hash: '0'.repeat(64) }],
  ])('answers a persisted-query extension with %s with BAD_USER_INPUT', async (_case, persistedQuery) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery } }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers an owner id that is not a UUID in interventionStatistics with BAD_USER_INPUT', async () => {
    const response = await server.gql(
      '{ interventionStatistics(groupBy: CATEGORY, filter: { ownerId: "x" }) { key } }',
      {},
      actors.adminToken,
    );
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: 'Expected a uuid, got "x"' });
  });
});

it('serialises displacement moments as RFC 3339 date-times (the README example, with a candidate)', async () => {
  const place: [number, number] = [18.3, 59.25];
  const origin = await createScene(server, actors.adminToken, { name: 'Origin', status: 'ACTIVE', area: squareAround(place, 200) });
  expectData(
    await server.gql(
      'mutation($input: ChangeSceneStatusInput!) { changeSceneStatus(input: $input) { status } }',
      { input: { sceneId: origin.id, status: 'MONITORING', reason: 'Worked away', expectedVersion: origin.version } },
      actors.adminToken,
    ),
  );
  await createScene(server, actors.adminToken, { name: 'Next door', area: squareAround([place[0] + 0.01, place[1]], 200) });
  const { displacementCandidates } = expectData(
    await server.gql(
      '{ displacementCandidates(radiusMeters: 2000, withinDays: 180) { scene { name } origin { name } becameAt originLeftAt daysBetween } }',
      {},
      actors.adminToken,
    ),
  );
  const candidate = displacementCandidates.find((c: any) => c.origin.name === 'Origin');
  expect(candidate).toMatchObject({ scene: { name: 'Next door' } });
  expect(candidate.becameAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(Date.parse(candidate.becameAt)).toBeGreaterThanOrEqual(Date.parse(candidate.originLeftAt));
  expect(Date.now() - Date.parse(candidate.becameAt)).toBeLessThan(60_000);
});

describe('error pages', () => {
  let production: TestServer;
  beforeAll(async () => {
    production = await createTestServer({ truncate: false, production: true, limits: { maxBodyBytes: 10_000 } });
  });

  it.each([
    ['a body that is not JSON', { 'content-type': 'application/json' }, '{"query": ', 400],
    ['a body over the size limit', { 'content-type': 'application/json' }, JSON.stringify({ query: 'x'.repeat(3_000_000) }), 413],
    ['a charset the server does not read', { 'content-type': 'application/json; charset=latin1' }, '{}', 415],
    ['a content encoding the server does not read', { 'content-type': 'application/json', 'content-encoding': 'compress' }, '{}', 415],
  ])('answers %s with JSON and no stack trace, in development and in production', async (_case, extraHeaders, body, status) => {
    for (const target of [server, production]) {
      const response = await fetch(target.url, { method: 'POST', headers: extraHeaders as Record<string, string>, body });
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/json/);
      const text = await response.text();
      expect(text).not.toMatch(/at .*\.js:\d+|node_modules|<html/i);
      expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('answers a malformed URI and an unknown path with JSON', async () => {
    for (const target of [server, production]) {
      const origin = target.url.replace('/graphql', '');
      const malformed = await fetch(`${origin}/ogc/collections/%E0%A4%A`);
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
      const unknown = await fetch(`${origin}/no/such/page`);
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

it('still finds the intervention written before all this (nothing above stored anything)', async () => {
  const intervention = await createIntervention(server, actors.editorToken, sceneId);
  const { intervention: found } = expectData(
    await server.gql('query($id: ID!) { intervention(id: $id) { id } }', { id: intervention.id }, actors.editorToken),
  );
  expect(found.id).toBe(intervention.id);
});
