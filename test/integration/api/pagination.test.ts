import { createActors, createScene, expectData } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

const PAGE = `
  query($first: Int, $after: String, $last: Int, $before: String, $orderBy: SceneOrderBy, $filter: SceneFilter) {
    scenes(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { name municipality } }
    }
  }`;

let server: TestServer;
let token: string;
const names = Array.from({ length: 25 }, (_, i) => `Plats ${String(i).padStart(2, '0')}`);

beforeAll(async () => {
  server = await createTestServer();
  const actors = await createActors(server);
  token = actors.editorToken;
  for (const [i, name] of names.entries()) await createScene(server, token, { name, municipality: i % 5 === 0 ? 'Huddinge' : 'Stockholm' });
});

async function page(variables: Record<string, unknown>) {
  return expectData(await server.gql(PAGE, variables, token)).scenes;
}

it('walks forward through every scene in pages of 10 without gaps or repeats', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  const pages: any[] = [];
  do {
    const result: any = await page({ first: 10, after });
    pages.push(result);
    seen.push(...result.edges.map((e: any) => e.node.name));
    after = result.pageInfo.hasNextPage ? result.pageInfo.endCursor : null;
  } while (after);
  expect(seen).toEqual(names);
  expect(pages.map((p) => p.edges.length)).toEqual([10, 10, 5]);
  expect(pages.every((p) => p.totalCount === 25)).toBe(true);
  expect(pages[0].pageInfo.hasPreviousPage).toBe(false);
  expect(pages[2].pageInfo.hasNextPage).toBe(false);
});

it('walks backward with last and before', async () => {
  const end = await page({ last: 10 });
  expect(end.edges.map((e: any) => e.node.name)).toEqual(names.slice(15));
  const before = await page({ last: 10, before: end.pageInfo.startCursor });
  expect(before.edges.map((e: any) => e.node.name)).toEqual(names.slice(5, 15));
  expect(before.pageInfo.hasPreviousPage).toBe(true);
});

it('orders descending and filters, with totalCount of the filtered set', async () => {
  const result = await page({ first: 3, orderBy: 'NAME_DESC', filter: { municipality: ['Huddinge'] } });
  expect(result.totalCount).toBe(5);
  expect(result.edges.map((e: any) => e.node.name)).toEqual(['Plats 20', 'Plats 15', 'Plats 10']);
  const next = await page({ first: 3, after: result.pageInfo.endCursor, orderBy: 'NAME_DESC', filter: { municipality: ['Huddinge'] } });
  expect(next.edges.map((e: any) => e.node.name)).toEqual(['Plats 05', 'Plats 00']);
});

it('refuses a cursor made for another ordering, a forged cursor and an oversized page', async () => {
  const byName = await page({ first: 2 });
  const wrongOrder = await server.gql(PAGE, { first: 2, after: byName.pageInfo.endCursor, orderBy: 'CREATED_AT_DESC' }, token);
  expect(wrongOrder.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  const forged = await server.gql(PAGE, { first: 2, after: 'bm90IGEgY3Vyc29y' }, token);
  expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const tampered = await server.gql(PAGE, { first: 2, after: Buffer.from('NAME_ASC|{{garbage').toString('base64url') }, token);
  expect(tampered.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const tooBig = await server.gql(PAGE, { first: 501 }, token);
  expect(tooBig.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  const both = await server.gql(PAGE, { first: 2, last: 2 }, token);
  expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

it('defaults to 20 per page', async () => {
  expect((await page({})).edges).toHaveLength(20);
});
