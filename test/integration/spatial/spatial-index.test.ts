import { createActors, expectData, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

/**
 * Every spatial filter is answered from a GIST index: 100 000 synthetic rows per table, the
 * SQL the server really sends (captured from the ORM), and PostgreSQL's EXPLAIN of it.
 */
const ROWS = 100_000;
let server: TestServer;
let actors: Actors;

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  const em = server.orm.em.fork();
  // A deterministic grid of small squares over greater Stockholm (317 columns, ~2 m apart rows).
  const cell = `ST_SetSRID(ST_MakePoint(17.5 + (g % 317) * 0.003, 59.1 + (g / 317) * 0.002), 4326)`;
  await em.execute(`insert into scene (id, name, municipality, stat_areas, problem_substances, problem_crime_kinds, problem_target_groups, problem_tags, area, status, version, created_at, updated_at)
    select gen_random_uuid(), 'Synthetic ' || g, 'Stockholm', '{}', '{}', '{}', '{}', '{}', ST_Multi(ST_Expand(${cell}, 0.0005)), 'ACTIVE', 1, now(), now()
    from generate_series(1, ${ROWS}) g`);
  await em.execute(
    `insert into intervention (id, scene_id, owner_id, category, kind, title, location, starts_at, sensitivity, version, created_at, updated_at)
    select gen_random_uuid(), (select id from scene limit 1), ?, 'FORMAL_CONTROL', 'UNIFORMED_PRESENCE', 'Synthetic ' || g, ${cell}, now(), 'OPEN', 1, now(), now()
    from generate_series(1, ${ROWS}) g`,
    [actors.editorOperatorId],
  );
  await em.execute(`insert into agreement (id, kind, title, valid_from, area, version, created_at, updated_at)
    select gen_random_uuid(), 'GUARD_MANDATE', 'Synthetic ' || g, '2024-01-01', ST_Multi(ST_Expand(${cell}, 0.001)), 1, now(), now()
    from generate_series(1, ${ROWS}) g`);
  await em.execute('analyze scene; analyze intervention; analyze agreement');
}, 300_000);

const POINT = { type: 'Point', coordinates: [17.95, 59.3] };
const AREA = {
  type: 'Polygon',
  coordinates: [
    [
      [17.94, 59.29],
      [17.96, 59.29],
      [17.96, 59.31],
      [17.94, 59.31],
      [17.94, 59.29],
    ],
  ],
};
const FILTERS: Record<string, unknown> = {
  intersects: { intersects: AREA },
  within: { within: AREA },
  bbox: { bbox: { minX: 17.94, minY: 59.29, maxX: 17.96, maxY: 59.31 } },
  near: { near: { point: POINT, radiusMeters: 500 } },
};
const LISTS = [
  ['scenes', 'SceneFilter', 'scene'],
  ['interventions', 'InterventionFilter', 'intervention'],
  ['agreements', 'AgreementFilter', 'agreement'],
] as const;

const cases = LISTS.flatMap(([list, filterType, table]) => Object.keys(FILTERS).map((name) => [list, name, filterType, table] as const));

it.each(cases)('%s with a %s filter runs on a GIST index', async (list, name, filterType, table) => {
  let data: any;
  const statements = await server.recordStatements(async () => {
    data = expectData(
      await server.gql(
        `query($f: ${filterType}) { ${list}(filter: $f, first: 10) { totalCount edges { node { id } } } }`,
        { f: { spatial: FILTERS[name] } },
        actors.editorToken,
      ),
    );
  });
  expect(data[list].totalCount).toBeGreaterThan(0);
  expect(data[list].totalCount).toBeLessThan(ROWS / 10);
  const spatialSelects = statements.filter(({ sql }) => sql.startsWith('select') && /ST_(Intersects|Within|DWithin)/.test(sql));
  expect(spatialSelects.length).toBeGreaterThanOrEqual(2); // the page and its count
  for (const { sql, params } of spatialSelects) {
    const [{ 'QUERY PLAN': plan }] = await server.orm.em.fork().execute(`explain (format json) ${sql}`, [...params]);
    const indexes = indexesUsed(plan[0].Plan);
    expect(indexes.some((index) => index.startsWith(`${table}_`) && index.endsWith('_gist'))).toBe(true);
  }
});

function indexesUsed(node: { 'Index Name'?: string; Plans?: unknown[] }): string[] {
  const own = node['Index Name'] ? [node['Index Name']] : [];
  return [...own, ...((node.Plans ?? []) as Array<typeof node>).flatMap(indexesUsed)];
}
