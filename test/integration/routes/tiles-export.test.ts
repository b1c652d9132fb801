import { VectorTile } from '@mapbox/vector-tile';
import Protobuf from 'pbf';
import proj4 from 'proj4';
import { createActors, createIntervention, createScene, expectData, squareAround, tileOf, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

/** Vector tiles decoded with @mapbox/vector-tile, exports read back; tile numbers computed here, not by the server. */
proj4.defs('EPSG:3006', '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');

let server: TestServer;
let actors: Actors;
let base: string;
const SERGEL: [number, number] = [18.0636, 59.3323];
const ids: Record<string, string> = {};

async function get(path: string, headers: Record<string, string> = {}, token: string | null = actors.editorToken) {
  return fetch(`${base}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
}

async function decode(response: Response) {
  return new VectorTile(new Protobuf(new Uint8Array(await response.arrayBuffer())));
}

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  base = server.url.replace('/graphql', '');
  ids.sergel = (
    await createScene(server, actors.adminToken, {
      name: 'Sergels torg',
      area: squareAround(SERGEL, 180),
      status: 'ACTIVE',
      municipality: 'Stockholm',
    })
  ).id;
  ids.near = (
    await createScene(server, actors.editorToken, {
      name: 'Plattan norr',
      area: squareAround([18.0636, 59.3333], 60),
      municipality: 'Stockholm',
    })
  ).id;
  ids.far = (
    await createScene(server, actors.editorToken, {
      name: 'Jakobsberg',
      area: squareAround([17.8336, 59.4229], 200),
      municipality: 'Järfälla',
    })
  ).id;
  await createIntervention(server, actors.editorToken, ids.sergel, {
    title: 'Cameras',
    kind: 'CAMERA_SURVEILLANCE',
    location: { type: 'Point', coordinates: SERGEL },
  });
});

describe('vector tiles', () => {
  it('serves the scenes in a tile with name and status, found by the tile coordinates', async () => {
    const [z, x, y] = tileOf(SERGEL, 14);
    const response = await get(`/tiles/scenes/${z}/${x}/${y}.mvt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/vnd.mapbox-vector-tile');
    const tile = await decode(response);
    const layer = tile.layers.scenes!;
    const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
    expect(features.map((p) => p.name).sort()).toEqual(['Plattan norr', 'Sergels torg']);
    expect(features.find((p) => p.name === 'Sergels torg')).toMatchObject({ status: 'ACTIVE', municipality: 'Stockholm', id: ids.sergel });
  });

  it('serves interventions as their own layer', async () => {
    const [z, x, y] = tileOf(SERGEL, 15);
    const tile = await decode(await get(`/tiles/interventions/${z}/${x}/${y}.mvt`));
    expect(tile.layers.interventions!.length).toBe(1);
    expect(tile.layers.interventions!.feature(0).properties).toMatchObject({
      title: 'Cameras',
      kind: 'CAMERA_SURVEILLANCE',
      category: 'FORMAL_CONTROL',
    });
  });

  it('answers 304 to a matching ETag, and a new ETag after a status change', async () => {
    const [z, x, y] = tileOf(SERGEL, 14);
    const first = await get(`/tiles/scenes/${z}/${x}/${y}.mvt`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect((await get(`/tiles/scenes/${z}/${x}/${y}.mvt`, { 'if-none-match': etag })).status).toBe(304);
    expectData(
      await server.gql(
        'mutation($id: ID!) { changeSceneStatus(input: { sceneId: $id, status: MONITORING, expectedVersion: 1, reason: "x" }) { version } }',
        { id: ids.sergel },
        actors.adminToken,
      ),
    );
    const after = await get(`/tiles/scenes/${z}/${x}/${y}.mvt`, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const layer = (await decode(after)).layers.scenes!;
    const sergel = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties).find((p) => p.name === 'Sergels torg');
    expect(sergel?.status).toBe('MONITORING');
  });

  it('answers 204 for an empty tile, 400 for coordinates outside the zoom range, 401 without a token', async () => {
    const [z, x, y] = tileOf([5, 40], 14);
    expect((await get(`/tiles/scenes/${z}/${x}/${y}.mvt`)).status).toBe(204);
    for (const path of [
      '/tiles/scenes/23/0/0.mvt',
      '/tiles/scenes/3/8/0.mvt',
      '/tiles/scenes/3/0/-1.mvt',
      '/tiles/scenes/2.5/0/0.mvt',
      '/tiles/roads/1/0/0.mvt',
    ]) {
      const response = await get(path);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    expect((await get('/tiles/scenes/0/0/0.mvt', {}, null)).status).toBe(401);
    const token = encodeURIComponent(actors.editorToken);
    const [sz, sx, sy] = tileOf(SERGEL, 12);
    expect((await get(`/tiles/scenes/${sz}/${sx}/${sy}.mvt?access_token=${token}`, {}, null)).status).toBe(200);
  });
});

describe('export', () => {
  it('exports the filtered scenes as a GeoJSON FeatureCollection', async () => {
    const response = await get('/export/scenes.geojson?municipality=Stockholm');
    expect(response.headers.get('content-type')).toContain('application/geo+json');
    const collection = (await response.json()) as any;
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f: any) => f.properties.name)).toEqual(['Plattan norr', 'Sergels torg']);
    expect(collection.features[1]).toMatchObject({ type: 'Feature', id: ids.sergel, geometry: { type: 'MultiPolygon' } });
  });

  it('gives a scene the properties OGC API - Features gives it: one map-feature definition', async () => {
    const collection = (await (await get('/export/scenes.geojson?municipality=Stockholm')).json()) as any;
    const exported = collection.features.find((f: any) => f.id === ids.sergel);
    const item = (await (await get(`/ogc/collections/scenes/items/${ids.sergel}`)).json()) as any;
    expect(item.properties).toEqual(exported.properties);
    expect(Object.keys(exported.properties)).toEqual([
      'name',
      'municipality',
      'district',
      'policeArea',
      'statAreas',
      'status',
      'statusSince',
      'areaSquareMeters',
      'version',
    ]);
    expect(new Date(exported.properties.statusSince).toISOString()).toBe(exported.properties.statusSince);
  });

  it('exports in SWEREF 99 TM with a bbox given in SWEREF 99 TM', async () => {
    const [minX, minY] = proj4('EPSG:4326', 'EPSG:3006', [17.7, 59.4]);
    const [maxX, maxY] = proj4('EPSG:4326', 'EPSG:3006', [17.9, 59.5]);
    const response = await get(
      `/export/scenes.geojson?crs=EPSG:3006&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3006&bbox=${minX},${minY},${maxX},${maxY}`,
    );
    const collection = (await response.json()) as any;
    expect(collection.features.map((f: any) => f.properties.name)).toEqual(['Jakobsberg']);
    expect(collection.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::3006');
    const [e, n] = collection.features[0].geometry.coordinates[0][0][0];
    const [expectedE, expectedN] = proj4('EPSG:4326', 'EPSG:3006', [17.8336, 59.4229]);
    expect(Math.hypot(e - expectedE!, n - expectedN!)).toBeLessThan(200);
  });

  it('exports CSV with a header, centroids and WKT', async () => {
    const response = await get('/export/scenes.csv?status=EMERGING');
    expect(response.headers.get('content-type')).toContain('text/csv');
    const [header, ...rows] = (await response.text()).trim().split('\n');
    expect(header).toBe(
      'id,name,municipality,district,policeArea,statAreas,status,statusSince,areaSquareMeters,version,centroidX,centroidY,wkt',
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.includes('"MULTIPOLYGON('))).toBe(true);
  });

  it('refuses an unknown status, a bad bbox and an unknown crs with 400, and no token with 401', async () => {
    for (const query of ['status=OPEN', 'bbox=1,2,3', 'crs=EPSG:27700', 'bbox=18.1,59.3,18.0,59.4']) {
      const response = await get(`/export/scenes.geojson?${query}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as any).code).toBe('BAD_USER_INPUT');
    }
    expect((await get('/export/scenes.geojson', {}, null)).status).toBe(401);
  });
});

describe('intervention export', () => {
  const JAKOBSBERG_STATION: [number, number] = [17.8336, 59.4229];

  beforeAll(async () => {
    await createIntervention(server, actors.editorToken, ids.far, {
      title: 'Litter picking',
      category: 'SITUATIONAL_PREVENTION',
      kind: 'CLEANING',
      location: { type: 'Point', coordinates: JAKOBSBERG_STATION },
      startsAt: '2025-03-01T07:00:00Z',
      endsAt: '2025-03-31T07:00:00Z',
    });
  });

  it('exports the filtered interventions as GeoJSON in SWEREF 99 TM', async () => {
    const response = await get('/export/interventions.geojson?category=SITUATIONAL_PREVENTION&crs=EPSG:3006');
    expect(response.headers.get('content-type')).toContain('application/geo+json');
    const collection = (await response.json()) as any;
    expect(collection.features.map((f: any) => f.properties.title)).toEqual(['Litter picking']);
    expect(collection.features[0].properties).toMatchObject({
      kind: 'CLEANING',
      sceneId: ids.far,
      sensitivity: 'OPEN',
      endsAt: '2025-03-31T07:00:00.000Z',
    });
    expect(collection.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::3006');
    const [e, n] = collection.features[0].geometry.coordinates;
    const [expectedE, expectedN] = proj4('EPSG:4326', 'EPSG:3006', JAKOBSBERG_STATION);
    expect(Math.hypot(e - expectedE!, n - expectedN!)).toBeLessThan(0.01);
  });

  it('filters by scene, kind, time and box, and writes CSV with centroids and WKT', async () => {
    const titles = async (query: string) =>
      ((await (await get(`/export/interventions.geojson?${query}`)).json()) as any).features.map((f: any) => f.properties.title).sort();
    expect(await titles(`sceneId=${ids.sergel}`)).toEqual(['Cameras']);
    expect(await titles('kind=CLEANING,CAMERA_SURVEILLANCE')).toEqual(['Cameras', 'Litter picking']);
    expect(await titles('activeAt=2025-03-15T12:00:00Z')).toContain('Litter picking');
    expect(await titles('activeAt=2025-04-15T12:00:00Z')).not.toContain('Litter picking');
    expect(await titles('bbox=17.8,59.4,17.9,59.45')).toEqual(['Litter picking']);
    const [header, ...rows] = (await (await get('/export/interventions.csv?kind=CLEANING')).text()).trim().split('\n');
    expect(header).toBe(
      'id,title,category,kind,sceneId,ownerId,agreementId,startsAt,endsAt,recurrence,sensitivity,version,centroidX,centroidY,wkt',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(
      `,${JAKOBSBERG_STATION[0]},${JAKOBSBERG_STATION[1]},POINT(${JAKOBSBERG_STATION[0]} ${JAKOBSBERG_STATION[1]})`,
    );
  });

  it('refuses an unknown category or sensitivity, a bad date and a bad box with 400', async () => {
    for (const query of ['category=POLICING', 'sensitivity=SECRET', 'activeAt=yesterday', 'bbox=18,59']) {
      const response = await get(`/export/interventions.geojson?${query}`);
      expect([query, response.status]).toEqual([query, 400]);
      expect(((await response.json()) as any).code).toBe('BAD_USER_INPUT');
    }
    expect((await get('/export/interventions.kml')).status).toBe(400);
    expect((await get('/export/interventions.geojson', {}, null)).status).toBe(401);
  });
});
