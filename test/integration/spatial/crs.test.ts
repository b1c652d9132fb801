import proj4 from 'proj4';
import { createActors, createScene, expectData, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

/** Coordinate systems: PostGIS's ST_Transform checked against proj4 (an independent implementation) on known points. */
proj4.defs('EPSG:3006', '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');
proj4.defs('EPSG:3011', '+proj=tmerc +lat_0=0 +lon_0=18 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');

const POINTS: Array<[string, [number, number]]> = [
  ['Sergels torg', [18.0636, 59.3323]],
  ['Jakobsberg', [17.8336, 59.4229]],
  ['Fisksätra', [18.2565, 59.294]],
  ['Kiruna', [20.2253, 67.8558]],
  ['Malmö', [13.0038, 55.605]],
];
const CENTIMETRE = 0.01;
/** Metres per degree of latitude, and of longitude at `lat`: enough to express a 1 cm tolerance in degrees. */
const metresBetween = ([x1, y1]: number[], [x2, y2]: number[]) =>
  Math.hypot((x1! - x2!) * 111_320 * Math.cos((y1! * Math.PI) / 180), (y1! - y2!) * 110_574);

let server: TestServer;
let actors: Actors;
let sceneId: string;

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  sceneId = (await createScene(server, actors.editorToken)).id;
});

async function storeAndRead(coordinates: number[], crs: string) {
  const response = await server.gql(
    `mutation($input: CreateInterventionInput!) { createIntervention(input: $input) { wgs: location sweref: location(crs: EPSG_3006) local: location(crs: EPSG_3011) } }`,
    {
      input: {
        sceneId,
        title: 'Point',
        category: 'FORMAL_CONTROL',
        kind: 'CAMERA_SURVEILLANCE',
        location: { type: 'Point', coordinates },
        crs,
        startsAt: '2024-01-01T00:00:00Z',
      },
    },
    actors.editorToken,
  );
  return expectData(response).createIntervention;
}

it.each(POINTS)('reads %s in SWEREF 99 TM and SWEREF 99 18 00 within 1 cm of proj4', async (_name, lonLat) => {
  const read = await storeAndRead(lonLat, 'EPSG_4326');
  const sweref = proj4('EPSG:4326', 'EPSG:3006', lonLat);
  const local = proj4('EPSG:4326', 'EPSG:3011', lonLat);
  expect(Math.hypot(read.sweref.coordinates[0] - sweref[0]!, read.sweref.coordinates[1] - sweref[1]!)).toBeLessThan(CENTIMETRE);
  expect(Math.hypot(read.local.coordinates[0] - local[0]!, read.local.coordinates[1] - local[1]!)).toBeLessThan(CENTIMETRE);
});

it.each(POINTS)('round-trips %s 4326 → 3006 → 4326 within 1 cm', async (_name, lonLat) => {
  const sweref = proj4('EPSG:4326', 'EPSG:3006', lonLat);
  const read = await storeAndRead(sweref, 'EPSG_3006');
  expect(metresBetween(read.wgs.coordinates, lonLat)).toBeLessThan(CENTIMETRE);
  expect(Math.hypot(read.sweref.coordinates[0] - sweref[0]!, read.sweref.coordinates[1] - sweref[1]!)).toBeLessThan(CENTIMETRE);
});

it('stores an area given in SWEREF 99 18 00 at the right place', async () => {
  const [lon, lat] = [18.0636, 59.3323];
  const corners = [
    [-50, -50],
    [50, -50],
    [50, 50],
    [-50, 50],
    [-50, -50],
  ].map(([dx, dy]) => {
    const [x, y] = proj4('EPSG:4326', 'EPSG:3011', [lon, lat]);
    return [x! + dx!, y! + dy!];
  });
  const scene = await createScene(server, actors.editorToken, { area: { type: 'Polygon', coordinates: [corners] }, crs: 'EPSG_3011' });
  const { scene: read } = expectData(
    await server.gql('query($id: ID!) { scene(id: $id) { areaSquareMeters centroid } }', { id: scene.id }, actors.editorToken),
  );
  expect(metresBetween(read.centroid.coordinates, [lon, lat])).toBeLessThan(0.05);
  // 100 m × 100 m in a transverse Mercator grid near its central meridian: 10 000 m² within 0.1 %
  expect(Math.abs(read.areaSquareMeters - 10_000)).toBeLessThan(10);
});
