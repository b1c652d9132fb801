import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import turfDistance from '@turf/distance';
import { Role } from '../../../schema/auth/role';
import {
  createActors,
  createIntervention,
  createOperator,
  createScene,
  expectData,
  squareAround,
  type Actors,
} from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';
import { subscribe, type Collected } from '../../support/ws-client';

/** Watch areas and watchAreaAlerts: alerts raised in the changing transaction, delivered through restarts and drops. */
const ALERTS = `subscription($after: ID) {
  watchAreaAlerts(after: $after) {
    id watchAreaId watchAreaName subject subjectId change movement distanceMeters title kind changedFields
    location intervention { id } scene { id name } watchArea { id name }
  }
}`;
const CREATE = 'mutation($input: CreateWatchAreaInput!) { createWatchArea(input: $input) { id name radiusMeters subjects version area } }';

/** A self-intersecting polygon from the catalogue of bad geometries. */
const BOW_TIE = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'fixtures', 'geo', 'bad', 'self-intersecting-bow-tie.geojson'), 'utf8'),
);
const SCHOOL: [number, number] = [18.02, 59.34];
const MANDATE_CENTRE: [number, number] = [17.95, 59.36];

let server: TestServer;
let other: TestServer;
let actors: Actors;
/** An ANALYST of a municipality: keeps the watch areas. */
let watcherToken: string;
let watcherOperatorId: string;
let sceneId: string;
let schoolAreaId: string;
let mandateAreaId: string;
const open: Array<Collected<any>> = [];

beforeAll(async () => {
  server = await createTestServer();
  other = await createTestServer({ truncate: false });
  actors = await createActors(server);
  const municipality = await createOperator(server, actors.adminToken, { name: `Stad ${randomUUID().slice(0, 6)}`, kind: 'MUNICIPALITY' });
  watcherOperatorId = municipality.id;
  watcherToken = await server.token(Role.ANALYST, municipality.id, 'analyst');
  sceneId = (await createScene(server, actors.adminToken, { name: 'Watched scene' })).id;
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((sub) => sub.dispose()));
});

function watch(on: TestServer, token: string, after?: string) {
  const sub = subscribe(on.wsUrl, token, ALERTS, after ? { after } : {});
  open.push(sub);
  return sub;
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
const quiet = () => new Promise((resolve) => setTimeout(resolve, 1_200));

/** A point `metres` east of `from` (along the parallel), as the spheroid measures it closely enough at this scale. */
function eastOf(from: [number, number], metres: number): [number, number] {
  return [from[0] + metres / (111_320 * Math.cos((from[1] * Math.PI) / 180)), from[1]];
}

async function intervene(title: string, at: [number, number], extra: Record<string, unknown> = {}) {
  return createIntervention(other, actors.editorToken, sceneId, { title, location: { type: 'Point', coordinates: at }, ...extra });
}

describe('keeping watch areas', () => {
  it('saves a mandate polygon and "500 m around this school", lists only its own operator\'s, and audits them', async () => {
    const mandate = expectData(
      await server.gql(CREATE, { input: { name: 'Mandate: Rinkeby centre', area: squareAround(MANDATE_CENTRE, 1_000) } }, watcherToken),
    ).createWatchArea;
    const school = expectData(
      await server.gql(
        CREATE,
        {
          input: {
            name: 'Around Vasa school',
            area: { type: 'Point', coordinates: SCHOOL },
            radiusMeters: 500,
            subjects: ['INTERVENTION', 'SCENE'],
          },
        },
        watcherToken,
      ),
    ).createWatchArea;
    mandateAreaId = mandate.id;
    schoolAreaId = school.id;
    expect(school).toMatchObject({
      radiusMeters: 500,
      subjects: ['INTERVENTION', 'SCENE'],
      version: 1,
      area: { type: 'Point', coordinates: SCHOOL },
    });
    expect(mandate.subjects).toEqual(['SCENE', 'AGREEMENT', 'INTERVENTION']);

    const mine = expectData(await server.gql('{ watchAreas { name } }', {}, watcherToken)).watchAreas;
    expect(mine.map((area: any) => area.name)).toEqual(['Around Vasa school', 'Mandate: Rinkeby centre']);
    const theirs = expectData(await server.gql('{ watchAreas { name } }', {}, actors.editorToken)).watchAreas;
    expect(theirs).toEqual([]);
    const audited = await server.orm.em
      .fork()
      .execute(`select operation from audit_entry where entity_ids @> ?::jsonb`, [JSON.stringify([school.id])]);
    expect(audited.map((row: any) => row.operation)).toEqual(['createWatchArea']);
  });

  it('refuses a point without a reach, a bad geometry, an empty subject list and a taken name, storing nothing', async () => {
    const before = await server.count('watch_area');
    for (const [input, code, field] of [
      [{ name: 'A school', area: { type: 'Point', coordinates: SCHOOL } }, 'BAD_USER_INPUT', 'radiusMeters'],
      [{ name: 'Bow tie', area: BOW_TIE }, 'INVALID_GEOMETRY', 'area'],
      [{ name: 'Nothing', area: squareAround(SCHOOL, 100), subjects: [] }, 'BAD_USER_INPUT', 'subjects'],
      [{ name: 'Around Vasa school', area: squareAround(SCHOOL, 100) }, 'BAD_USER_INPUT', 'name'],
      [{ name: 'Too far', area: { type: 'Point', coordinates: SCHOOL }, radiusMeters: 60_000 }, 'BAD_USER_INPUT', 'radiusMeters'],
    ] as const) {
      const response = await server.gql(CREATE, { input }, watcherToken);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code, field });
    }
    expect(await server.count('watch_area')).toBe(before);
  });

  it("changes an area only at the version read (CONFLICT otherwise), and never another operator's", async () => {
    const UPDATE = 'mutation($input: UpdateWatchAreaInput!) { updateWatchArea(input: $input) { name version } }';
    const stale = await server.gql(UPDATE, { input: { id: schoolAreaId, expectedVersion: 7, name: 'Renamed' } }, watcherToken);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    const foreign = await server.gql(UPDATE, { input: { id: schoolAreaId, expectedVersion: 1, name: 'Hijacked' } }, actors.editorToken);
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const renamed = expectData(
      await server.gql(UPDATE, { input: { id: schoolAreaId, expectedVersion: 1, name: 'Around Vasa school (500 m)' } }, watcherToken),
    );
    expect(renamed.updateWatchArea).toEqual({ name: 'Around Vasa school (500 m)', version: 2 });
  });
});

describe('watchAreaAlerts', () => {
  it('alerts on what enters, changes inside and leaves an area, with the distance from the watched point', async () => {
    const sub = watch(server, watcherToken);
    await settle();
    const near = eastOf(SCHOOL, 300);
    const far = eastOf(SCHOOL, 700);
    const first = await intervene('Night walkers by the school', near, { kind: 'SAFETY_WALK', category: 'INFORMAL_CONTROL' });
    await intervene('Far away', far);
    await other.gql(
      'mutation($input: UpdateInterventionInput!) { updateIntervention(input: $input) { id } }',
      { input: { id: first.id, location: { type: 'Point', coordinates: far } } },
      actors.editorToken,
    );
    const events = (await sub.waitFor(2)).map((e) => e.watchAreaAlerts);
    await quiet();
    expect(sub.events).toHaveLength(2);
    expect(events.map((e) => `${e.change} ${e.movement} ${e.title}`)).toEqual([
      'CREATED ENTERED Night walkers by the school',
      'CHANGED LEFT Night walkers by the school',
    ]);
    expect(events[0]).toMatchObject({ subject: 'INTERVENTION', subjectId: first.id, watchAreaId: schoolAreaId, kind: 'SAFETY_WALK' });
    expect(events[0].watchArea.name).toBe('Around Vasa school (500 m)');
    expect(events[0].location.coordinates[0]).toBeCloseTo(near[0], 8);
    // metres from the school, measured independently (turf, on the sphere): within 0.5 % of PostGIS's spheroid
    for (const [event, at] of [
      [events[0], near],
      [events[1], far],
    ] as const) {
      const expected = turfDistance(SCHOOL, at, { units: 'meters' });
      expect(Math.abs(event.distanceMeters - expected) / expected).toBeLessThan(0.005);
    }
  });

  it('alerts on a scene registered inside a mandate area, at distance 0', async () => {
    const sub = watch(server, watcherToken);
    await settle();
    const scene = await createScene(other, actors.adminToken, {
      name: 'New scene in the mandate',
      area: squareAround(MANDATE_CENTRE, 100),
    });
    const [event] = await sub.waitFor(1);
    expect(event.watchAreaAlerts).toMatchObject({
      subject: 'SCENE',
      subjectId: scene.id,
      change: 'CREATED',
      movement: 'ENTERED',
      distanceMeters: 0,
      watchAreaId: mandateAreaId,
      kind: 'EMERGING',
      scene: { name: 'New scene in the mandate' },
    });
  });

  it('alerts on an agreement whose area is drawn into a mandate area, and on it being moved out', async () => {
    const sub = watch(server, watcherToken);
    await settle();
    const agreement = expectData(
      await other.gql(
        'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
        {
          input: {
            kind: 'CAMERA_PERMIT',
            title: 'Camera permit, Rinkeby',
            validFrom: '2025-01-01',
            area: squareAround(MANDATE_CENTRE, 300),
            parties: [{ operatorId: actors.editorOperatorId, role: 'Police' }],
          },
        },
        actors.editorToken,
      ),
    ).createAgreement;
    await other.gql(
      'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { id } }',
      { input: { id: agreement.id, area: squareAround(SCHOOL, 100) } },
      actors.editorToken,
    );
    await sub.waitFor(2);
    await quiet();
    // the school's area watches interventions and scenes only: the agreement moving next to it raises nothing there
    expect(
      sub.events.map(
        (e) => `${e.watchAreaAlerts.subject} ${e.watchAreaAlerts.change} ${e.watchAreaAlerts.movement} ${e.watchAreaAlerts.watchAreaName}`,
      ),
    ).toEqual(['AGREEMENT CREATED ENTERED Mandate: Rinkeby centre', 'AGREEMENT CHANGED LEFT Mandate: Rinkeby centre']);
    expect(sub.events[1].watchAreaAlerts.changedFields).toEqual(['area']);
  });

  it('never delivers an alert about a RESTRICTED intervention to an operator who may not see it, until it is shared', async () => {
    const sub = watch(server, watcherToken);
    await settle();
    const secret = await intervene('Covert camera by the school', eastOf(SCHOOL, 100), {
      sensitivity: 'RESTRICTED',
      kind: 'CAMERA_SURVEILLANCE',
    });
    await intervene('Cleaning by the school', eastOf(SCHOOL, 120), { kind: 'CLEANING', category: 'SITUATIONAL_PREVENTION' });
    await sub.waitFor(1);
    await quiet();
    expect(sub.events.map((e) => e.watchAreaAlerts.title)).toEqual(['Cleaning by the school']);
    expect(JSON.stringify(sub.events)).not.toContain('Covert');
    // raised for the area (the record is complete), held back by row security on delivery
    const raised = await server.orm.em
      .fork()
      .execute(`select count(*)::int as n from watch_area_alert a join change_event e on e.id = a.event_id where e.subject_id = ?`, [
        secret.id,
      ]);
    expect(raised[0].n).toBe(1);

    await other.gql(
      'mutation($input: ShareInterventionInput!) { shareIntervention(input: $input) { id } }',
      { input: { interventionId: secret.id, operatorId: watcherOperatorId } },
      actors.editorToken,
    );
    const [, shared] = await sub.waitFor(2);
    expect(shared.watchAreaAlerts).toMatchObject({
      change: 'SHARED',
      movement: 'INSIDE',
      title: 'Covert camera by the school',
      intervention: { id: secret.id },
    });
  });

  it('misses nothing through a dropped connection and a restart while changes go on through another instance', async () => {
    const first = watch(server, watcherToken);
    await settle();
    await intervene('Before the drop', eastOf(SCHOOL, 50));
    const [seen] = await first.waitFor(1);
    server.app.ws.terminateAll(); // the connection drops
    await intervene('While dropped', eastOf(SCHOOL, 60));
    const port = Number(new URL(server.url).port);
    await server.stop(); // and the instance restarts
    await intervene('While restarting 1', eastOf(SCHOOL, 70));
    await intervene('While restarting 2', eastOf(SCHOOL, 80));
    server = await createTestServer({ truncate: false, port });
    const resumed = watch(server, watcherToken, seen.watchAreaAlerts.id);
    await resumed.waitFor(3);
    await intervene('Live again', eastOf(SCHOOL, 90));
    await resumed.waitFor(4);
    await quiet();
    expect(resumed.events.map((e) => e.watchAreaAlerts.title)).toEqual([
      'While dropped',
      'While restarting 1',
      'While restarting 2',
      'Live again',
    ]);
    const ids = resumed.events.map((e) => BigInt(e.watchAreaAlerts.id));
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
  }, 40_000);

  it('stops alerting for a deleted area and deletes its alerts', async () => {
    const DELETE = 'mutation($input: DeleteWatchAreaInput!) { deleteWatchArea(input: $input) { id name } }';
    const deleted = expectData(await server.gql(DELETE, { input: { id: schoolAreaId } }, watcherToken)).deleteWatchArea;
    expect(deleted).toEqual({ id: schoolAreaId, name: 'Around Vasa school (500 m)' });
    const sub = watch(server, watcherToken);
    await settle();
    await intervene('After the area went', eastOf(SCHOOL, 50));
    await quiet();
    expect(sub.events).toHaveLength(0);
    const left = await server.orm.em
      .fork()
      .execute(`select count(*)::int as n from watch_area_alert where watch_area_id = ?`, [schoolAreaId]);
    expect(left[0].n).toBe(0);
  });
});
