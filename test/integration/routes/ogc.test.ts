import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import proj4 from 'proj4';
import { createActors, createIntervention, createScene, expectData, squareAround, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

/** OGC API - Features, read by a real client (GDAL's ogrinfo and ogr2ogr) and over plain HTTP. */
proj4.defs('EPSG:3006', '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');
const run = promisify(execFile);
const workDir = mkdtempSync(join(tmpdir(), 'ogc-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

let server: TestServer;
let actors: Actors;
let ogc: string;
const CENTRES: Array<[number, number]> = [
  [18.0636, 59.3323],
  [17.8433, 59.367],
  [17.8336, 59.4229],
];

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  ogc = server.url.replace('/graphql', '/ogc');
  const scenes = [];
  for (const [i, centre] of CENTRES.entries())
    scenes.push(await createScene(server, actors.editorToken, { name: `Scene ${i}`, area: squareAround(centre, 200) }));
  await createIntervention(server, actors.editorToken, scenes[0]!.id, {
    title: 'Summer event',
    startsAt: '2019-06-01T10:00:00Z',
    endsAt: '2019-08-31T20:00:00Z',
  });
  await createIntervention(server, actors.editorToken, scenes[1]!.id, {
    title: 'Safety walk',
    startsAt: '2024-03-01T18:00:00Z',
    endsAt: '2024-03-01T20:00:00Z',
  });
  for (const [title, area] of [
    ['Mandate A', squareAround(CENTRES[0]!, 400)],
    ['Mandate B', squareAround(CENTRES[1]!, 400)],
    ['No area', undefined],
  ] as const) {
    expectData(
      await server.gql(
        'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
        {
          input: {
            kind: 'GUARD_MANDATE',
            title,
            validFrom: '2023-06-01',
            parties: [{ operatorId: actors.editorOperatorId }],
            ...(area ? { area } : {}),
          },
        },
        actors.editorToken,
      ),
    );
  }
});

const gdalEnv = () => ({ ...process.env, GDAL_HTTP_HEADERS: `Authorization: Bearer ${actors.editorToken}`, CPL_DEBUG: 'OFF' });

async function get(path: string, token: string | null = actors.editorToken): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(path.startsWith('http') ? path : `${ogc}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe('with GDAL as the client', () => {
  it('ogrinfo lists the three collections', async () => {
    const { stdout } = await run('ogrinfo', ['-ro', '-q', `OAPIF:${ogc}`], { env: gdalEnv() });
    expect(stdout).toMatch(/scenes/);
    expect(stdout).toMatch(/interventions/);
    expect(stdout).toMatch(/agreements/);
  });

  it.each([
    ['scenes', 3],
    ['interventions', 2],
    ['agreements', 2],
  ])('ogr2ogr reads every feature of %s', async (layer, count) => {
    const out = join(workDir, `${layer}.geojson`);
    await run('ogr2ogr', ['-f', 'GeoJSON', out, `OAPIF:${ogc}`, layer], { env: gdalEnv() });
    const features = JSON.parse(readFileSync(out, 'utf8')).features;
    expect(features).toHaveLength(count);
  });

  it('ogr2ogr reprojects scenes to SWEREF 99 TM where proj4 puts them', async () => {
    const out = join(workDir, 'scenes-3006.geojson');
    await run('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:3006', out, `OAPIF:${ogc}`, 'scenes'], { env: gdalEnv() });
    const features = JSON.parse(readFileSync(out, 'utf8')).features as any[];
    const scene0 = features.find((f) => f.properties.name === 'Scene 0');
    const [e, n] = scene0.geometry.coordinates[0][0][0];
    const [expectedE, expectedN] = proj4('EPSG:4326', 'EPSG:3006', CENTRES[0]!);
    expect(Math.hypot(e - expectedE!, n - expectedN!)).toBeLessThan(200);
  });
});

describe('over plain HTTP', () => {
  it('has a landing page, an OpenAPI document and the conformance classes', async () => {
    const landing = await get('');
    expect(landing.body.links.map((l: any) => l.rel).sort()).toEqual([
      'conformance',
      'data',
      'http://www.opengis.net/def/rel/ogc/1.0/functions',
      'self',
      'service-desc',
    ]);
    expect((await get('/api')).body.openapi).toBe('3.0.3');
    expect((await get('/conformance')).body.conformsTo).toEqual(
      expect.arrayContaining([
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
        'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
      ]),
    );
    expect((await get('', null)).status).toBe(401);
  });

  it('pages with next links until numberMatched features are read', async () => {
    const names: string[] = [];
    let url: string | undefined = `${ogc}/collections/scenes/items?limit=1`;
    while (url) {
      const page: { body: any } = await get(url);
      expect(page.body.numberMatched).toBe(3);
      expect(page.body.numberReturned).toBe(page.body.features.length);
      names.push(...page.body.features.map((f: any) => f.properties.name));
      url = page.body.links.find((l: any) => l.rel === 'next')?.href;
    }
    expect(names.sort()).toEqual(['Scene 0', 'Scene 1', 'Scene 2']);
  });

  it('filters by a bbox in SWEREF 99 TM (northing first, as EPSG:3006 orders its axes) and answers in it', async () => {
    const [e, n] = proj4('EPSG:4326', 'EPSG:3006', CENTRES[2]!);
    const uri = 'http://www.opengis.net/def/crs/EPSG/0/3006';
    const { body, headers } = await get(
      `/collections/scenes/items?bbox-crs=${uri}&crs=${uri}&bbox=${n! - 500},${e! - 500},${n! + 500},${e! + 500}`,
    );
    expect(body.features.map((f: any) => f.properties.name)).toEqual(['Scene 2']);
    expect(headers.get('content-crs')).toBe(`<${uri}>`);
    const [first, second] = body.features[0].geometry.coordinates[0][0][0];
    expect(first).toBeGreaterThan(6_000_000);
    expect(second).toBeLessThan(1_000_000);
  });

  it('filters interventions by datetime against their time window', async () => {
    const in2019 = await get('/collections/interventions/items?datetime=2019-07-01T00:00:00Z');
    expect(in2019.body.message).toBeUndefined();
    expect(in2019.body.features.map((f: any) => f.properties.title)).toEqual(['Summer event']);
    const from2020 = await get('/collections/interventions/items?datetime=2020-01-01T00:00:00Z/..');
    expect(from2020.body.features.map((f: any) => f.properties.title)).toEqual(['Safety walk']);
  });

  it('reads one feature by id, and 404 for an unknown one', async () => {
    const page = await get('/collections/agreements/items');
    const id = page.body.features[0].id;
    const one = await get(`/collections/agreements/items/${id}`);
    expect(one.body).toMatchObject({ type: 'Feature', id, properties: { kind: 'GUARD_MANDATE' } });
    expect((await get('/collections/agreements/items/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await get('/collections/roads/items')).status).toBe(404);
  });

  it.each([
    'limit=0',
    'limit=10001',
    'limit=ten',
    'bbox=1,2,3',
    'bbox=18.1,59.3,18.0,59.4',
    'datetime=yesterday',
    'crs=EPSG:27700',
    'color=red',
  ])('refuses %s with 400', async (query) => {
    const response = await get(`/collections/scenes/items?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BAD_USER_INPUT');
  });
});
