import { randomUUID } from 'node:crypto';
import { Role } from '../../../schema/auth/role';
import {
  acceptParty,
  createActors,
  createAgreement,
  createIntervention,
  createOperator,
  createScene,
  expectData,
  squareAround,
  SERGELS_TORG,
  type Actors,
} from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';
import { subscribe, type Collected } from '../../support/ws-client';

/** interventionChanged, agreementChanged and commitmentDue over graphql-ws, with two instances on one database. */
const INTERVENTIONS = `subscription($filter: InterventionChangedFilter, $after: ID) {
  interventionChanged(filter: $filter, after: $after) {
    id change interventionId version title kind category sensitivity changedFields changedBy
    location scene { id } intervention { id title } changedByOperator { id }
  }
}`;
const AGREEMENTS = `subscription($filter: AgreementChangedFilter, $after: ID) {
  agreementChanged(filter: $filter, after: $after) {
    id change agreementId title kind validTo daysLeft changedFields
    agreement { id title interventions { edges { node { id title } } } }
  }
}`;
const COMMITMENTS = `subscription($withinDays: Int!, $filter: CommitmentDueFilter, $after: ID) {
  commitmentDue(withinDays: $withinDays, filter: $filter, after: $after) {
    id commitmentId description dueDate daysLeft status
    agreement { id interventions { edges { node { id title } } } }
  }
}`;

let a: TestServer;
let b: TestServer;
let actors: Actors;
/** An EDITOR of an operator that is party to nothing: an outsider. */
let outsiderToken: string;
let outsiderOperatorId: string;
let sceneId: string;
const open: Array<Collected<any>> = [];

beforeAll(async () => {
  a = await createTestServer();
  b = await createTestServer({ truncate: false });
  actors = await createActors(a);
  const outsider = await createOperator(a, actors.adminToken, {
    name: `Väktarbolag ${randomUUID().slice(0, 6)}`,
    kind: 'SECURITY_COMPANY',
  });
  outsiderOperatorId = outsider.id;
  outsiderToken = await a.token(Role.EDITOR, outsider.id, 'outsider');
  sceneId = (await createScene(a, actors.adminToken, { name: 'Change log scene' })).id;
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((sub) => sub.dispose()));
});

function watch(server: TestServer, token: string, query: string, variables: Record<string, unknown> = {}) {
  const sub = subscribe(server.wsUrl, token, query, variables);
  open.push(sub);
  return sub;
}

/** Gives a fresh subscription time to reach the log before changes are made. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
/** Waits long enough for an event that should not come to have come. */
const quiet = () => new Promise((resolve) => setTimeout(resolve, 1_200));

async function gql(server: TestServer, query: string, variables: Record<string, unknown>, token: string) {
  return expectData(await server.gql(query, variables, token));
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('interventionChanged', () => {
  it('delivers a creation, a change, a share and a deletion in order, once each, with what changed', async () => {
    const sub = watch(a, actors.editorToken, INTERVENTIONS, { filter: { sceneIds: [sceneId] } });
    await settle();
    const { id } = await createIntervention(b, actors.editorToken, sceneId, {
      title: 'Camera at the stairs',
      sensitivity: 'RESTRICTED',
      operatorIds: [],
    });
    await gql(
      b,
      'mutation($input: UpdateInterventionInput!) { updateIntervention(input: $input) { id } }',
      { input: { id, title: 'Camera moved' } },
      actors.editorToken,
    );
    await gql(
      b,
      'mutation($input: ShareInterventionInput!) { shareIntervention(input: $input) { id } }',
      { input: { interventionId: id, operatorId: outsiderOperatorId } },
      actors.editorToken,
    );
    await gql(
      b,
      'mutation($input: DeleteInterventionInput!) { deleteIntervention(input: $input) { id } }',
      { input: { id } },
      actors.editorToken,
    );
    const events = (await sub.waitFor(4)).map((e) => e.interventionChanged);
    await quiet();
    expect(sub.events).toHaveLength(4);
    expect(events.map((e) => `${e.change} ${e.title} v${e.version}`)).toEqual([
      'CREATED Camera at the stairs v1',
      'CHANGED Camera moved v2',
      'SHARED Camera moved v2',
      'DELETED Camera moved v2',
    ]);
    expect(events[1].changedFields).toEqual(['title']);
    expect(events[2].changedFields).toEqual(['sharedWith']);
    expect(
      events.every((e) => e.interventionId === id && e.scene.id === sceneId && e.changedByOperator.id === actors.editorOperatorId),
    ).toBe(true);
    expect(events[0].location).toEqual({ type: 'Point', coordinates: SERGELS_TORG });
    expect(events[3].intervention).toBeNull(); // the subject is read as it is when the event is sent: deleted
    const ids = events.map((e) => BigInt(e.id));
    expect([...ids].sort((x, y) => (x < y ? -1 : 1))).toEqual(ids);
  });

  it('never sends a RESTRICTED intervention to a subscriber who may not see it, until it is shared with them', async () => {
    const outsider = watch(a, outsiderToken, INTERVENTIONS, { filter: { sceneIds: [sceneId] } });
    const admin = watch(a, actors.adminToken, INTERVENTIONS, { filter: { sceneIds: [sceneId] } });
    await settle();
    const restricted = await createIntervention(b, actors.editorToken, sceneId, { title: 'Raid plan', sensitivity: 'RESTRICTED' });
    const openOne = await createIntervention(b, actors.editorToken, sceneId, {
      title: 'Safety walk',
      sensitivity: 'OPEN',
      kind: 'SAFETY_WALK',
      category: 'SOCIAL_PREVENTION',
    });
    await gql(
      b,
      'mutation($input: UpdateInterventionInput!) { updateIntervention(input: $input) { id } }',
      { input: { id: restricted.id, title: 'Raid plan, revised' } },
      actors.editorToken,
    );
    await admin.waitFor(3);
    await outsider.waitFor(1);
    await quiet();
    expect(outsider.events.map((e) => e.interventionChanged.interventionId)).toEqual([openOne.id]);
    expect(JSON.stringify(outsider.events)).not.toContain('Raid plan');
    expect(admin.events.map((e) => e.interventionChanged.title)).toEqual(['Raid plan', 'Safety walk', 'Raid plan, revised']);

    await gql(
      b,
      'mutation($input: ShareInterventionInput!) { shareIntervention(input: $input) { id } }',
      { input: { interventionId: restricted.id, operatorId: outsiderOperatorId } },
      actors.editorToken,
    );
    const [, shared] = await outsider.waitFor(2);
    expect(shared.interventionChanged).toMatchObject({
      change: 'SHARED',
      title: 'Raid plan, revised',
      intervention: { id: restricted.id },
    });
  });

  it('filters by place (within an area, near a point, before or after the change), kind and category on the server', async () => {
    const mandate = squareAround([18.0, 59.3], 1_000); // a mandate area away from Sergels torg
    const inside = { type: 'Point', coordinates: [18.0, 59.3] };
    const byArea = watch(a, actors.editorToken, INTERVENTIONS, { filter: { within: mandate } });
    const byPoint = watch(a, actors.editorToken, INTERVENTIONS, {
      filter: { near: { point: { type: 'Point', coordinates: [18.0, 59.3] }, radiusMeters: 300 } },
    });
    const byKind = watch(a, actors.editorToken, INTERVENTIONS, { filter: { kinds: ['CLEANING'], categories: ['SITUATIONAL_PREVENTION'] } });
    await settle();
    await createIntervention(b, actors.editorToken, sceneId, { title: 'Elsewhere' }); // at Sergels torg
    const moved = await createIntervention(b, actors.editorToken, sceneId, { title: 'Moved out', location: inside });
    await gql(
      b,
      'mutation($input: UpdateInterventionInput!) { updateIntervention(input: $input) { id } }',
      { input: { id: moved.id, location: { type: 'Point', coordinates: SERGELS_TORG } } },
      actors.editorToken,
    );
    await createIntervention(b, actors.editorToken, sceneId, { title: 'Cleaning', kind: 'CLEANING', category: 'SITUATIONAL_PREVENTION' });
    await byArea.waitFor(2);
    await byKind.waitFor(1);
    await quiet();
    expect(byArea.events.map((e) => `${e.interventionChanged.change} ${e.interventionChanged.title}`)).toEqual([
      'CREATED Moved out',
      'CHANGED Moved out',
    ]);
    expect(byPoint.events.map((e) => `${e.interventionChanged.change} ${e.interventionChanged.title}`)).toEqual([
      'CREATED Moved out',
      'CHANGED Moved out',
    ]);
    expect(byKind.events.map((e) => e.interventionChanged.title)).toEqual(['Cleaning']);
  });

  it('replays exactly the missed changes with `after`, made through another instance, then goes on live', async () => {
    const first = watch(a, actors.editorToken, INTERVENTIONS, { filter: { sceneIds: [sceneId] } });
    await settle();
    await createIntervention(b, actors.editorToken, sceneId, { title: 'Seen 1' });
    const [seen] = await first.waitFor(1);
    await first.dispose();
    for (const title of ['Missed 1', 'Missed 2']) await createIntervention(b, actors.editorToken, sceneId, { title });
    const resumed = watch(a, actors.editorToken, INTERVENTIONS, { filter: { sceneIds: [sceneId] }, after: seen.interventionChanged.id });
    await resumed.waitFor(2);
    await createIntervention(b, actors.editorToken, sceneId, { title: 'Live 1' });
    await resumed.waitFor(3);
    await quiet();
    expect(resumed.events.map((e) => e.interventionChanged.title)).toEqual(['Missed 1', 'Missed 2', 'Live 1']);
  });

  it('gives every subscriber every change exactly once, in one order, under concurrent writers on two instances', async () => {
    const subscribers = Array.from({ length: 3 }, (_, i) =>
      watch(i % 2 ? b : a, actors.editorToken, INTERVENTIONS, { filter: { sceneIds: [sceneId] } }),
    );
    await settle();
    // eight writers at once, alternating instances, each creating and then changing its intervention
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        const through = w % 2 ? b : a;
        const { id } = await createIntervention(through, actors.editorToken, sceneId, { title: `Concurrent ${w}` });
        await gql(
          through,
          'mutation($input: UpdateInterventionInput!) { updateIntervention(input: $input) { id } }',
          { input: { id, title: `Concurrent ${w} again` } },
          actors.editorToken,
        );
      }),
    );
    for (const sub of subscribers) await sub.waitFor(16, 10_000);
    await quiet();
    const sequences = subscribers.map((sub) => sub.events.map((e) => e.interventionChanged.id as string));
    for (const sequence of sequences) {
      expect(sequence).toHaveLength(16);
      expect(new Set(sequence).size).toBe(16);
      expect(sequence.every((id, i) => i === 0 || BigInt(id) > BigInt(sequence[i - 1]!))).toBe(true);
      expect(sequence).toEqual(sequences[0]);
    }
  });

  it('refuses a bad place or cursor with the contract codes', async () => {
    const badArea = watch(a, actors.editorToken, INTERVENTIONS, { filter: { within: { type: 'Point', coordinates: [18, 59] } } });
    const badCursor = watch(a, actors.editorToken, INTERVENTIONS, { after: 'yesterday' });
    const badRadius = watch(a, actors.editorToken, INTERVENTIONS, {
      filter: { near: { point: { type: 'Point', coordinates: [18, 59] }, radiusMeters: 0 } },
    });
    for (const [sub, code, field] of [
      [badArea, 'INVALID_GEOMETRY', 'filter.within'],
      [badCursor, 'BAD_USER_INPUT', 'after'],
      [badRadius, 'BAD_USER_INPUT', 'filter.near.radiusMeters'],
    ] as const) {
      for (let i = 0; i < 30 && sub.errors.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sub.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code, field }) })]);
    }
  });

  it('is refused to a VIEWER token, which sees scenes only', async () => {
    const viewer = await a.token(Role.VIEWER, actors.editorOperatorId, 'wall');
    const sub = watch(a, viewer, INTERVENTIONS);
    for (let i = 0; i < 30 && sub.errors.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sub.errors.flat()).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
    expect(sub.events).toHaveLength(0);
  });
});

describe('agreementChanged and commitmentDue', () => {
  let agreementId: string;
  let restrictedId: string;
  const end = addDays(new Date().toISOString().slice(0, 10), 200);

  beforeAll(async () => {
    agreementId = await createAgreement(a, actors.editorToken, {
      kind: 'GUARD_MANDATE',
      title: 'Guard mandate, Sergels torg',
      validFrom: '2024-01-01',
      validTo: end,
      sceneIds: [sceneId],
      parties: [
        { operatorId: actors.editorOperatorId, role: 'Police' },
        { operatorId: outsiderOperatorId, role: 'Guards' },
      ],
      commitments: [
        { description: 'Guards on Friday evenings', dueDate: addDays(end, -20) },
        { description: 'Lighting report', dueDate: addDays(end, -20) },
      ],
    });
    await acceptParty(a, outsiderToken, agreementId);
    restrictedId = (
      await createIntervention(a, actors.editorToken, sceneId, { title: 'Covert camera', sensitivity: 'RESTRICTED', agreementId })
    ).id;
    const { agreement } = await gql(
      a,
      '{ agreement(id: "' + agreementId + '") { commitments { id description } } }',
      {},
      actors.editorToken,
    );
    const lighting = agreement.commitments.find((c: any) => c.description === 'Lighting report');
    await gql(
      a,
      'mutation($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { id } }',
      { input: { id: lighting.id, status: 'DONE' } },
      actors.editorToken,
    );
  });

  it('delivers an agreement change to its parties with `mine`, and not to others', async () => {
    const party = watch(a, outsiderToken, AGREEMENTS, { filter: { mine: true } });
    const admin = watch(a, actors.adminToken, AGREEMENTS, { filter: { mine: true } });
    await settle();
    await gql(
      b,
      'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { id } }',
      { input: { id: agreementId, title: 'Guard mandate, Sergels torg and Plattan' } },
      actors.editorToken,
    );
    const [event] = await party.waitFor(1);
    await quiet();
    expect(event.agreementChanged).toMatchObject({
      change: 'CHANGED',
      agreementId,
      changedFields: ['title'],
      title: 'Guard mandate, Sergels torg and Plattan',
    });
    expect(admin.events).toHaveLength(0); // the admin's operator is party to nothing
    // what the event shows of the agreement is read under the subscriber's row security
    const shown = event.agreementChanged.agreement.interventions.edges.map((edge: any) => edge.node.id);
    expect(shown).not.toContain(restrictedId);
    expect(JSON.stringify(event)).not.toContain('Covert camera');
  });

  it('tells of an agreement ending once, on the day it comes within the days asked, and again after its end moves', async () => {
    const within30 = watch(a, outsiderToken, AGREEMENTS, {
      filter: { agreementIds: [agreementId], changes: ['EXPIRING'], expiresWithinDays: 30 },
    });
    const within32 = watch(a, outsiderToken, AGREEMENTS, {
      filter: { agreementIds: [agreementId], changes: ['EXPIRING'], expiresWithinDays: 32 },
    });
    await settle();
    expect(await a.app.live.recordNotices(addDays(end, -35))).toBeGreaterThanOrEqual(1);
    await b.app.live.recordNotices(addDays(end, -35)); // another instance, the same day: nothing more
    await a.app.live.recordNotices(addDays(end, -34));
    await a.app.live.recordNotices(addDays(end, -30)); // three days without a check: the countdown crosses 32 and 30 now
    await a.app.live.recordNotices(addDays(end, -29));
    await within30.waitFor(1);
    await within32.waitFor(1);
    await quiet();
    expect(within30.events.map((e) => e.agreementChanged.daysLeft)).toEqual([30]);
    expect(within32.events.map((e) => e.agreementChanged.daysLeft)).toEqual([30]);
    expect(within30.events[0].agreementChanged).toMatchObject({ change: 'EXPIRING', validTo: end, agreementId });
    const notices = await a.orm.em
      .fork()
      .execute(`select days_left from change_event where subject = 'AGREEMENT' and subject_id = ? and action = 'EXPIRING' order by id`, [
        agreementId,
      ]);
    expect(notices.map((row: any) => row.days_left)).toEqual([35, 34, 30, 29]);
  });

  it('tells of an open commitment falling due, to parties only, and never of one that is done', async () => {
    const party = watch(a, outsiderToken, COMMITMENTS, { withinDays: 7, filter: { mine: true } });
    const admin = watch(a, actors.adminToken, COMMITMENTS, { withinDays: 7, filter: { mine: true } });
    await settle();
    const due = addDays(end, -20);
    await a.app.live.recordNotices(addDays(due, -10));
    await a.app.live.recordNotices(addDays(due, -7));
    const [event] = await party.waitFor(1);
    await quiet();
    expect(party.events).toHaveLength(1);
    expect(event.commitmentDue).toMatchObject({ description: 'Guards on Friday evenings', dueDate: due, daysLeft: 7, status: 'PLANNED' });
    expect(event.commitmentDue.agreement.interventions.edges.map((edge: any) => edge.node.id)).not.toContain(restrictedId);
    expect(admin.events).toHaveLength(0);
  });

  it('refuses days outside 0–90 and EXPIRING without days, storing nothing', async () => {
    const before = await a.count('change_event');
    const tooFar = watch(a, outsiderToken, COMMITMENTS, { withinDays: 91 });
    const noDays = watch(a, outsiderToken, AGREEMENTS, { filter: { changes: ['EXPIRING'] } });
    for (const [sub, field] of [
      [tooFar, 'withinDays'],
      [noDays, 'filter.expiresWithinDays'],
    ] as const) {
      for (let i = 0; i < 30 && sub.errors.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sub.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) })]);
    }
    expect(await a.count('change_event')).toBe(before);
  });
});
