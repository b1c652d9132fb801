/**
 * N WebSocket subscribers on one server instance, each subscribed to `sceneStatusChanged` and to
 * `watchAreaAlerts`: delivery latency (every delivery, and the last one of each change), missed
 * events and duplicates, server heap and RSS per subscriber, server CPU per delivery.
 *
 *   ulimit -n 20000   # each subscriber is a socket in the server and one in a client process
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench_live \
 *     npx ts-node --transpile-only bench/live/alerts.ts [--subscribers 10000] [--rounds 3] [--changes 20]
 *
 * Setup (through the API): 20 operators, each with one mandate polygon and three "500 m around a
 * school" points around a real scene centre, and one scene at Sergels torg. Subscribers take
 * turns over 40 tokens (an EDITOR and an ANALYST of each operator). Changes alternate: the scene's
 * status (every subscriber gets it, and operators watching Sergels torg get alerts), then an OPEN
 * intervention at an operator's school (that operator's subscribers get an alert per area it is
 * in). What each change should deliver is read from the outboxes, not guessed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client as PgClient } from 'pg';
import { Role } from '../../schema/auth/role';
import { signToken } from '../../schema/auth/token.service';
import { BENCH_DATABASE_URL } from '../spatial/dataset';
import type { Arrivals, ExpectedEvent } from './client-worker';
import { graphqlOverHttp, median, message, percentile, round, SECRET, startServerProcess, type ServerProcess } from './harness';

const NAME = 'Bench live';
/** [lng, lat] of the demo data's scenes: the watch areas are laid around them. */
const CENTRES: Array<[number, number]> = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'db', 'seeders', 'data', 'scenes.json'), 'utf8'),
).scenes.map((scene: { center: [number, number] }) => scene.center);

interface Setup {
  tokens: Array<{ token: string; operatorId: string }>;
  admin: string;
  sceneId: string;
  /** Where each operator's first school is: its interventions go there. */
  schools: Array<[number, number]>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      subscribers: { type: 'string', default: '10000' },
      operators: { type: 'string', default: '20' },
      rounds: { type: 'string', default: '3' },
      changes: { type: 'string', default: '20' },
      workers: { type: 'string', default: '2' },
      'timeout-ms': { type: 'string', default: '10000' },
      'cpu-prof': { type: 'string' },
      out: { type: 'string' },
    },
  });
  const counts = values.subscribers!.split(',').map(Number);
  checkFileLimit(Math.max(...counts));
  if (values['cpu-prof']) mkdirSync(values['cpu-prof'], { recursive: true });
  const db = new PgClient({ connectionString: BENCH_DATABASE_URL });
  await db.connect();
  const setup = await prepare(db, Number(values.operators));
  const summaries = [];
  for (const subscribers of counts) {
    const rounds = [];
    for (let r = 0; r < Number(values.rounds); r++) {
      const options = {
        subscribers,
        changes: Number(values.changes),
        workers: Number(values.workers),
        timeoutMs: Number(values['timeout-ms']),
      };
      const cpuProfile = values['cpu-prof'] && `${values['cpu-prof']}/live-${subscribers}-round${r + 1}.cpuprofile`;
      const result = await runRound(db, setup, { ...options, cpuProfile });
      console.log(JSON.stringify({ round: r + 1, ...result }));
      rounds.push(result);
    }
    summaries.push({ median: medians(rounds), rounds });
  }
  await db.end();
  printTable(summaries.map((summary) => summary.median));
  const out =
    values.out ?? join(__dirname, '..', 'results', `${new Date().toISOString().slice(0, 10)}-live-${Math.max(...counts) / 1000}k.json`);
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), options: values, summaries }, null, 2) + '\n');
  console.log(`written to ${out}`);
}

/** Fails with what to run when this shell cannot hold the sockets (the server and each client process inherit its limit). */
function checkFileLimit(subscribers: number): void {
  const soft = Number(/Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? Infinity);
  if (soft < subscribers + 1_000)
    throw new Error(`The open-file limit is ${soft}; run \`ulimit -n ${subscribers + 2_000}\` in this shell first`);
}

/** Tokens, the scene, and fresh watch areas (earlier runs' are deleted), made through the API of a server started for it. */
async function prepare(db: PgClient, operators: number): Promise<Setup> {
  const { rows } = await db.query<{ id: string }>("select id from operator where name like 'Bench operator %' order by name limit $1", [
    operators + 1,
  ]);
  if (rows.length <= operators) throw new Error('Load the bench data first: bench/spatial/dataset.ts --scenes 200 --interventions 2000');
  await db.query(`delete from watch_area where name like '${NAME} %'`); // as the superuser: no operator's row security
  const sign = (operatorId: string, role: Role, subject: string) => signToken({ subject, operatorId, role, ttl: '4h' }, SECRET);
  const admin = await sign(rows[operators]!.id, Role.ADMIN, 'bench-admin');
  const tokens = [];
  for (const [k, { id }] of rows.slice(0, operators).entries())
    for (const role of [Role.EDITOR, Role.ANALYST]) tokens.push({ token: await sign(id, role, `bench-${role}-${k}`), operatorId: id });
  const server = await startServerProcess();
  const schools = [];
  for (let k = 0; k < operators; k++) schools.push(await createWatchAreas(graphqlOverHttp(server.port, tokens[2 * k]!.token), k));
  const [lng, lat] = CENTRES[0]!;
  const square = [
    [
      [lng - 0.001, lat - 0.0005],
      [lng + 0.001, lat - 0.0005],
      [lng + 0.001, lat + 0.0005],
      [lng - 0.001, lat + 0.0005],
      [lng - 0.001, lat - 0.0005],
    ],
  ];
  const scene = await graphqlOverHttp(server.port, admin)('mutation($input: CreateSceneInput!) { createScene(input: $input) { id } }', {
    input: { name: `${NAME} ${Date.now()}`, municipality: 'Stockholm', status: 'ACTIVE', area: { type: 'Polygon', coordinates: square } },
  });
  await server.stop();
  return { tokens, admin, sceneId: scene.createScene.id, schools };
}

/** Operator k's areas around centre k: a mandate square (~1.1 km) and three schools 110 m apart; returns the first school. */
async function createWatchAreas(gql: ReturnType<typeof graphqlOverHttp>, k: number): Promise<[number, number]> {
  const [lng, lat] = CENTRES[k % CENTRES.length]!;
  const d = [0.01, 0.005];
  const mandate = [
    [
      [lng - d[0]!, lat - d[1]!],
      [lng + d[0]!, lat - d[1]!],
      [lng + d[0]!, lat + d[1]!],
      [lng - d[0]!, lat + d[1]!],
      [lng - d[0]!, lat - d[1]!],
    ],
  ];
  const create = 'mutation($input: CreateWatchAreaInput!) { createWatchArea(input: $input) { id } }';
  await gql(create, { input: { name: `${NAME} mandate ${k}`, area: { type: 'Polygon', coordinates: mandate } } });
  for (let j = 0; j < 3; j++) {
    const school = { type: 'Point', coordinates: [lng + j * 0.002, lat] };
    await gql(create, {
      input: { name: `${NAME} school ${k}.${j}`, area: school, radiusMeters: 500, subjects: ['INTERVENTION', 'SCENE'] },
    });
  }
  return [lng, lat];
}

interface RoundOptions {
  subscribers: number;
  changes: number;
  workers: number;
  timeoutMs: number;
  /** Write a CPU profile of the server during the changes to this file. */
  cpuProfile?: string;
}

/** One server, N subscribers, a series of changes; every figure of one round. */
async function runRound(db: PgClient, setup: Setup, options: RoundOptions) {
  const server = await startServerProcess();
  const before = await server.stats();
  const openedAt = Date.now();
  const workers = await openSubscribers(server, setup, options);
  const openSeconds = (Date.now() - openedAt) / 1000;
  const after = await server.stats();

  const delivered = { status: [] as number[], alert: [] as number[] };
  const last: number[] = [];
  let expected = 0;
  let received = 0;
  let cursors = await latestIds(db);
  const commitsBefore = await commits(db);
  const change = changeMaker(setup, graphqlOverHttp(server.port, setup.admin));
  if (options.cpuProfile) await server.profile(null);
  for (let c = 0; c < options.changes; c++) {
    const respondedAt = await change(c);
    const events = await eventsAfter(db, cursors);
    cursors = events.cursors;
    const replies = await Promise.all(
      workers.map((worker) =>
        message<{ arrivals: Arrivals }>(worker, 'arrivals', {
          expect: { events: events.expected, deadline: respondedAt + options.timeoutMs },
        }),
      ),
    );
    let lastOfChange = 0;
    for (const { arrivals } of replies)
      for (const [key, arrival] of Object.entries(arrivals)) {
        expected += arrival.expected;
        received += Math.min(arrival.received, arrival.expected);
        for (const time of arrival.times) {
          delivered[key.startsWith('s:') ? 'status' : 'alert'].push(time - respondedAt);
          lastOfChange = Math.max(lastOfChange, time - respondedAt);
        }
      }
    last.push(lastOfChange);
  }
  const end = await server.stats();
  if (options.cpuProfile) await server.profile(options.cpuProfile);
  await new Promise((resolve) => setTimeout(resolve, 1_500)); // a late duplicate still counts; backends flush their statistics
  const transactions = (await commits(db)) - commitsBefore;
  const closed = await Promise.all(workers.map((worker) => message<{ closed: Record<string, number> }>(worker, 'closed', 'close')));
  await server.stop();
  const sum = (field: string) => closed.reduce((total, { closed: c }) => total + (c[field] ?? 0), 0);
  const all = [...delivered.status, ...delivered.alert];
  const cpuMs = (end.cpu.user + end.cpu.system - after.cpu.user - after.cpu.system) / 1000;
  return {
    subscribers: options.subscribers,
    subscriptions: 2 * options.subscribers,
    changes: options.changes,
    openSeconds: round(openSeconds),
    deliveries: all.length,
    deliveryP50Ms: round(percentile(all, 50)),
    deliveryP99Ms: round(percentile(all, 99)),
    statusDeliveryP99Ms: round(percentile(delivered.status, 99)),
    alertDeliveryP99Ms: round(percentile(delivered.alert, 99)),
    lastDeliveryP50Ms: round(percentile(last, 50)),
    lastDeliveryP99Ms: round(percentile(last, 99)),
    expected,
    missed: expected - received,
    duplicates: sum('duplicates'),
    late: sum('late'),
    clientErrors: sum('errors'),
    heapPerSubscriberKiB: round((after.memory.heapUsed - before.memory.heapUsed) / options.subscribers / 1024),
    rssPerSubscriberKiB: round((after.memory.rss - before.memory.rss) / options.subscribers / 1024),
    serverHeapMiB: round(after.memory.heapUsed / 2 ** 20),
    serverRssMiB: round(after.memory.rss / 2 ** 20),
    serverCpuMsDuringChanges: Math.round(cpuMs),
    serverCpuUsPerDelivery: round((cpuMs * 1000) / Math.max(1, all.length)),
    dbTransactionsPerChange: round(transactions / options.changes),
  };
}

/** Forks the client processes and opens every subscriber (connection i takes token i mod tokens); waits until the server holds all subscriptions. */
async function openSubscribers(server: ServerProcess, setup: Setup, options: RoundOptions): Promise<ChildProcess[]> {
  const workers = Array.from({ length: options.workers }, () =>
    fork(join(__dirname, 'client-worker.ts'), [], { execArgv: ['-r', 'ts-node/register/transpile-only'] }),
  );
  const opened = await Promise.all(
    workers.map((worker, w) => {
      const assignment = [];
      for (let i = w; i < options.subscribers; i += options.workers) assignment.push(i % setup.tokens.length);
      const open = { url: `ws://127.0.0.1:${server.port}/graphql`, tokens: setup.tokens, assignment };
      return message<{ opened: { connections: number; failed: number } }>(worker, 'opened', { open });
    }),
  );
  const failed = opened.reduce((total, { opened: o }) => total + o.failed, 0);
  if (failed > 0) throw new Error(`${failed} of ${options.subscribers} connections failed to open`);
  // graphql-ws does not acknowledge a subscription: wait until the hubs count them all.
  for (let waited = 0; ; waited += 200) {
    const { status, alerts } = await server.subscriptions();
    if (status >= options.subscribers && alerts >= options.subscribers) return workers;
    if (waited > 120_000) throw new Error(`Only ${status} status and ${alerts} alert subscriptions of ${options.subscribers} after 2 min`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Change c: even, the scene's status (ACTIVE ↔ MONITORING); odd, an OPEN intervention at the next operator's first school. Resolves with the response time (ms since the epoch). */
function changeMaker(setup: Setup, gql: ReturnType<typeof graphqlOverHttp>) {
  let version: number | null = null;
  return async (c: number): Promise<number> => {
    if (c % 2 === 0) {
      version ??= (await gql('query($id: ID!) { scene(id: $id) { version status } }', { id: setup.sceneId })).scene.version;
      const status = c % 4 === 0 ? 'MONITORING' : 'ACTIVE';
      const input = { sceneId: setup.sceneId, status, expectedVersion: version, reason: 'bench' };
      version = (await gql('mutation($input: ChangeSceneStatusInput!) { changeSceneStatus(input: $input) { version } }', { input }))
        .changeSceneStatus.version;
    } else {
      const school = setup.schools[((c - 1) / 2) % setup.schools.length]!;
      const input = {
        sceneId: setup.sceneId,
        title: `${NAME} patrol ${c}`,
        category: 'FORMAL_CONTROL',
        kind: 'UNIFORMED_PRESENCE',
        location: { type: 'Point', coordinates: school },
        startsAt: new Date().toISOString(),
        sensitivity: 'OPEN',
      };
      await gql('mutation($input: CreateInterventionInput!) { createIntervention(input: $input) { id } }', { input });
    }
    return performance.timeOrigin + performance.now();
  };
}

/** Committed transactions in the bench database so far (PostgreSQL's statistics: every client's, ours included). */
async function commits(db: PgClient): Promise<number> {
  const { rows } = await db.query('select xact_commit from pg_stat_database where datname = current_database()');
  return Number(rows[0].xact_commit);
}

interface Cursors {
  status: string;
  alert: string;
}

async function latestIds(db: PgClient): Promise<Cursors> {
  const { rows } = await db.query(`select (select coalesce(max(id), 0)::text from scene_status_event) as status,
                                          (select coalesce(max(id), 0)::text from watch_area_alert) as alert`);
  return rows[0];
}

/** What the change just committed should deliver: each status event to everyone, each alert to its operator's subscribers. */
async function eventsAfter(db: PgClient, after: Cursors): Promise<{ expected: ExpectedEvent[]; cursors: Cursors }> {
  // ids are bigint, which pg hands over as strings; ordered as numbers, not as text
  const status = await db.query<{ id: string }>('select id from scene_status_event where id > $1 order by id', [after.status]);
  const alerts = await db.query<{ id: string; operator_id: string }>(
    'select id, operator_id from watch_area_alert where id > $1 order by id',
    [after.alert],
  );
  const expected = [
    ...status.rows.map(({ id }) => ({ key: `s:${id}`, operatorId: null })),
    ...alerts.rows.map(({ id, operator_id }) => ({ key: `a:${id}`, operatorId: operator_id })),
  ];
  return { expected, cursors: { status: status.rows.at(-1)?.id ?? after.status, alert: alerts.rows.at(-1)?.id ?? after.alert } };
}

/** The median of every numeric figure over the rounds. */
function medians<T extends Record<string, number>>(rounds: T[]): T {
  return Object.fromEntries(Object.keys(rounds[0]!).map((key) => [key, median(rounds.map((r) => r[key]!))])) as T;
}

function printTable(rows: Array<Record<string, number>>): void {
  const columns: Array<[string, string]> = [
    ['subscribers', 'subscribers'],
    ['subscriptions', 'subscriptions'],
    ['deliveries', 'deliveries'],
    ['deliveryP50Ms', 'p50 ms'],
    ['deliveryP99Ms', 'p99 ms'],
    ['lastDeliveryP50Ms', 'last p50 ms'],
    ['lastDeliveryP99Ms', 'last p99 ms'],
    ['missed', 'missed'],
    ['duplicates', 'dupl.'],
    ['heapPerSubscriberKiB', 'heap KiB/sub'],
    ['rssPerSubscriberKiB', 'RSS KiB/sub'],
    ['serverCpuUsPerDelivery', 'CPU µs/delivery'],
  ];
  console.log('\nmedians of the rounds');
  console.log(columns.map(([, title]) => title.padStart(Math.max(8, title.length))).join(' '));
  for (const row of rows) console.log(columns.map(([key, title]) => String(row[key]).padStart(Math.max(8, title.length))).join(' '));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
