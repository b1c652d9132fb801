import * as turf from '@turf/turf';
import {
  acceptParty,
  createAgreement,
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

/**
 * Versions of agreements and interventions, and reads as they stood: each change is a version with
 * its valid and recorded time; `at` reads the record as it stood, relations included. Expected
 * areas come from turf, never from the server.
 */
const OLD_PLACE: [number, number] = [17.9497, 59.3617]; // Hässelby gård
const NEW_PLACE: [number, number] = [17.9419, 59.3633];

let server: TestServer;
let actors: Actors;
let sceneId: string;
let municipality: { id: string; name: string };

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  municipality = await createOperator(server, actors.adminToken, { name: 'Stockholms stad', kind: 'MUNICIPALITY' });
  sceneId = (await createScene(server, actors.adminToken, { name: 'Hässelby gårds torg', area: squareAround(OLD_PLACE, 400) })).id;
});

const UPDATE_INTERVENTION = `mutation($input: UpdateInterventionInput!) { updateIntervention(input: $input) { id version } }`;
const INTERVENTION_AT = `query($id: ID!, $at: DateTime, $asRecordedAt: DateTime) {
  intervention(id: $id, at: $at, asRecordedAt: $asRecordedAt) {
    id title sensitivity location operators { id } scene { id name }
  }
}`;

/** Within 1 % (turf's sphere against PostGIS's spheroid). */
function expectArea(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThan(expected * 0.01);
}

async function versionCount(table: 'intervention_version' | 'agreement_version', id: string): Promise<number> {
  const [row] = await server.orm.em.fork().execute(`select count(*)::int as n from ${table} where id = ?`, [id]);
  return row.n;
}

describe('interventions', () => {
  let id: string;
  let recordedBetween: string;

  beforeAll(async () => {
    id = (
      await createIntervention(server, actors.editorToken, sceneId, {
        title: 'Uniformed presence at the square',
        location: { type: 'Point', coordinates: OLD_PLACE },
        startsAt: '2024-05-01T18:00:00Z',
      })
    ).id;
    recordedBetween = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expectData(
      await server.gql(
        UPDATE_INTERVENTION,
        {
          input: {
            id,
            location: { type: 'Point', coordinates: NEW_PLACE },
            operatorIds: [municipality.id],
            effectiveAt: '2024-06-01T00:00:00Z',
          },
        },
        actors.editorToken,
      ),
    );
  });

  it('keeps one version per change, naming exactly what changed, with its valid and recorded time', async () => {
    const { intervention } = expectData(
      await server.gql(
        `query($id: ID!) { intervention(id: $id) {
           versions { version validFrom validTo recordedAt recordedBy recordedByOperator { id } changedFields intervention { location operators { id } } } } }`,
        { id },
        actors.editorToken,
      ),
    );
    const [first, second] = intervention.versions;
    expect(intervention.versions).toHaveLength(2);
    // registered after it began: in the record from its start
    expect(first).toMatchObject({ version: 1, validFrom: '2024-05-01T18:00:00.000Z', validTo: '2024-06-01T00:00:00.000Z' });
    expect(first.intervention.location.coordinates).toEqual(OLD_PLACE);
    expect(first.intervention.operators).toEqual([]);
    // location and operators changed in one mutation: one version, not one per statement
    expect(second).toMatchObject({ version: 2, validFrom: '2024-06-01T00:00:00.000Z', validTo: null, recordedBy: 'editor' });
    expect(second.changedFields.sort()).toEqual(['location', 'operators']);
    expect(second.recordedByOperator).toEqual({ id: actors.editorOperatorId });
    expect(second.intervention.operators).toEqual([{ id: municipality.id }]);
    expect(Date.parse(second.recordedAt)).toBeGreaterThan(Date.parse(recordedBetween));
  });

  it('reads an intervention as it stood, and as the platform knew it at a moment', async () => {
    const before = expectData(await server.gql(INTERVENTION_AT, { id, at: '2024-05-15T00:00:00Z' }, actors.editorToken)).intervention;
    expect(before.location.coordinates).toEqual(OLD_PLACE);
    expect(before.operators).toEqual([]);
    const after = expectData(await server.gql(INTERVENTION_AT, { id, at: '2024-07-01T00:00:00Z' }, actors.editorToken)).intervention;
    expect(after.location.coordinates).toEqual(NEW_PLACE);
    expect(after.operators).toEqual([{ id: municipality.id }]);
    // before the move was recorded, the platform still placed it at the old spot in July too
    const known = expectData(
      await server.gql(INTERVENTION_AT, { id, at: '2024-07-01T00:00:00Z', asRecordedAt: recordedBetween }, actors.editorToken),
    ).intervention;
    expect(known.location.coordinates).toEqual(OLD_PLACE);
    const notYet = await server.gql(INTERVENTION_AT, { id, at: '2024-04-01T00:00:00Z' }, actors.editorToken);
    expect(notYet.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('filters lists as they stood: a spatial filter finds the intervention where it then was', async () => {
    const Q = `query($at: DateTime, $point: GeoJSON!) {
      interventions(at: $at, filter: { spatial: { near: { point: $point, radiusMeters: 50 } } }) { totalCount edges { node { id location } } }
    }`;
    const near = (point: [number, number], at?: string) =>
      server.gql(Q, { at, point: { type: 'Point', coordinates: point } }, actors.editorToken).then((r) => expectData(r).interventions);
    expect(nodes(await near(OLD_PLACE, '2024-05-15T00:00:00Z')).map((n: any) => n.id)).toEqual([id]);
    expect((await near(NEW_PLACE, '2024-05-15T00:00:00Z')).totalCount).toBe(0);
    expect((await near(OLD_PLACE)).totalCount).toBe(0);
    expect(nodes(await near(NEW_PLACE)).map((n: any) => n.id)).toEqual([id]);
  });

  it('reads a scene’s interventions as they stood when the scene is read at a moment', async () => {
    const Q = `query($id: ID!, $at: DateTime) { scene(id: $id, at: $at) { interventions(first: 5) { edges { node { id title location } } } } }`;
    const moment = new Date().toISOString(); // the scene was registered during this suite: read it since
    await new Promise((resolve) => setTimeout(resolve, 20));
    expectData(await server.gql(UPDATE_INTERVENTION, { input: { id, title: 'Uniformed presence, renamed' } }, actors.editorToken));
    const then = nodes(expectData(await server.gql(Q, { id: sceneId, at: moment }, actors.editorToken)).scene.interventions);
    expect(then.map((n: any) => [n.id, n.title, n.location.coordinates])).toEqual([[id, 'Uniformed presence at the square', NEW_PLACE]]);
    const now = nodes(expectData(await server.gql(Q, { id: sceneId }, actors.editorToken)).scene.interventions);
    expect(now.map((n: any) => n.title)).toEqual(['Uniformed presence, renamed']);
  });

  it('refuses a change dated before the latest version, and stores nothing', async () => {
    const before = await versionCount('intervention_version', id);
    const response = await server.gql(
      UPDATE_INTERVENTION,
      { input: { id, title: 'Backdated', effectiveAt: '2024-05-20T00:00:00Z' } },
      actors.editorToken,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveAt' });
    expect(await versionCount('intervention_version', id)).toBe(before);
    const { intervention } = expectData(
      await server.gql(`query($id: ID!) { intervention(id: $id) { title } }`, { id }, actors.editorToken),
    );
    expect(intervention.title).toBe('Uniformed presence, renamed');
  });

  it('keeps a deleted intervention’s versions for its owner and ADMIN, and no one else', async () => {
    const doomed = (
      await createIntervention(server, actors.editorToken, sceneId, { startsAt: '2024-01-10T10:00:00Z', title: 'Mistaken entry' })
    ).id;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const beforeDeletion = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expectData(
      await server.gql(`mutation($id: ID!) { deleteIntervention(input: { id: $id }) { id } }`, { id: doomed }, actors.editorToken),
    );
    expect(await versionCount('intervention_version', doomed)).toBe(1);
    const outsider = await server.token('ANALYST' as never, municipality.id, 'analyst');
    const read = (token: string, at?: string) => server.gql(INTERVENTION_AT, { id: doomed, at }, token);
    expect((await read(actors.editorToken)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(expectData(await read(actors.editorToken, '2024-02-01T00:00:00Z')).intervention.title).toBe('Mistaken entry');
    expect(expectData(await read(actors.adminToken, '2024-02-01T00:00:00Z')).intervention.title).toBe('Mistaken entry');
    // OPEN while it existed; once deleted, no longer anyone else's
    expect((await read(outsider, '2024-02-01T00:00:00Z')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // as the platform knew it before the deletion, it was there today too; as known now, it is gone
    const known = (asRecordedAt: string) =>
      server.gql(INTERVENTION_AT, { id: doomed, at: new Date().toISOString(), asRecordedAt }, actors.editorToken);
    expect(expectData(await known(beforeDeletion)).intervention.title).toBe('Mistaken entry');
    expect((await known(new Date().toISOString())).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('agreements', () => {
  let id: string;
  const OLD_AREA = squareAround(OLD_PLACE, 300);
  const NEW_AREA = squareAround(OLD_PLACE, 500);
  let otherSceneId: string;

  beforeAll(async () => {
    otherSceneId = (await createScene(server, actors.adminToken, { name: 'Hässelby strand', area: squareAround(NEW_PLACE, 100) })).id;
    id = await createAgreement(server, actors.editorToken, {
      kind: 'GUARD_MANDATE',
      title: 'LOV §3 Hässelby gård',
      validFrom: '2023-06-01',
      validTo: '2024-05-31',
      sceneIds: [sceneId],
      area: OLD_AREA,
      parties: [{ operatorId: actors.editorOperatorId, role: 'Police' }, { operatorId: municipality.id }],
      commitments: [{ description: 'Guards on Friday nights' }],
    });
    expectData(
      await server.gql(
        `mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { id } }`,
        { input: { id, area: NEW_AREA, validTo: '2025-05-31', sceneIds: [sceneId, otherSceneId], effectiveAt: '2024-05-15T00:00:00Z' } },
        actors.editorToken,
      ),
    );
    // accepted today: a version from now
    await acceptParty(server, await server.token('EDITOR' as never, municipality.id, 'municipal-editor'), id);
  });

  const AGREEMENT_AT = `query($id: ID!, $at: DateTime) {
    agreement(id: $id, at: $at) {
      validFrom validTo areaSquareMeters area(crs: EPSG_3006) parties { operator { id } status } commitments { description }
      scenes { id } interventions(first: 5) { totalCount }
    }
  }`;

  it('reads an agreement as it stood: validity, area, parties, commitments and scenes', async () => {
    const then = expectData(await server.gql(AGREEMENT_AT, { id, at: '2024-01-01T00:00:00Z' }, actors.editorToken)).agreement;
    expect(then).toMatchObject({ validFrom: '2023-06-01', validTo: '2024-05-31', scenes: [{ id: sceneId }] });
    expectArea(then.areaSquareMeters, turf.area(OLD_AREA));
    expect(then.area.crs.properties.name).toBe('EPSG:3006');
    expect(then.commitments).toEqual([{ description: 'Guards on Friday nights' }]);
    // the municipality had not yet accepted then
    const statuses = Object.fromEntries(then.parties.map((p: any) => [p.operator.id, p.status]));
    expect(statuses).toEqual({ [actors.editorOperatorId]: 'ACCEPTED', [municipality.id]: 'PENDING' });
    const now = expectData(await server.gql(AGREEMENT_AT, { id }, actors.editorToken)).agreement;
    expect(now.validTo).toBe('2025-05-31');
    expectArea(now.areaSquareMeters, turf.area(NEW_AREA));
    expect(now.scenes.map((s: any) => s.id).sort()).toEqual([sceneId, otherSceneId].sort());
    expect(now.parties.find((p: any) => p.operator.id === municipality.id).status).toBe('ACCEPTED');
  });

  it('finds agreements in lists as they stood, by scene and party as they then were', async () => {
    const Q = `query($at: DateTime, $sceneId: ID) { agreements(at: $at, filter: { sceneId: $sceneId }) { edges { node { id } } } }`;
    const ids = async (sceneFilter: string, at?: string) =>
      nodes(expectData(await server.gql(Q, { at, sceneId: sceneFilter }, actors.editorToken)).agreements).map((n: any) => n.id);
    expect(await ids(otherSceneId, '2024-01-01T00:00:00Z')).toEqual([]);
    expect(await ids(otherSceneId)).toEqual([id]);
    expect(await ids(sceneId, '2024-01-01T00:00:00Z')).toEqual([id]);
    const before = await server.gql(AGREEMENT_AT, { id, at: '2023-01-01T00:00:00Z' }, actors.editorToken);
    expect(before.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lists every version with what changed, a commitment’s status change included', async () => {
    const commitmentId = expectData(
      await server.gql(`query($id: ID!) { agreement(id: $id) { commitments { id } } }`, { id }, actors.editorToken),
    ).agreement.commitments[0].id;
    const before = await versionCount('agreement_version', id);
    expectData(
      await server.gql(
        `mutation($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { id } }`,
        { input: { id: commitmentId, status: 'DONE' } },
        actors.editorToken,
      ),
    );
    expect(await versionCount('agreement_version', id)).toBe(before + 1);
    const { agreement } = expectData(
      await server.gql(
        `query($id: ID!) { agreement(id: $id) { versions { version validFrom changedFields agreement { commitments { status } } } } }`,
        { id },
        actors.editorToken,
      ),
    );
    const changes = agreement.versions.map((v: any) => v.changedFields.sort());
    expect(changes[0]).toHaveLength(9);
    expect(changes.slice(1)).toEqual([['area', 'scenes', 'validTo'], ['parties'], ['commitments']]);
    expect(changes.at(-1)).toEqual(['commitments']);
    expect(agreement.versions.at(-1).agreement.commitments).toEqual([{ status: 'DONE' }]);
    expect(agreement.versions[0].agreement.commitments).toEqual([{ status: 'PLANNED' }]);
    expect(agreement.versions[0].validFrom).toBe('2023-06-01T00:00:00.000Z');
  });
});
