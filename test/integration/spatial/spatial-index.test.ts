import { ensureLeakproofSpatialFunctions, INDEXED_SPATIAL_FUNCTIONS, leakproofWarning } from '../../../db/spatial/leakproof';
import { Role, type Viewer } from '../../../schema/auth/role';
import pg from 'pg';
import { asViewer, viewerSettingsSql } from '../../../schema/auth/row-security';
import { createActors, expectData, tileOf, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

/**
 * Every spatial filter is answered from a GIST index: 100 000 synthetic rows per table, the
 * SQL the server really sends (captured from the ORM), and PostgreSQL's EXPLAIN of it, run as
 * the request ran it: as `app_viewer` under the row-level security policy on interventions.
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
  const spatialSelects = statements.filter(({ sql }) => /^(begin; )?select/.test(sql) && /ST_(Intersects|Within|DWithin)/.test(sql));
  // One compiled statement holds the page and its count (the resolvers send them apart, for agreements).
  expect(spatialSelects.length).toBeGreaterThanOrEqual(1);
  for (const { sql, params } of spatialSelects) expect(await indexesInPlan(sql, params)).toContainEqual(expect.stringMatching(gist(table)));
});

describe('the other read paths to interventions', () => {
  const base = () => server.url.replace('/graphql', '');
  const headers = () => ({ authorization: `Bearer ${actors.editorToken}` });
  const [, x, y] = tileOf(POINT.coordinates as [number, number], 14);
  const PATHS: Record<string, () => Promise<unknown>> = {
    'Scene.interventions(withinMeters)': async () => {
      const [scene] = await server.orm.em
        .fork()
        .execute(`select id from scene order by area <-> ST_SetSRID(ST_MakePoint(17.95, 59.3), 4326) limit 1`);
      expectData(
        await server.gql(
          'query($id: ID!) { scene(id: $id) { interventions(withinMeters: 300) { edges { node { id } } } } }',
          { id: scene.id },
          actors.editorToken,
        ),
      );
    },
    'vector tiles': async () =>
      expect((await fetch(`${base()}/tiles/interventions/14/${x}/${y}.mvt`, { headers: headers() })).status).toBe(200),
    'OGC API items in a bbox': async () =>
      expect(
        (await fetch(`${base()}/ogc/collections/interventions/items?bbox=17.94,59.29,17.96,59.31`, { headers: headers() })).status,
      ).toBe(200),
  };

  it.each(Object.keys(PATHS))('%s runs on a GIST index', async (path) => {
    const statements = await server.recordStatements(PATHS[path]!);
    const spatial = statements.filter(({ sql }) => /(from|join) "?intervention"? /.test(sql) && /ST_(Intersects|DWithin)|&&/.test(sql));
    expect(spatial.length).toBeGreaterThanOrEqual(1);
    for (const { sql, params } of spatial)
      expect(await indexesInPlan(sql, params)).toContainEqual(expect.stringMatching(gist('intervention')));
  });
});

it('scans the whole intervention table without the LEAKPROOF marks, and uses the index once they are restored', async () => {
  const statements = await server.recordStatements(async () =>
    expectData(
      await server.gql(
        'query($f: InterventionFilter) { interventions(filter: $f, first: 10) { edges { node { id } } } }',
        { f: { spatial: FILTERS.near } },
        actors.editorToken,
      ),
    ),
  );
  const { sql, params } = statements.find((statement) => /ST_DWithin/.test(statement.sql))!;
  const em = server.orm.em.fork();
  try {
    for (const signature of INDEXED_SPATIAL_FUNCTIONS) await em.execute(`alter function ${signature} not leakproof`);
    expect(await indexesInPlan(sql, params)).not.toContainEqual(expect.stringMatching(gist('intervention')));
  } finally {
    expect((await ensureLeakproofSpatialFunctions(em)).marked).toEqual([...INDEXED_SPATIAL_FUNCTIONS]);
  }
  expect(await indexesInPlan(sql, params)).toContainEqual(expect.stringMatching(gist('intervention')));
});

it('reports, and leaves alone, what a user who is not a superuser cannot mark', async () => {
  const em = server.orm.em.fork();
  await em.begin();
  try {
    await em.execute('alter function st_within(geometry, geometry) not leakproof');
    await em.execute("select set_config('role', 'app_viewer', true)");
    const report = await ensureLeakproofSpatialFunctions(em);
    expect(report).toEqual({ marked: [], missing: ['st_within(geometry, geometry)'] });
    expect(leakproofWarning(report.missing)).toContain('ALTER FUNCTION st_within(geometry, geometry) LEAKPROOF;');
  } finally {
    await em.rollback();
  }
  const [{ leakproof }] = await em.execute(
    `select proleakproof as leakproof from pg_proc where oid = 'st_within(geometry, geometry)'::regprocedure`,
  );
  expect(leakproof).toBe(true);
});

/** The indexes in the plan of `sql`, explained inside a transaction as an EDITOR's request runs it. */
async function indexesInPlan(sql: string, params: readonly unknown[]): Promise<string[]> {
  const viewer: Viewer = { subject: 'explain', operatorId: actors.editorOperatorId, role: Role.EDITOR };
  const compiled = /^begin; [^;]*; (select .*); commit$/s.exec(sql)?.[1];
  if (compiled) return indexesUsed((await explainCompiled(compiled, viewer))[0].Plan);
  const em = server.orm.em.fork();
  const [{ 'QUERY PLAN': plan }] = await asViewer(em, viewer, () => em.execute(`explain (format json) ${sql}`, [...params]));
  return indexesUsed(plan[0].Plan);
}

/** EXPLAIN of the statement of a compiled read (sent with `pg`, past the ORM, its values as literals). */
async function explainCompiled(sql: string, viewer: Viewer) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`begin; ${viewerSettingsSql(viewer)}`);
    const { rows } = await client.query(`explain (format json) ${sql}`);
    return rows[0]['QUERY PLAN'];
  } finally {
    await client.query('rollback');
    await client.end();
  }
}

function gist(table: string): RegExp {
  return new RegExp(`^${table}_.*_gist$`);
}

function indexesUsed(node: { 'Index Name'?: string; Plans?: unknown[] }): string[] {
  const own = node['Index Name'] ? [node['Index Name']] : [];
  return [...own, ...((node.Plans ?? []) as Array<typeof node>).flatMap(indexesUsed)];
}
