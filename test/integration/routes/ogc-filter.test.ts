import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { FeatureService } from '@ogcapi-js/features';
import * as turf from '@turf/turf';
import proj4 from 'proj4';
import {
  createActors,
  createIntervention,
  createOperator,
  createScene,
  expectData,
  nodes,
  squareAround,
  type Actors,
} from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';
import { cql2Sql } from '../../../db/spatial/cql2-sql';
import { geometryParam } from '../../../db/spatial/geometry-input';
import { SqlWriter } from '../../../db/sql-writer';
import { QUERYABLES } from '../../../server/routes/ogc/queryables';

/**
 * OGC API - Features Part 3: queryables, CQL2 text and JSON filters run by the server, read by
 * real clients (GDAL's OAPIF driver, @ogcapi-js/features) and over plain HTTP. Expected answers
 * come from the GraphQL API and from turf, never from the filter under test.
 */
proj4.defs('EPSG:3006', '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');
const run = promisify(execFile);
const POINT: [number, number] = [18.0636, 59.3323]; // Sergels torg

let server: TestServer;
let actors: Actors;
let ogc: string;
let changedSince: string;
const ids: Record<string, string> = {};

/** A place `metres` east of POINT. */
const east = (metres: number) =>
  turf.destination(POINT, metres / 1000, 90, { units: 'kilometers' }).geometry.coordinates as [number, number];

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  ogc = server.url.replace('/graphql', '/ogc');
  for (const [key, metres, status] of [
    ['near', 200, 'ACTIVE'],
    ['edge', 420, 'ACTIVE'],
    ['emerging', 300, 'EMERGING'],
    ['far', 2000, 'ACTIVE'],
  ] as const) {
    ids[key] = (await createScene(server, actors.adminToken, { name: `Scene ${key}`, area: squareAround(east(metres), 100), status })).id;
  }
  await new Promise((resolve) => setTimeout(resolve, 30));
  changedSince = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 30));
  // changed after the moment: renamed
  expectData(
    await server.gql(
      'mutation($input: UpdateSceneInput!) { updateScene(input: $input) { id } }',
      { input: { id: ids.near, name: 'Scene near, renamed' } },
      actors.adminToken,
    ),
  );
  const outsider = await createOperator(server, actors.adminToken, { name: 'Väktarbolaget AB', kind: 'SECURITY_COMPANY' });
  ids.outsider = outsider.id;
  for (const [title, sensitivity, startsAt, endsAt] of [
    ['Open walk 2023', 'OPEN', '2023-05-01T18:00:00Z', '2023-05-01T20:00:00Z'],
    ['Restricted cameras', 'RESTRICTED', '2024-02-01T00:00:00Z', null],
  ] as const) {
    ids[title] = (
      await createIntervention(server, actors.editorToken, ids.near!, {
        title,
        sensitivity,
        startsAt,
        endsAt,
        location: { type: 'Point', coordinates: east(200) },
      })
    ).id;
  }
});

async function items(collection: string, query: Record<string, string>, token = actors.adminToken) {
  const url = new URL(`${ogc}/collections/${collection}/items`);
  for (const [name, value] of Object.entries({ limit: '100', ...query })) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as any };
}

const names = (body: any) => body.features.map((f: any) => f.properties.name ?? f.properties.title).sort();

it('declares the filtering conformance classes and the distance function', async () => {
  const headers = { authorization: `Bearer ${actors.adminToken}` };
  const { conformsTo } = (await (await fetch(`${ogc}/conformance`, { headers })).json()) as any;
  for (const cls of [
    'ogcapi-features-3/1.0/conf/filter',
    'ogcapi-features-3/1.0/conf/features-filter',
    'cql2/1.0/conf/cql2-text',
    'cql2/1.0/conf/cql2-json',
    'cql2/1.0/conf/basic-spatial-functions',
    'cql2/1.0/conf/temporal-functions',
  ]) {
    expect(conformsTo).toContain(`http://www.opengis.net/spec/${cls}`);
  }
  const { functions } = (await (await fetch(`${ogc}/functions`, { headers })).json()) as any;
  expect(functions.map((f: any) => f.name)).toEqual(['DWITHIN_METERS']);
});

it('describes each collection’s queryables as JSON Schema, geometry and time window included', async () => {
  const headers = { authorization: `Bearer ${actors.adminToken}` };
  const scenes = (await (await fetch(`${ogc}/collections/scenes/queryables`, { headers })).json()) as any;
  expect(scenes).toMatchObject({ type: 'object', $schema: 'https://json-schema.org/draft/2020-12/schema' });
  expect(scenes.properties.status.enum).toEqual(['EMERGING', 'ACTIVE', 'MONITORING', 'CLOSED']);
  expect(scenes.properties.geometry.format).toBe('geometry-multipolygon');
  expect(scenes.properties.updated).toMatchObject({ type: 'string', format: 'date-time' });
  const interventions = (await (await fetch(`${ogc}/collections/interventions/queryables`, { headers })).json()) as any;
  expect(interventions.properties.datetime).toMatchObject({ type: 'array', format: 'interval' });
  expect(interventions.properties.sensitivity.enum).toEqual(['OPEN', 'PARTNERS', 'RESTRICTED']);
  const viewer = await server.token('VIEWER' as never, actors.editorOperatorId);
  expect((await fetch(`${ogc}/collections/interventions/queryables`, { headers: { authorization: `Bearer ${viewer}` } })).status).toBe(403);
  expect((await fetch(`${ogc}/collections/roads/queryables`, { headers })).status).toBe(404);
});

it('runs "active scenes within 500 m of this point, changed since then" on the server, as the GraphQL API answers it', async () => {
  const text = `status = 'ACTIVE' AND DWITHIN_METERS(geometry, POINT(${POINT.join(' ')}), 500) AND updated > TIMESTAMP('${changedSince}')`;
  const json = {
    op: 'and',
    args: [
      { op: '=', args: [{ property: 'status' }, 'ACTIVE'] },
      { op: 'dwithin_meters', args: [{ property: 'geometry' }, { type: 'Point', coordinates: POINT }, 500] },
      { op: '>', args: [{ property: 'updated' }, { timestamp: changedSince }] },
    ],
  };
  const { scenes } = expectData(
    await server.gql(
      `query($point: GeoJSON!) { scenes(first: 100, filter: { status: [ACTIVE], spatial: { near: { point: $point, radiusMeters: 500 } } }) { edges { node { name updatedAt } } } }`,
      { point: { type: 'Point', coordinates: POINT } },
      actors.adminToken,
    ),
  );
  const expected = nodes(scenes)
    .filter((s: any) => s.updatedAt > changedSince)
    .map((s: any) => s.name)
    .sort();
  expect(expected).toEqual(['Scene near, renamed']);
  const byText = await items('scenes', { filter: text });
  expect(names(byText.body)).toEqual(expected);
  expect(byText.body.numberMatched).toBe(expected.length);
  const byJson = await items('scenes', { filter: JSON.stringify(json), 'filter-lang': 'cql2-json' });
  expect(names(byJson.body)).toEqual(expected);
  // without the time condition: both active scenes within 500 m (turf: 200 m and 420 m east, 100 m squares)
  const within = await items('scenes', { filter: `status = 'ACTIVE' AND DWITHIN_METERS(geometry, POINT(${POINT.join(' ')}), 500)` });
  expect(names(within.body)).toEqual(['Scene edge', 'Scene near, renamed']);
});

it.each([
  ["name LIKE 'Scene e%'", ['Scene edge', 'Scene emerging']],
  ["CASEI(name) = casei('SCENE FAR')", ['Scene far']],
  ["status IN ('EMERGING') OR name = 'Scene far'", ['Scene emerging', 'Scene far']],
  ["NOT status = 'ACTIVE'", ['Scene emerging']],
  ['areaSquareMeters BETWEEN 9000 AND 11000 AND district IS NULL', ['Scene edge', 'Scene emerging', 'Scene far', 'Scene near, renamed']],
  [`S_INTERSECTS(geometry, POINT(${east(2000).join(' ')}))`, ['Scene far']],
  [
    `S_WITHIN(geometry, BBOX(${POINT[0]}, ${POINT[1] - 0.01}, ${east(1000)[0]}, ${POINT[1] + 0.01}))`,
    ['Scene edge', 'Scene emerging', 'Scene near, renamed'],
  ],
  [`S_DISJOINT(geometry, BBOX(${POINT[0]}, ${POINT[1] - 0.01}, ${east(1000)[0]}, ${POINT[1] + 0.01}))`, ['Scene far']],
  [`T_AFTER(statusSince, TIMESTAMP('2020-01-01T00:00:00Z')) AND version > 1`, ['Scene near, renamed']],
])('filters scenes by %s', async (filter, expected) => {
  const { status, body } = await items('scenes', { filter });
  expect(status).toBe(200);
  expect(names(body)).toEqual(expected);
});

it('filters interventions by their time window, and only among those the caller may see', async () => {
  const during = await items('interventions', { filter: "T_INTERSECTS(datetime, INTERVAL('2024-01-01T00:00:00Z', '..'))" });
  expect(names(during.body)).toEqual(['Restricted cameras']);
  const before = await items('interventions', { filter: "T_BEFORE(datetime, TIMESTAMP('2024-01-01T00:00:00Z'))" });
  expect(names(before.body)).toEqual(['Open walk 2023']);
  const outsider = await server.token('ANALYST' as never, ids.outsider!);
  const restricted = await items('interventions', { filter: "sensitivity = 'RESTRICTED'" }, outsider);
  expect(restricted.body).toMatchObject({ numberMatched: 0, numberReturned: 0 });
  const all = await items('interventions', { filter: "title LIKE '%'" }, outsider);
  expect(names(all.body)).toEqual(['Open walk 2023']);
});

it('reads filter geometries in filter-crs: SWEREF 99 TM, northing first', async () => {
  const [e, n] = proj4('EPSG:4326', 'EPSG:3006', east(2000));
  const { body } = await items('scenes', {
    filter: `S_INTERSECTS(geometry, POINT(${n} ${e}))`,
    'filter-crs': 'http://www.opengis.net/def/crs/EPSG/0/3006',
  });
  expect(names(body)).toEqual(['Scene far']);
});

it('takes queryables as parameters too', async () => {
  const { body } = await items('scenes', { status: 'EMERGING' });
  expect(names(body)).toEqual(['Scene emerging']);
});

it.each([
  ["status = = 'ACTIVE'", 'BAD_USER_INPUT', /at column 10: expected .*found "="/],
  ["statuz = 'ACTIVE'", 'BAD_USER_INPUT', /"statuz", which is not a queryable; these are: name, /],
  ["status = 'ACTIV'", 'BAD_USER_INPUT', /status is one of EMERGING, ACTIVE, MONITORING, CLOSED, got "ACTIV"/],
  ['name > 3', 'BAD_USER_INPUT', /compares name \(string\) with a number/],
  ['S_INTERSECTS(geometry, POLYGON((0 0, 1 1, 1 0, 0 1, 0 0)))', 'INVALID_GEOMETRY', /Self-intersection/],
  ['DWITHIN_METERS(geometry, POINT(18 59), 90000)', 'BAD_USER_INPUT', /0 to 50000 metres/],
  ["updated > '2024-01-01'", 'BAD_USER_INPUT', /compares updated \(timestamp\) with a string/],
  ['FOO(name)', 'BAD_USER_INPUT', /does not know: "foo"/],
])('refuses %s with 400 and what was wrong', async (filter, code, message) => {
  const { status, body } = await items('scenes', { filter });
  expect(status).toBe(400);
  expect(body.code).toBe(code);
  expect(body.message).toMatch(message);
});

it('refuses an unknown filter-lang and malformed CQL2 JSON', async () => {
  expect((await items('scenes', { filter: "name = 'x'", 'filter-lang': 'sql' })).body).toMatchObject({ code: 'BAD_USER_INPUT' });
  const bad = await items('scenes', { filter: '{"op":"=","args":[{"property":"name"}]}', 'filter-lang': 'cql2-json' });
  expect(bad.status).toBe(400);
  expect(bad.body.message).toMatch(/= takes 2 arguments, got 1/);
});

it('is used by @ogcapi-js/features with CQL2 text and JSON', async () => {
  const service = new FeatureService({ baseUrl: ogc });
  const params = { access_token: actors.adminToken };
  const text = await service.getFeatures('scenes', { filter: "status = 'EMERGING'", limit: 50, params });
  expect(text.features.map((f) => f.properties!.name)).toEqual(['Scene emerging']);
  const json = await service.getFeatures('scenes', {
    filter: { op: 'like', args: [{ property: 'name' }, 'Scene f%'] } as never,
    limit: 50,
    params,
  });
  expect(json.features.map((f) => f.properties!.name)).toEqual(['Scene far']);
  expect(json.numberMatched).toBe(1);
});

it('lets GDAL’s OAPIF driver run -where on the server, with -spat as bbox', async () => {
  const { stdout, stderr } = await run(
    'ogrinfo',
    [
      '-ro',
      '-al',
      '-q',
      `OAPIF:${ogc}`,
      'scenes',
      '-where',
      "status = 'ACTIVE'",
      '-spat',
      String(POINT[0]),
      String(POINT[1] - 0.01),
      String(east(1000)[0]),
      String(POINT[1] + 0.01),
    ],
    { env: { ...process.env, CPL_DEBUG: 'ON', GDAL_HTTP_HEADERS: `Authorization: Bearer ${actors.adminToken}` } },
  );
  // the filter went to the server, with the box
  expect(stderr).toMatch(/items\?limit=\d+&bbox=[^ ]*&filter=\(?status%20%3D%20'ACTIVE'\)?&filter-lang=cql-text/);
  expect(stderr).not.toMatch(/evaluated on client side/);
  const found = [...stdout.matchAll(/^\s*name \(String\) = (.*)$/gm)].map((m) => m[1]).sort();
  expect(found).toEqual(['Scene edge', 'Scene near, renamed']);
});

it('answers spatial filters from the GIST index, as the role requests run as', async () => {
  const em = server.orm.em.fork();
  await em.begin();
  try {
    await em.execute(
      `select set_config('role', 'app_viewer', true), set_config('app.operator_id', '${actors.editorOperatorId}', true), set_config('app.role', 'ANALYST', true), set_config('enable_seqscan', 'off', true)`,
    );
    for (const [collection, table, filter, index] of [
      [
        'interventions',
        'intervention',
        { op: 's_intersects', args: [{ property: 'geometry' }, { bbox: [18.0, 59.3, 18.1, 59.4] }] },
        'intervention_location_gist',
      ],
      [
        'interventions',
        'intervention',
        { op: 'dwithin_meters', args: [{ property: 'geometry' }, { type: 'Point', coordinates: POINT }, 500] },
        'intervention_location_geography_gist',
      ],
      ['scenes', 'scene', { op: 's_within', args: [{ property: 'geometry' }, { bbox: [18.0, 59.3, 18.1, 59.4] }] }, 'scene_area_gist'],
    ] as const) {
      const w = new SqlWriter('inline');
      const condition = cql2Sql(filter as never, {
        queryables: QUERYABLES[collection],
        w,
        geometry: (g) => geometryParam(g, w),
        box: ([a, b, c, d]) => `ST_MakeEnvelope(${a}, ${b}, ${c}, ${d}, 4326)`,
      });
      const plan = (await em.execute(`explain select t.id from ${table} t where ${condition}`))
        .map((row: any) => row['QUERY PLAN'])
        .join('\n');
      expect(plan).toContain(index);
    }
  } finally {
    await em.rollback();
  }
});
