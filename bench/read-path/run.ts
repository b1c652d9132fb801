/**
 * The read path side by side, in one run, on one database: this server (compiled, production
 * mode, as `npm start` runs it) against PostGraphile 5 (bench/read-path/peers/postgraphile, in
 * production form) and a raw-SQL baseline that answers each workload with one hand-written
 * statement (bench/read-path/raw-sql-server.ts), all three under row security as the workload's
 * role. Load: autocannon, 20 connections, the median of `--rounds` rounds of `--duration`
 * seconds; CPU per request for each server process and for PostgreSQL (all its processes, from
 * /proc); SQL statements per request of this server counted by the ORM's query observer.
 *
 *   npx ts-node --transpile-only bench/spatial/dataset.ts --scenes 2000 --interventions 200000   # into BENCH_DATABASE_URL
 *   npm ci --prefix bench/read-path/peers/postgraphile   # once: PostGraphile has its own packages
 *   npm run build && npx ts-node --transpile-only bench/read-path/run.ts [--rounds 3] [--duration 10] [--only 0,1] [--resolvers] [--out file]
 *
 * --resolvers adds this server once more with COMPILED_READS=0: the resolver path (DataLoaders
 * returning plain rows), to weigh the compiled read path against it in the same run. --out names
 * the results file (default bench/results/<date>-read-path.json).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { Role } from '../../schema/auth/role';
import { signToken } from '../../schema/auth/token.service';
import { startServer } from '../../server';
import { LIVE_LOG_BACKGROUND_STATEMENT } from '../../server/live/live-logs';
import { settle } from '../as-of/load';
import { WORKLOADS, type Workload } from './workloads';

const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/bench_read';
const ROOT = join(__dirname, '..', '..');
const TICKS_PER_SECOND = 100;
const POSTGRAPHILE = join('bench', 'read-path', 'peers', 'postgraphile');
/** The targets in the order they are loaded in each round and printed. */
const RAW = 'raw SQL';
const PGL = 'PostGraphile';
const THIS = 'this server';
/** With --resolvers: this server again with COMPILED_READS=0 (resolvers and DataLoaders returning plain rows). */
const RESOLVERS = 'resolvers only';

interface Target {
  name: string;
  pid: number;
  /** autocannon options for a workload. */
  request(workload: Workload, index: number): { url: string; method: 'POST' | 'GET'; headers: Record<string, string>; body?: string };
}

/** One run's figures; those per request are NaN (null in the JSON) when no request finished within the run. */
interface Figures {
  requestsPerSecond: number;
  p99: number;
  serverCpuMs: number;
  postgresCpuMs: number;
  errors: number;
}

/** Figures of every round, by workload name, then by target name. */
type Results = Record<string, Record<string, Figures[]>>;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '10' },
      only: { type: 'string' },
      resolvers: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const rounds = Number(values.rounds);
  const duration = Number(values.duration);
  const selected = values.only ? values.only.split(',').map(Number) : WORKLOADS.map((_, i) => i);
  requirePostGraphile();
  const operatorId = await firstOperator();
  const tokens = {
    ADMIN: await signToken({ subject: 'bench', operatorId, role: Role.ADMIN, ttl: '2h' }, SECRET),
    ANALYST: await signToken({ subject: 'bench', operatorId, role: Role.ANALYST, ttl: '2h' }, SECRET),
  };
  const statements = await countStatements(tokens, selected);
  const children: ChildProcess[] = [];
  try {
    const targets = await startTargets(operatorId, tokens, children, values.resolvers!);
    for (const index of selected) await checkAnswers(targets, WORKLOADS[index]!, index);
    const results = await measure(targets, selected, rounds, duration);
    report(results, statements, values.out ?? join('bench', 'results', `${new Date().toISOString().slice(0, 10)}-read-path.json`));
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
}

/** PostGraphile has its own packages, which `npm ci` at the root does not install (CI must not). */
function requirePostGraphile(): void {
  if (existsSync(join(ROOT, POSTGRAPHILE, 'node_modules', 'postgraphile', 'package.json'))) return;
  throw new Error(
    `PostGraphile (the third peer) is not installed. Run once, from ${ROOT}:\n\n  npm ci --prefix ${POSTGRAPHILE}\n\n(its own package.json and package-lock.json; the root install leaves it out)`,
  );
}

/** Starts the three servers, each a child process on its own port; `children` collects them for the caller to stop. */
async function startTargets(
  operatorId: string,
  tokens: Record<Workload['role'], string>,
  children: ChildProcess[],
  withResolvers: boolean,
): Promise<Target[]> {
  const raw = await startChild(RAW, ['-r', 'ts-node/register/transpile-only', 'bench/read-path/raw-sql-server.ts'], 4602, /ready/, {
    DATABASE_URL,
    OPERATOR_ID: operatorId,
  });
  children.push(raw);
  const postgraphile = await startChild(PGL, [join(POSTGRAPHILE, 'server.js')], 4603, /PostGraphile ready/, {
    DATABASE_URL,
    OPERATOR_ID: operatorId,
    NODE_ENV: 'production',
    GRAPHILE_ENV: 'production',
  });
  children.push(postgraphile);
  const api = await startChild(THIS, ['dist/server/main.js'], 4601, /GraphQL ready/, { ...API_ENV, DATABASE_URL });
  children.push(api);
  const resolvers = withResolvers
    ? await startChild(RESOLVERS, ['dist/server/main.js'], 4604, /GraphQL ready/, { ...API_ENV, DATABASE_URL, COMPILED_READS: '0' })
    : null;
  if (resolvers) children.push(resolvers);
  const graphql = (port: number) => (workload: Workload) => ({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[workload.role]}` },
    body: JSON.stringify({ query: workload.graphql }),
  });
  return [
    {
      name: RAW,
      pid: raw.pid!,
      request: (_workload, index) => ({ url: `http://127.0.0.1:4602/?w=${index}`, method: 'GET', headers: {} }),
    },
    {
      name: PGL,
      pid: postgraphile.pid!,
      // PostGraphile runs each request as app_viewer with this role (its pgSettings, peers/postgraphile/server.js).
      request: (workload) => ({
        url: 'http://127.0.0.1:4603/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bench-role': workload.role },
        body: JSON.stringify({ query: workload.postgraphile }),
      }),
    },
    { name: THIS, pid: api.pid!, request: graphql(4601) },
    ...(resolvers ? [{ name: RESOLVERS, pid: resolvers.pid!, request: graphql(4604) }] : []),
  ];
}

/** This server as `npm start` runs it in production, with the rate limit and the cost limit lifted. */
const API_ENV = {
  JWT_SECRET: SECRET,
  NODE_ENV: 'production',
  RATE_LIMIT_PER_MINUTE: '1000000000',
  QUERY_MAX_COST: '100000000',
  SEED_DEMO_DATA: '0',
};

/** Rounds of every selected workload on every target in turn, each run after the database is idle. */
async function measure(targets: Target[], selected: number[], rounds: number, duration: number): Promise<Results> {
  const results: Results = {};
  for (let round = 1; round <= rounds; round++) {
    for (const index of selected) {
      const workload = WORKLOADS[index]!;
      for (const target of targets) {
        await settle(DATABASE_URL);
        const figures = await load(target, workload, index, duration);
        ((results[workload.name] ??= {})[target.name] ??= []).push(figures);
        console.log(
          `round ${round} ${workload.name.padEnd(48)} ${target.name.padEnd(12)} ${fixed(figures.requestsPerSecond, 1).padStart(8)} req/s  p99 ${fixed(figures.p99, 0).padStart(5)} ms  server ${fixed(figures.serverCpuMs, 2)} ms  pg ${fixed(figures.postgresCpuMs, 2)} ms  errors ${figures.errors}`,
        );
      }
    }
  }
  return results;
}

async function firstOperator(): Promise<string> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const { rows } = await client.query('select id from operator order by name limit 1');
  await client.end();
  if (!rows[0]) throw new Error(`No data in ${DATABASE_URL}: run bench/spatial/dataset.ts first (see the comment at the top)`);
  return rows[0].id as string;
}

/** Statements this server sends for one request of each workload (in process, through the ORM's query observer). */
async function countStatements(tokens: Record<string, string>, selected: number[]): Promise<Record<string, number>> {
  let recording: string[] | null = null;
  const server = await startServer({
    databaseUrl: DATABASE_URL,
    dataDir: '',
    jwtSecret: SECRET,
    port: 0,
    host: '127.0.0.1',
    production: true,
    limits: { operationsPerMinute: 1e9, maxCost: 1e8 },
    observeQuery: (sql) => recording?.push(sql),
  });
  const counts: Record<string, number> = {};
  try {
    for (const index of selected) {
      const workload = WORKLOADS[index]!;
      recording = [];
      await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[workload.role]}` },
        body: JSON.stringify({ query: workload.graphql }),
      });
      counts[workload.name] = recording.filter((sql) => !LIVE_LOG_BACKGROUND_STATEMENT.test(sql)).length;
      recording = null;
    }
  } finally {
    await server.stop();
  }
  return counts;
}

function startChild(name: string, args: string[], port: number, ready: RegExp, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) } });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`${name} did not start:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}:\n${output}`)));
  });
}

/**
 * Every target answers the workload with data of the same shape (the items each list holds, at
 * every level), or the run stops: figures for different answers would compare nothing.
 */
async function checkAnswers(targets: Target[], workload: Workload, index: number): Promise<void> {
  const shapes: string[] = [];
  for (const target of targets) {
    const { url, method, headers, body } = target.request(workload, index);
    const response = await fetch(url, { method, headers, body });
    const json = (await response.json()) as { data?: unknown; errors?: unknown };
    if (response.status !== 200 || !json.data || json.errors)
      throw new Error(`${target.name} failed ${workload.name}: ${JSON.stringify(json).slice(0, 400)}`);
    shapes.push(JSON.stringify(shape(json.data)));
  }
  console.log(`${workload.name}: answers ${shapes.join(' / ')}`);
  const differing = targets.filter((_, i) => shapes[i] !== shapes[0]).map((target) => target.name);
  if (differing.length) throw new Error(`${workload.name}: ${differing.join(' and ')} answered a different shape from ${targets[0]!.name}`);
}

/**
 * The number of items at each level of an answer: its lists and their lengths (with the first
 * item's lists), through the connection wrappers (`edges` of `node`s in this server, `nodes` and
 * pg-aggregates' `groupedAggregates` in PostGraphile). Objects that hold no list (an owner, a
 * scene, a group's sums) and scalars are left out: they are not items, and the servers shape
 * them differently.
 */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return [value.length, ...(value.length ? [shape(value[0])] : [])];
  if (!value || typeof value !== 'object') return null;
  const object = value as Record<string, unknown>;
  if (Array.isArray(object.edges)) return shape(object.edges.map((edge: { node: unknown }) => edge.node));
  if (Array.isArray(object.nodes)) return shape(object.nodes);
  // A pg-aggregates group holds its key as a list of one value (`keys`): the key, not an item.
  if (Array.isArray(object.groupedAggregates)) return shape(object.groupedAggregates.map(({ keys: _keys, ...group }) => group));
  const lists = Object.entries(object)
    .map(([key, field]) => [key, shape(field)] as const)
    .filter(([, inner]) => inner !== null && (Array.isArray(inner) || Object.keys(inner as object).length > 0));
  return Object.fromEntries(lists);
}

async function load(target: Target, workload: Workload, index: number, duration: number): Promise<Figures> {
  const serverBefore = cpuTicks([target.pid]);
  const postgresBefore = postgresTicks();
  const result = await autocannon({ ...target.request(workload, index), connections: 20, duration });
  const requests = result.requests.total;
  const serverMs = ((cpuTicks([target.pid]) - serverBefore) / TICKS_PER_SECOND) * 1000;
  const postgresMs = (postgresTicksSince(postgresBefore) / TICKS_PER_SECOND) * 1000;
  return {
    requestsPerSecond: result.requests.average,
    p99: requests ? result.latency.p99 : NaN,
    serverCpuMs: requests ? serverMs / requests : NaN,
    postgresCpuMs: requests ? postgresMs / requests : NaN,
    errors: result.errors + result.non2xx,
  };
}

function cpuTicks(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** The CPU ticks of each PostgreSQL process now. */
function postgresTicks(): Map<number, number> {
  return new Map(postgresPids().map((pid) => [pid, cpuTicks([pid])]));
}

/**
 * PostgreSQL's CPU ticks since `before`, process by process. A backend that started meanwhile
 * counts whole; one that ended meanwhile (a pool closing a connection idle since an earlier run)
 * drops out, rather than taking all its past CPU off a sum of all processes, which made the
 * figure negative.
 */
function postgresTicksSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, ticks] of postgresTicks()) total += Math.max(0, ticks - (before.get(pid) ?? 0));
  return total;
}

function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
      } catch {
        return false;
      }
    });
}

/** The median of the finite values (NaN if there are none: no round finished a request). */
function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The medians of the rounds for one workload, by target, and the ratios of requests per second. */
interface Medians {
  figures: Record<string, Figures>;
  thisOverPostGraphile: number;
  thisOverRaw: number;
}

function medians(byTarget: Record<string, Figures[]>): Medians {
  const figures: Record<string, Figures> = {};
  for (const [target, rounds] of Object.entries(byTarget)) {
    const m = (key: keyof Figures) => median(rounds.map((round) => round[key]));
    figures[target] = {
      requestsPerSecond: m('requestsPerSecond'),
      p99: m('p99'),
      serverCpuMs: m('serverCpuMs'),
      postgresCpuMs: m('postgresCpuMs'),
      errors: m('errors'),
    };
  }
  const perSecond = (target: string) => figures[target]!.requestsPerSecond;
  return { figures, thisOverPostGraphile: perSecond(THIS) / perSecond(PGL), thisOverRaw: perSecond(THIS) / perSecond(RAW) };
}

/** A figure for the table; "–" where there is none (no request finished, or a ratio to zero). */
function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

/** The table (Markdown, as in bench/README.md) and the results file, with every round and the medians. */
function report(results: Results, statements: Record<string, number>, out: string): void {
  console.log('\nmedians of the rounds:');
  console.log(
    '| workload | raw SQL req/s | PostGraphile req/s | this server req/s | this ÷ PostGraphile | this ÷ raw | p99 ms (raw / PostGraphile / this) | server CPU ms/req (raw / PostGraphile / this) | PostgreSQL CPU ms/req (raw / PostGraphile / this) | statements (this) |',
  );
  const withResolvers = Object.values(results).some((byTarget) => byTarget[RESOLVERS]);
  if (withResolvers) console.log('(last column: resolvers only, req/s (server / PostgreSQL CPU ms per request))');
  console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |${withResolvers ? ' ---: |' : ''}`);
  const summary: Record<string, unknown> = {};
  for (const [workload, byTarget] of Object.entries(results)) {
    const m = medians(byTarget);
    const each = (key: keyof Figures, digits: number) =>
      [RAW, PGL, THIS].map((target) => fixed(m.figures[target]![key], digits)).join(' / ');
    const perSecond = (target: string, digits: number) => fixed(m.figures[target]!.requestsPerSecond, digits);
    const resolvers = m.figures[RESOLVERS]
      ? ` ${perSecond(RESOLVERS, 1)} (${fixed(m.figures[RESOLVERS].serverCpuMs, 2)} / ${fixed(m.figures[RESOLVERS].postgresCpuMs, 2)} ms) |`
      : '';
    console.log(
      `| ${workload} | ${perSecond(RAW, 0)} | ${perSecond(PGL, 1)} | ${perSecond(THIS, 1)} | ${fixed(m.thisOverPostGraphile, 2)} | ${fixed(m.thisOverRaw, 2)} | ${each('p99', 0)} | ${each('serverCpuMs', 2)} | ${each('postgresCpuMs', 2)} | ${statements[workload]} |${resolvers}`,
    );
    summary[workload] = { ...byTarget, medians: m, statements: statements[workload] };
  }
  const file = join(ROOT, out);
  writeFileSync(file, JSON.stringify(summary, null, 2));
  console.log(`\nwritten to ${file}`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
