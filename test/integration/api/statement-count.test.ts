import { createActors, createIntervention, createOperator, createScene, expectData, nodes } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

const NESTED = `
  query($first: Int!) {
    scenes(first: $first, orderBy: NAME_ASC) {
      totalCount
      edges { node { id name interventions { edges { node { id title owner { id name } operators { id name } } } } } }
    }
  }`;

let server: TestServer;
/** The same database answered by the resolvers alone (compiled reads off): bounded too. */
let resolvers: TestServer;
let token: string;

beforeAll(async () => {
  server = await createTestServer();
  resolvers = await createTestServer({ compiledReads: false, truncate: false });
  const actors = await createActors(server);
  token = actors.adminToken;
  const partners = await Promise.all(
    ['Fältassistenter', 'Nattvandrare', 'Väktarbolag'].map((name) => createOperator(server, token, { name, kind: 'CIVIL_SOCIETY' })),
  );
  for (let s = 0; s < 20; s++) {
    const scene = await createScene(server, actors.editorToken, { name: `Scene ${String(s).padStart(2, '0')}` });
    for (let i = 0; i < 5; i++) {
      await createIntervention(server, actors.editorToken, scene.id, {
        title: `Intervention ${s}.${i}`,
        operatorIds: partners.slice(0, 1 + (i % 3)).map((p) => p.id),
      });
    }
  }
});

it('answers 20 scenes × 5 interventions × owner and operators with one statement in the viewer’s transaction', async () => {
  let data: any;
  const statements = await server.recordQueries(async () => {
    data = expectData(await server.gql(NESTED, { first: 20 }, token));
  });
  const scenes = nodes(data.scenes);
  expect(scenes).toHaveLength(20);
  expect(scenes.every((scene: any) => nodes(scene.interventions).length === 5)).toBe(true);
  expect(nodes(scenes[0].interventions).every((i: any) => i.owner.id && i.operators.length >= 1)).toBe(true);
  // one message, one round trip: begin, the viewer's settings (row security), the answer, commit
  expect(statements).toEqual([
    expect.stringMatching(/^begin; select set_config\('role', 'app_viewer', true\).*; select json_build_object\('scenes'.*; commit$/s),
  ]);
});

it('answers the same through the resolvers with a bounded number of statements, none per scene', async () => {
  let data: any;
  const statements = await resolvers.recordQueries(async () => {
    data = expectData(await resolvers.gql(NESTED, { first: 20 }, token));
  });
  expect(nodes(data.scenes)).toHaveLength(20);
  expect(statements.slice(0, 2)).toEqual(['begin', expect.stringContaining("set_config('role', 'app_viewer', true)")]);
  expect(statements.at(-1)).toBe('commit');
  // the scenes' page, the scenes, their count, every scene's page of interventions with their
  // rows (one LATERAL), their owners, their operators
  expect(statements.slice(2, -1)).toHaveLength(6);
  expect(statements.filter((sql) => /left join lateral/.test(sql))).toHaveLength(1);
});

it('pages each parent on its own: each scene’s 2 newest interventions, with its own total and next page', async () => {
  const QUERY = `query {
    scenes(first: 20, orderBy: NAME_ASC) {
      edges { node { name interventions(first: 2, orderBy: TITLE_ASC) { totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } } }
    }
  }`;
  let data: any;
  const statements = await server.recordQueries(async () => {
    data = expectData(await server.gql(QUERY, {}, token));
  });
  const [first] = nodes(data.scenes);
  expect(first.name).toBe('Scene 00');
  expect(nodes(first.interventions).map((i: any) => i.title)).toEqual(['Intervention 0.0', 'Intervention 0.1']);
  expect(first.interventions.totalCount).toBe(5);
  expect(first.interventions.pageInfo.hasNextPage).toBe(true);
  for (const scene of nodes(data.scenes)) expect(nodes(scene.interventions)).toHaveLength(2);
  expect(statements).toHaveLength(1);
  const after = first.interventions.pageInfo.endCursor;
  const next = expectData(
    await server.gql(
      'query($after: String) { scenes(first: 1) { edges { node { interventions(first: 2, orderBy: TITLE_ASC, after: $after) { edges { node { title } } } } } } }',
      { after },
      token,
    ),
  );
  expect(nodes(nodes(next.scenes)[0].interventions).map((i: any) => i.title)).toEqual(['Intervention 0.2', 'Intervention 0.3']);
});

it.each([
  ['compiled', () => server],
  ['resolved', () => resolvers],
])('counts nothing when totalCount is not selected (%s)', async (_path, target) => {
  const statements = await target().recordQueries(async () =>
    expectData(
      await target().gql('{ scenes(first: 5) { edges { node { name interventions { edges { node { title } } } } } } }', {}, token),
    ),
  );
  expect(statements.length).toBeGreaterThan(0);
  expect(statements.filter((sql) => /count\(/.test(sql))).toEqual([]);
});

it.each([
  ['compiled', () => server],
  ['resolved', () => resolvers],
])('sends the same number of statements for 2 scenes as for 20 (%s)', async (_path, target) => {
  const few = await target().recordQueries(async () => expectData(await target().gql(NESTED, { first: 2 }, token)));
  const many = await target().recordQueries(async () => expectData(await target().gql(NESTED, { first: 20 }, token)));
  expect(few).toHaveLength(many.length);
});

it('converts a geometry only when it is selected, in the CRS asked for, on the resolver path too', async () => {
  const without = await resolvers.recordQueries(async () =>
    expectData(await resolvers.gql('{ scenes(first: 5) { edges { node { name } } } }', {}, token)),
  );
  expect(without.filter((sql) => /st_asgeojson/i.test(sql))).toEqual([]);
  let data: any;
  const withArea = await resolvers.recordQueries(async () => {
    data = expectData(await resolvers.gql('{ scenes(first: 5) { edges { node { name area(crs: EPSG_3006) } } } }', {}, token));
  });
  expect(nodes(data.scenes)[0].area.type).toBe('MultiPolygon');
  // one conversion, straight into SWEREF 99 TM (not WGS 84 first and thrown away)
  expect(withArea.filter((sql) => /st_asgeojson/i.test(sql))).toEqual([expect.stringMatching(/ST_Transform\("area", 3006\)/)]);
});

it('tries the compiled statement once when it refuses, then answers through the resolvers', async () => {
  const bowTie = '{ type: "Polygon", coordinates: [[[17.8, 59.3], [17.9, 59.4], [17.9, 59.3], [17.8, 59.4], [17.8, 59.3]]] }';
  let answer: any;
  const statements = await server.recordQueries(async () => {
    answer = await server.gql(`{ scenes(filter: { spatial: { within: ${bowTie} } }) { totalCount } }`, {}, token);
  });
  expect(answer.errors?.[0]?.extensions?.code).toBe('INVALID_GEOMETRY');
  expect(statements.filter((sql) => /^begin; select set_config/.test(sql))).toHaveLength(1);
});
