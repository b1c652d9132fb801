import * as turf from '@turf/turf';
import { createActors, createIntervention, createScene, expectData, squareAround, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

/** Coverage and validity of mandates and permits; expected fractions from turf. */
let server: TestServer;
let actors: Actors;
const A: [number, number] = [18.0636, 59.3323];
const B: [number, number] = [17.8433, 59.367];
const scene = squareAround(A, 200);
const [[west, south], , , [, north]] = scene.coordinates[0] as [number[], number[], number[], number[]];
const westHalf = {
  type: 'Polygon',
  coordinates: [
    [
      [west! - 0.001, south! - 0.001],
      [A[0], south! - 0.001],
      [A[0], north! + 0.001],
      [west! - 0.001, north! + 0.001],
      [west! - 0.001, south! - 0.001],
    ],
  ],
};
const expectedHalf =
  turf.area(
    turf.intersect(turf.featureCollection([turf.polygon(scene.coordinates), turf.polygon(westHalf.coordinates as number[][][])]))!,
  ) / turf.area(turf.polygon(scene.coordinates));
const today = new Date();
const day = (offsetDays: number) => new Date(today.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

let sId: string;
let tId: string;
let mandateId: string;
let permitId: string;
let soonId: string;

async function agreement(input: Record<string, unknown>): Promise<string> {
  const response = await server.gql(
    'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
    { input: { parties: [{ operatorId: actors.editorOperatorId }], ...input } },
    actors.editorToken,
  );
  return expectData(response).createAgreement.id;
}

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  sId = (await createScene(server, actors.adminToken, { name: 'Covered half', area: scene, status: 'ACTIVE' })).id;
  tId = (await createScene(server, actors.adminToken, { name: 'Not covered', area: squareAround(B, 200), status: 'ACTIVE' })).id;
  await createScene(server, actors.adminToken, { name: 'Only emerging', area: squareAround([18.0, 59.3], 200) });
  mandateId = await agreement({ kind: 'GUARD_MANDATE', title: 'LOV §3 west half', validFrom: day(-30), area: westHalf });
  permitId = await agreement({
    kind: 'CAMERA_PERMIT',
    title: 'Cameras 2019–2020',
    validFrom: '2019-01-01',
    validTo: '2020-12-31',
    area: squareAround(A, 400),
  });
  soonId = await agreement({ kind: 'PLACE_COLLABORATION', title: 'Ends soon', validFrom: day(-100), validTo: day(10) });
  await agreement({ kind: 'PLACE_COLLABORATION', title: 'Ended', validFrom: day(-100), validTo: day(-1) });
});

const COVERAGE = `query($id: ID!, $kinds: [AgreementKind!], $at: DateTime) {
  scene(id: $id) { coverage(kinds: $kinds, at: $at) { fraction coveredSquareMeters agreements { fraction agreement { id } } } }
}`;

it('measures how much of a scene valid mandates cover, as turf does', async () => {
  const { scene: now } = expectData(await server.gql(COVERAGE, { id: sId }, actors.editorToken));
  expect(now.coverage.fraction).toBeCloseTo(expectedHalf, 2);
  expect(now.coverage.agreements).toEqual([{ fraction: expect.closeTo(expectedHalf, 2), agreement: { id: mandateId } }]);
  const { scene: in2020 } = expectData(await server.gql(COVERAGE, { id: sId, at: '2020-06-01T12:00:00Z' }, actors.editorToken));
  expect(in2020.coverage.fraction).toBeCloseTo(1, 6);
  expect(in2020.coverage.agreements.map((a: any) => a.agreement.id)).toEqual([permitId]);
  const { scene: cameras } = expectData(await server.gql(COVERAGE, { id: sId, kinds: ['CAMERA_PERMIT'] }, actors.editorToken));
  expect(cameras.coverage).toEqual({ fraction: 0, coveredSquareMeters: 0, agreements: [] });
});

it('lists active scenes below a coverage threshold', async () => {
  const Q = 'query($min: Float) { uncoveredScenes(kind: GUARD_MANDATE, minCoverage: $min) { fraction scene { id } } }';
  const all = expectData(await server.gql(Q, {}, actors.editorToken)).uncoveredScenes;
  expect(all.map((c: any) => [c.scene.id, Number(c.fraction.toFixed(2))])).toEqual([
    [tId, 0],
    [sId, Number(expectedHalf.toFixed(2))],
  ]);
  const underForty = expectData(await server.gql(Q, { min: 0.4 }, actors.editorToken)).uncoveredScenes;
  expect(underForty.map((c: any) => c.scene.id)).toEqual([tId]);
  const bad = await server.gql(Q, { min: 1.5 }, actors.editorToken);
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minCoverage' });
});

it('finds guard presence and cameras running outside every valid mandate', async () => {
  const east = await createIntervention(server, actors.editorToken, sId, {
    kind: 'GUARD_PRESENCE',
    location: { type: 'Point', coordinates: [A[0] + 0.0005, A[1]] },
    startsAt: day(-5) + 'T18:00:00Z',
  });
  await createIntervention(server, actors.editorToken, sId, {
    kind: 'GUARD_PRESENCE',
    location: { type: 'Point', coordinates: [A[0] - 0.0005, A[1]] },
    startsAt: day(-5) + 'T18:00:00Z',
  });
  const camera = await createIntervention(server, actors.editorToken, sId, {
    kind: 'CAMERA_SURVEILLANCE',
    location: { type: 'Point', coordinates: A },
    startsAt: '2019-06-01T00:00:00Z',
  });
  await createIntervention(server, actors.editorToken, sId, {
    kind: 'CLEANING',
    location: { type: 'Point', coordinates: [A[0] + 0.0005, A[1]] },
    startsAt: day(-5) + 'T06:00:00Z',
  });
  const Q = 'query($at: DateTime) { interventionsOutsideMandate(at: $at) { requiredKind coveredFraction intervention { id } } }';
  const now = expectData(await server.gql(Q, {}, actors.editorToken)).interventionsOutsideMandate;
  expect(now.map((g: any) => [g.intervention.id, g.requiredKind]).sort()).toEqual(
    [
      [camera.id, 'CAMERA_PERMIT'],
      [east.id, 'GUARD_MANDATE'],
    ].sort(),
  );
  const in2020 = expectData(await server.gql(Q, { at: '2020-06-01T12:00:00Z' }, actors.editorToken)).interventionsOutsideMandate;
  expect(in2020).toEqual([]);
});

it('answers which agreements apply at a point on a day, and which expire soon', async () => {
  const Q = 'query($at: DateTime) { agreementsCovering(point: { type: "Point", coordinates: [18.0630, 59.3323] }, at: $at) { id } }';
  expect(expectData(await server.gql(Q, {}, actors.editorToken)).agreementsCovering).toEqual([{ id: mandateId }]);
  expect(expectData(await server.gql(Q, { at: '2020-06-01T12:00:00Z' }, actors.editorToken)).agreementsCovering).toEqual([
    { id: permitId },
  ]);
  const expiring = expectData(
    await server.gql('{ expiringAgreements(withinDays: 30) { id validTo } }', {}, actors.editorToken),
  ).expiringAgreements;
  expect(expiring).toEqual([{ id: soonId, validTo: day(10) }]);
});
