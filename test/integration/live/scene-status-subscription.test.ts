import { createActors, createScene, expectData, squareAround, type Actors } from '../../support/factories';
import { createTestServer, TEST_JWT_SECRET, type TestServer } from '../../support/test-server';
import { Role } from '../../../schema/auth/role';
import { signToken } from '../../../schema/auth/token.service';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { subscribe } from '../../support/ws-client';

/** sceneStatusChanged over graphql-ws, with two server instances on one database. */
const SUBSCRIPTION = `subscription($filter: SceneStatusChangedFilter, $after: ID) {
  sceneStatusChanged(filter: $filter, after: $after) { id from to reason changedAt changedBy scene { id name status } changedByOperator { id } }
}`;

let a: TestServer;
let b: TestServer;
let actors: Actors;

beforeAll(async () => {
  a = await createTestServer();
  b = await createTestServer({ truncate: false });
  actors = await createActors(a);
});

async function change(server: TestServer, sceneId: string, status: string, expectedVersion: number, reason = `to ${status}`) {
  return expectData(
    await server.gql(
      'mutation($input: ChangeSceneStatusInput!) { changeSceneStatus(input: $input) { version } }',
      { input: { sceneId, status, expectedVersion, reason } },
      actors.adminToken,
    ),
  ).changeSceneStatus.version as number;
}

it('refuses a connection without a valid token with close code 4401', async () => {
  for (const token of [null, 'not-a-token']) {
    const sub = subscribe(a.wsUrl, token, SUBSCRIPTION);
    expect((await sub.closed).code).toBe(4401);
    await sub.dispose();
  }
});

it('closes a connection with 4401 when its token expires', async () => {
  const token = await signToken(
    { subject: 'short-lived', operatorId: actors.editorOperatorId, role: Role.VIEWER, ttl: '2s' },
    TEST_JWT_SECRET,
  );
  const sub = subscribe(a.wsUrl, token, SUBSCRIPTION);
  const opened = Date.now();
  expect(await sub.closed).toMatchObject({ code: 4401, reason: 'Unauthorized: the token has expired' });
  expect(Date.now() - opened).toBeGreaterThan(500);
  await sub.dispose();
});

it('delivers a change made through instance B to a subscriber on instance A', async () => {
  const scene = await createScene(a, actors.editorToken, { name: 'Cross-instance' });
  const sub = subscribe(a.wsUrl, actors.editorToken, SUBSCRIPTION, { filter: { sceneIds: [scene.id] } });
  await new Promise((resolve) => setTimeout(resolve, 300));
  await change(b, scene.id, 'ACTIVE', 1, 'Classified after weekly picture');
  const [event] = await sub.waitFor(1);
  expect(event.sceneStatusChanged).toMatchObject({
    from: 'EMERGING',
    to: 'ACTIVE',
    reason: 'Classified after weekly picture',
    changedBy: 'admin',
    scene: { id: scene.id, name: 'Cross-instance', status: 'ACTIVE' },
    changedByOperator: { id: actors.adminOperatorId },
  });
  await sub.dispose();
});

it('applies filters on the server: scene ids, municipality, statuses and bbox', async () => {
  const inBox = await createScene(a, actors.editorToken, {
    name: 'In box',
    municipality: 'Huddinge',
    area: squareAround([17.95, 59.22], 200),
  });
  const outside = await createScene(a, actors.editorToken, {
    name: 'Outside',
    municipality: 'Huddinge',
    area: squareAround([18.25, 59.29], 200),
  });
  const byBox = subscribe(a.wsUrl, actors.editorToken, SUBSCRIPTION, {
    filter: { bbox: { minX: 17.9, minY: 59.2, maxX: 18.0, maxY: 59.25 } },
  });
  const byStatus = subscribe(a.wsUrl, actors.editorToken, SUBSCRIPTION, {
    filter: { municipality: ['Huddinge'], statuses: ['MONITORING'] },
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  await change(b, outside.id, 'ACTIVE', 1);
  await change(b, inBox.id, 'ACTIVE', 1);
  await change(a, inBox.id, 'MONITORING', 2);
  await byBox.waitFor(2);
  await byStatus.waitFor(1);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(byBox.events.map((e: any) => `${e.sceneStatusChanged.scene.name} ${e.sceneStatusChanged.to}`)).toEqual([
    'In box ACTIVE',
    'In box MONITORING',
  ]);
  expect(
    byStatus.events.map((e: any) => `${e.sceneStatusChanged.scene.name} ${e.sceneStatusChanged.from}>${e.sceneStatusChanged.to}`),
  ).toEqual(['In box ACTIVE>MONITORING']);
  await Promise.all([byBox.dispose(), byStatus.dispose()]);
});

it('replays exactly the missed events in order with `after`, then goes on live', async () => {
  const scene = await createScene(a, actors.editorToken, { name: 'Resume' });
  const first = subscribe(a.wsUrl, actors.editorToken, SUBSCRIPTION, { filter: { sceneIds: [scene.id] } });
  await new Promise((resolve) => setTimeout(resolve, 300));
  let version = await change(a, scene.id, 'ACTIVE', 1);
  const [seen] = await first.waitFor(1);
  await first.dispose(); // the board drops off
  version = await change(b, scene.id, 'MONITORING', version);
  version = await change(a, scene.id, 'ACTIVE', version);
  const resumed = subscribe(a.wsUrl, actors.editorToken, SUBSCRIPTION, {
    filter: { sceneIds: [scene.id] },
    after: seen.sceneStatusChanged.id,
  });
  await resumed.waitFor(2);
  await change(b, scene.id, 'MONITORING', version);
  const all = await resumed.waitFor(3);
  expect(all.map((e: any) => `${e.sceneStatusChanged.from}>${e.sceneStatusChanged.to}`)).toEqual([
    'ACTIVE>MONITORING',
    'MONITORING>ACTIVE',
    'ACTIVE>MONITORING',
  ]);
  const ids = all.map((e: any) => BigInt(e.sceneStatusChanged.id));
  expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
  expect(ids[0]! > BigInt(seen.sceneStatusChanged.id)).toBe(true);
  await resumed.dispose();
});

it('recovers from a lost listener connection without losing events', async () => {
  const scene = await createScene(a, actors.editorToken, { name: 'Listener loss' });
  const sub = subscribe(a.wsUrl, actors.editorToken, SUBSCRIPTION, { filter: { sceneIds: [scene.id] } });
  await new Promise((resolve) => setTimeout(resolve, 300));
  a.app.listener.dropConnection();
  await change(b, scene.id, 'ACTIVE', 1);
  const [event] = await sub.waitFor(1, 8_000);
  expect(event.sceneStatusChanged.to).toBe('ACTIVE');
  await sub.dispose();
});

it('keeps serving after reading the outbox fails, and delivers what commits afterwards', async () => {
  const scene = await createScene(a, actors.editorToken, { name: 'Outbox outage' });
  const sub = subscribe(a.wsUrl, actors.editorToken, SUBSCRIPTION, { filter: { sceneIds: [scene.id] } });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const db = a.orm.em.fork();
  try {
    // A real failure of the read, not a mock: the outbox table is briefly not there.
    await db.execute('alter table scene_status_event rename to scene_status_event_away');
    await expect(a.app.events.wake()).resolves.toBeUndefined();
    expect(logged.mock.calls.some(([message]) => String(message).startsWith('[status events] reading the outbox failed'))).toBe(true);
  } finally {
    await db.execute('alter table scene_status_event_away rename to scene_status_event');
    logged.mockRestore();
  }
  await change(b, scene.id, 'ACTIVE', 1, 'After the outage');
  const [event] = await sub.waitFor(1, 8_000);
  expect(event.sceneStatusChanged).toMatchObject({ to: 'ACTIVE', reason: 'After the outage' });
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
  await sub.dispose();
});

it('gives every subscriber every event exactly once under concurrent writers on two instances, and a resume from the middle gets exactly the rest', async () => {
  const scenes = await Promise.all(Array.from({ length: 8 }, (_, i) => createScene(a, actors.editorToken, { name: `Concurrent ${i}` })));
  const ids = scenes.map((s) => s.id);
  const subscribers = Array.from({ length: 3 }, (_, i) =>
    subscribe((i % 2 ? b : a).wsUrl, actors.editorToken, SUBSCRIPTION, { filter: { sceneIds: ids } }),
  );
  await new Promise((resolve) => setTimeout(resolve, 400));
  // Each scene walks EMERGING → ACTIVE → MONITORING → ACTIVE → MONITORING, alternating instances, all scenes at once.
  const path = ['ACTIVE', 'MONITORING', 'ACTIVE', 'MONITORING'];
  await Promise.all(
    scenes.map(async (scene, s) => {
      let version = 1;
      for (const [step, status] of path.entries()) version = await change((s + step) % 2 ? b : a, scene.id, status, version);
    }),
  );
  const expected = scenes.length * path.length;
  for (const sub of subscribers) await sub.waitFor(expected, 10_000);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const sequences = subscribers.map((sub) => sub.events.map((e: any) => e.sceneStatusChanged.id as string));
  for (const sequence of sequences) {
    expect(sequence).toHaveLength(expected);
    expect(new Set(sequence).size).toBe(expected);
    expect(sequence.every((id, i) => i === 0 || BigInt(id) > BigInt(sequence[i - 1]!))).toBe(true);
    expect(sequence).toEqual(sequences[0]);
  }
  const middle = sequences[0]![Math.floor(expected / 2)]!;
  const resumed = subscribe(b.wsUrl, actors.editorToken, SUBSCRIPTION, { filter: { sceneIds: ids }, after: middle });
  const rest = sequences[0]!.filter((id) => BigInt(id) > BigInt(middle));
  await resumed.waitFor(rest.length);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(resumed.events.map((e: any) => e.sceneStatusChanged.id)).toEqual(rest);
  await Promise.all([...subscribers, resumed].map((sub) => sub.dispose()));
});

it('closes a connection that opens more than 20 subscriptions with 4429', async () => {
  let closedWith: { code: number; reason: string } | null = null;
  const client = createClient({
    url: a.wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${actors.editorToken}` },
    on: { closed: (event) => (closedWith = event as { code: number; reason: string }) },
  });
  for (let i = 0; i < 21; i++)
    client.subscribe({ query: SUBSCRIPTION }, { next: () => undefined, error: () => undefined, complete: () => undefined });
  for (let i = 0; i < 50 && !closedWith; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(closedWith).toMatchObject({ code: 4429 });
  await client.dispose();
});

it('closes sockets with 1001 and a reason when the server stops', async () => {
  const leaving = await createTestServer({ truncate: false });
  const sub = subscribe(leaving.wsUrl, actors.editorToken, SUBSCRIPTION);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await leaving.stop();
  expect(await sub.closed).toMatchObject({ code: 1001, reason: 'Server shutting down' });
  await sub.dispose();
});

it('executes an event once per group of subscribers that would get the same answer', async () => {
  const scene = await createScene(a, actors.editorToken, { name: 'Shared execution' });
  const query = `subscription($filter: SceneStatusChangedFilter) { sceneStatusChanged(filter: $filter) { id scene { interventions { edges { node { id } } } } } }`;
  const variables = { filter: { sceneIds: [scene.id] } };
  const editors = Array.from({ length: 10 }, () => subscribe(a.wsUrl, actors.editorToken, query, variables));
  const admins = Array.from({ length: 5 }, () => subscribe(a.wsUrl, actors.adminToken, query, variables));
  await new Promise((resolve) => setTimeout(resolve, 400));
  const statements = await a.recordQueries(async () => {
    await change(b, scene.id, 'ACTIVE', 1);
    for (const sub of [...editors, ...admins]) await sub.waitFor(1);
  });
  // The scene's interventions are read once for the editors' operator and once for the admin's, not 15 times.
  expect(statements.filter((sql) => /from "?intervention"?\b/.test(sql))).toHaveLength(2);
  const eventIds = new Set([...editors, ...admins].map((sub) => sub.events[0].sceneStatusChanged.id));
  expect(eventIds.size).toBe(1);
  await Promise.all([...editors, ...admins].map((sub) => sub.dispose()));
});

it('releases a completed subscription at once, even when its filter never matches again', async () => {
  const quiet = await createScene(a, actors.editorToken, { name: 'Quiet' });
  const busy = await createScene(a, actors.editorToken, { name: 'Busy' });
  const before = a.app.events.subscriptions;
  const subs = Array.from({ length: 5 }, () => subscribe(a.wsUrl, actors.editorToken, SUBSCRIPTION, { filter: { sceneIds: [quiet.id] } }));
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(a.app.events.subscriptions).toBe(before + 5);
  await Promise.all(subs.map((sub) => sub.dispose()));
  await change(a, busy.id, 'ACTIVE', 1); // wakes every subscription; none of the five matches it
  for (let i = 0; i < 30 && a.app.events.subscriptions > before; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(a.app.events.subscriptions).toBe(before);
});

it('lets a slow consumer fall behind without holding up others, and then gives it every event in order', async () => {
  const scene = await createScene(a, actors.editorToken, { name: 'Slow consumer' });
  const fast = subscribe(a.wsUrl, actors.editorToken, SUBSCRIPTION, { filter: { sceneIds: [scene.id] } });
  // A raw graphql-transport-ws client that stops reading its socket after subscribing.
  const slow = new WebSocket(a.wsUrl, 'graphql-transport-ws');
  const received: string[] = [];
  slow.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (message.type === 'connection_ack')
      slow.send(
        JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION, variables: { filter: { sceneIds: [scene.id] } } } }),
      );
    if (message.type === 'next') received.push(message.payload.data.sceneStatusChanged.id);
  });
  await new Promise((resolve) => slow.once('open', resolve));
  slow.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${actors.editorToken}` } }));
  await new Promise((resolve) => setTimeout(resolve, 400));
  (slow as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();

  let version = 1;
  const statuses = ['ACTIVE', 'MONITORING'];
  for (let i = 0; i < 20; i++) version = await change(b, scene.id, statuses[i % 2]!, version);
  const fastEvents = await fast.waitFor(20, 5_000);
  expect(received.length).toBeLessThan(20);

  (slow as unknown as { _socket: { resume(): void } })._socket.resume();
  for (let i = 0; i < 50 && received.length < 20; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(received).toEqual(fastEvents.map((e: any) => e.sceneStatusChanged.id));
  slow.close();
  await fast.dispose();
});
