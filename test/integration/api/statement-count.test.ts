import { createActors, createIntervention, createOperator, createScene, expectData } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

const NESTED = `
  query($first: Int!) {
    scenes(first: $first, orderBy: NAME_ASC) {
      totalCount
      edges { node { id name interventions { id title owner { id name } operators { id name } } } }
    }
  }`;

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await createTestServer();
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

it('answers 20 scenes × 5 interventions × owner and operators in one statement per relation level', async () => {
  let data: any;
  const statements = await server.recordQueries(async () => {
    data = expectData(await server.gql(NESTED, { first: 20 }, token));
  });
  const nodes = data.scenes.edges.map((e: any) => e.node);
  expect(nodes).toHaveLength(20);
  expect(nodes.every((n: any) => n.interventions.length === 5)).toBe(true);
  expect(nodes[0].interventions.every((i: any) => i.owner.id && i.operators.length >= 1)).toBe(true);
  // The request's viewer transaction (row security) frames the work: begin, viewer settings, ..., commit.
  expect(statements.slice(0, 2)).toEqual(['begin', expect.stringContaining("set_config('role', 'app_viewer', true)")]);
  expect(statements.at(-1)).toBe('commit');
  // scenes page + count, interventions by scene, owners by id, operators by intervention
  expect(statements.slice(2, -1)).toHaveLength(5);
});

it('sends the same number of statements for 2 scenes as for 20', async () => {
  const few = await server.recordQueries(async () => expectData(await server.gql(NESTED, { first: 2 }, token)));
  const many = await server.recordQueries(async () => expectData(await server.gql(NESTED, { first: 20 }, token)));
  expect(few).toHaveLength(many.length);
});
