/**
 * As-of reads against reads of current state (issue "the record remembers": as-of queries at
 * 20 000 scenes with 10 versions each, at p50 within 2× of the same query on current state).
 * This server, compiled, in production mode (as `npm start` runs it), on the dataset of
 * bench/as-of/dataset.ts (BENCH_ASOF_DATABASE_URL, default
 * postgresql://postgres@127.0.0.1:5432/bench_asof). Each workload of workloads.ts is a pair, the
 * same query on current state and as of a moment; in each round both are loaded with autocannon
 * (`--connections`, default 10; p50 latency is the target, not throughput), current first in odd
 * rounds and as-of first in even ones, each after the database is idle. Printed and written: the
 * medians of `--rounds` rounds (default 3) of `--duration` seconds (default 5) of p50 and p99
 * latency, requests per second, CPU per request of the server process and of PostgreSQL
 * (load.ts), the SQL messages this server sends per request (counted in process
 * through the ORM's query observer), and the ratio as-of p50 ÷ current p50. Before the load, the
 * answers of both sides are checked (no errors; a digest printed) and ALONE requests of each are
 * timed one at a time: a latency without queueing, and a ratio that needs no request to finish
 * within `--duration`. The results file names the commit measured and when dist/ was built.
 *
 *   npx ts-node --transpile-only bench/as-of/dataset.ts --seed 42 --scenes 20000 --interventions 20000
 *   npm run build && npx ts-node --transpile-only bench/as-of/run.ts [--rounds 3] [--duration 5] [--connections 10] [--only 0,3] [--explain] [--out file]
 *
 * --only picks pairs by index (as printed). --explain prints `EXPLAIN (ANALYZE, BUFFERS)` of every
 * statement each selected request sends (as the viewer, in a transaction rolled back) and keeps
 * the plans in the results. --out names the results file (default bench/results/<date>-as-of.json).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Role } from '../../schema/auth/role';
import { viewerSettingsSql } from '../../schema/auth/row-security';
import { signToken } from '../../schema/auth/token.service';
import { startServer } from '../../server';
import { LIVE_LOG_BACKGROUND_STATEMENT } from '../../server/live/live-logs';
import { BENCH_ASOF_DATABASE_URL as DATABASE_URL } from './dataset';
import { load, median, settle, type Figures, type Target } from './load';
import { AT_2019, AT_2023, createPairs, type Pair, type WorkloadContext } from './workloads';

const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const ROOT = join(__dirname, '..', '..');
const PORT = 4611;
const API_URL = `http://127.0.0.1:${PORT}/graphql`;
/** Requests of each side timed one at a time before the load. */
const ALONE = 5;
/** `asRecordedAt` is halfway between the recording of the dataset's versions this and the next (seconds apart). */
const RECORDED_VERSION = 6;
/** What dist/ is built from (the server's code). */
const SOURCES = ['server', 'schema', 'db'];
/** Scenes the by-id query cycles over. */
const SCENE_IDS = 1000;

/** This server as `npm start` runs it in production, with the rate limit and the cost limit lifted. */
const API_ENV = {
  JWT_SECRET: SECRET,
  NODE_ENV: 'production',
  RATE_LIMIT_PER_MINUTE: '1000000000',
  QUERY_MAX_COST: '100000000',
  SEED_DEMO_DATA: '0',
};

type Side = 'current' | 'asOf';
const SIDES: Side[] = ['current', 'asOf'];

/** What one request of each side sends: its SQL messages, and with --explain their plans. */
interface Capture {
  statements: number;
  plans: string[];
}

interface PairResult {
  rounds: Record<Side, Figures[]>;
  captures: Record<Side, Capture>;
  /** Median latency of requests sent one at a time (ms). */
  alone: Record<Side, number>;
}

/** What the results file says about the run besides its figures. */
interface RunDescription {
  source: { revision: string; built: string; distStale: boolean };
  dataset: Dataset;
  settings: { rounds: number; duration: number; connections: number };
}

interface Dataset extends WorkloadContext {
  operatorId: string;
  scenes: number;
  versionRows: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      only: { type: 'string' },
      explain: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const source = describeSource();
  const dataset = await readDataset();
  console.log(
    `${DATABASE_URL}: ${dataset.scenes} scenes, ${dataset.versionRows} scene versions; at ${AT_2019} and ${AT_2023}; asRecordedAt ${dataset.recordedAt} (between the recordings of versions ${RECORDED_VERSION} and ${RECORDED_VERSION + 1})`,
  );
  const token = await signToken({ subject: 'bench', operatorId: dataset.operatorId, role: Role.ADMIN, ttl: '2h' }, SECRET);
  const all = createPairs(dataset);
  const selected = values.only ? values.only.split(',').map(Number) : all.map((_, i) => i);
  const pairs = selected.map((i) => all[i]!);
  const captures = await capture(pairs, dataset.operatorId, token, values.explain!);
  const server = await startApi();
  try {
    const alone: Record<string, Record<Side, number>> = {};
    for (const pair of pairs) alone[pair.name] = await checkAnswers(pair, token);
    const target = { url: API_URL, pid: server.pid!, token };
    const rounds = await measure(pairs, target, Number(values.rounds), Number(values.duration), Number(values.connections));
    const results = Object.fromEntries(
      pairs.map((pair) => [pair.name, { rounds: rounds[pair.name]!, captures: captures[pair.name]!, alone: alone[pair.name]! }]),
    );
    const settings = { rounds: Number(values.rounds), duration: Number(values.duration), connections: Number(values.connections) };
    report(
      results,
      { source, dataset, settings },
      values.out ?? join('bench', 'results', `${new Date().toISOString().slice(0, 10)}-as-of.json`),
    );
  } finally {
    server.kill('SIGTERM');
  }
}

/** The dataset's size, an operator for the token, scenes to cycle over and the recorded-time moment. */
async function readDataset(): Promise<Dataset> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select (select id from operator order by name limit 1) as "operatorId",
              (select count(*)::int from scene) as scenes,
              (select count(*)::int from scene_version) as "versionRows",
              (select a + (b - a) / 2 from (select max(recorded_at) filter (where version = $1) as a,
                                                    min(recorded_at) filter (where version = $1 + 1) as b from scene_version) m) as "recordedAt",
              array(select id::text from scene order by md5(name) limit $2) as "sceneIds"`,
      [RECORDED_VERSION, SCENE_IDS],
    );
    const row = rows[0] as Omit<Dataset, 'recordedAt'> & { recordedAt: Date | null };
    if (!row.operatorId || !row.recordedAt)
      throw new Error(`No as-of dataset in ${DATABASE_URL}: run bench/as-of/dataset.ts first (see the comment at the top)`);
    return { ...row, recordedAt: row.recordedAt.toISOString() };
  } finally {
    await client.end();
  }
}

/**
 * One request of each side of each pair to this server in process, counting the SQL messages it
 * sends (the status-event hub's polling left out) and, with `explain`, the plan of each statement.
 */
async function capture(pairs: Pair[], operatorId: string, token: string, explain: boolean): Promise<Record<string, Record<Side, Capture>>> {
  let recording: Array<{ sql: string; params: readonly unknown[] }> | null = null;
  const server = await startServer({
    databaseUrl: DATABASE_URL,
    dataDir: '',
    jwtSecret: SECRET,
    port: 0,
    host: '127.0.0.1',
    production: true,
    limits: { operationsPerMinute: 1e9, maxCost: 1e8 },
    observeQuery: (sql, params) => recording?.push({ sql, params }),
  });
  const platform = server.app.orm.em.getPlatform();
  const captures: Record<string, Record<Side, Capture>> = {};
  try {
    for (const pair of pairs) {
      for (const side of SIDES) {
        recording = [];
        await post(server.url, token, pair[side](0));
        const sent = recording.filter(({ sql }) => !LIVE_LOG_BACKGROUND_STATEMENT.test(sql));
        recording = null;
        const plans = explain ? await explainAll(sent, operatorId, (sql, params) => platform.formatQuery(sql, [...params])) : [];
        (captures[pair.name] ??= {} as Record<Side, Capture>)[side] = { statements: sent.length, plans };
        if (explain) console.log(`\n=== ${pair.name} · ${side}\n${plans.join('\n---\n')}`);
      }
    }
  } finally {
    await server.stop();
  }
  return captures;
}

/**
 * `EXPLAIN (ANALYZE, BUFFERS)` of each query statement sent, as the server ran it: as the viewer
 * (an ADMIN of `operatorId`), in a transaction rolled back afterwards. The compiled read path's
 * one message is taken apart into its statement; the ORM's values are written in as the ORM
 * itself does before sending (`inline`: its platform's formatQuery).
 */
async function explainAll(
  sent: Array<{ sql: string; params: readonly unknown[] }>,
  operatorId: string,
  inline: (sql: string, params: readonly unknown[]) => string,
): Promise<string[]> {
  const settings = viewerSettingsSql({ subject: 'bench', operatorId, role: Role.ADMIN });
  const compiledPrefix = `begin; ${settings}; `;
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const plans: string[] = [];
  try {
    for (const { sql, params } of sent) {
      if (/^(begin|commit|rollback)$/.test(sql) || sql.startsWith('select set_config(')) continue;
      const statement = sql.startsWith(compiledPrefix) ? sql.slice(compiledPrefix.length, -'; commit'.length) : sql;
      const inlined = inline(statement, params);
      await client.query('begin');
      try {
        await client.query(settings);
        const { rows } = await client.query(`explain (analyze, buffers) ${inlined}`);
        plans.push(`${inlined.replace(/\s+/g, ' ').slice(0, 600)}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}`);
      } finally {
        await client.query('rollback');
      }
    }
  } finally {
    await client.end();
  }
  return plans;
}

/** This server compiled, in a child process on PORT; resolves when it is ready. */
function startApi(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: ROOT,
    env: { ...process.env, ...API_ENV, DATABASE_URL, PORT: String(PORT) },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the server did not start within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/GraphQL ready/.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
}

async function post(url: string, token: string, query: string): Promise<{ data?: Record<string, unknown>; errors?: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
}

/**
 * Both sides answer without errors, or the run stops; prints a digest of each answer (the number
 * of scenes, the first one's status and area; the statistics' counts), so that one sees the
 * as-of side read other versions. Then times ALONE requests of each side one after another (no
 * other load from here): the median, a latency without queueing.
 */
async function checkAnswers(pair: Pair, token: string): Promise<Record<Side, number>> {
  const digests: string[] = [];
  const alone = {} as Record<Side, number>;
  for (const side of SIDES) {
    const json = await post(API_URL, token, pair[side](0));
    if (!json.data || json.errors) throw new Error(`${pair.name} (${side}) failed: ${JSON.stringify(json).slice(0, 400)}`);
    digests.push(digest(json.data));
    const times: number[] = [];
    for (let n = 1; n <= ALONE; n++) {
      const started = performance.now();
      await post(API_URL, token, pair[side](n));
      times.push(performance.now() - started);
    }
    alone[side] = median(times);
  }
  console.log(`${pair.name}: current ${digests[0]} / as-of ${digests[1]}; alone ${fixed(alone.current, 1)} / ${fixed(alone.asOf, 1)} ms`);
  return alone;
}

function digest(data: Record<string, unknown>): string {
  const [value] = Object.values(data) as Array<Record<string, unknown> | Array<Record<string, unknown>>>;
  if (Array.isArray(value)) return value.map((group) => `${group.key} ${group.count}`).join(', ');
  const scenes = (value as { edges?: Array<{ node: Record<string, unknown> }> }).edges?.map((edge) => edge.node) ?? [value];
  const first = scenes[0];
  return `${scenes.length} scene(s), first ${first?.status} ${Math.round(Number(first?.areaSquareMeters))} m²`;
}

/** Rounds of every pair, both sides each round (current first in odd rounds), each after the database is idle. */
async function measure(
  pairs: Pair[],
  target: Target,
  rounds: number,
  duration: number,
  connections: number,
): Promise<Record<string, Record<Side, Figures[]>>> {
  const results: Record<string, Record<Side, Figures[]>> = {};
  for (let round = 1; round <= rounds; round++) {
    for (const pair of pairs) {
      for (const side of round % 2 ? SIDES : [...SIDES].reverse()) {
        await settle(DATABASE_URL);
        const figures = await load(pair[side], target, duration, connections);
        ((results[pair.name] ??= { current: [], asOf: [] })[side] ??= []).push(figures);
        console.log(
          `round ${round} ${pair.name.padEnd(52)} ${side.padEnd(7)} p50 ${fixed(figures.p50, 1).padStart(6)} ms  p99 ${fixed(figures.p99, 1).padStart(6)} ms  ${fixed(figures.requestsPerSecond, 1).padStart(7)} req/s  server ${fixed(figures.serverCpuMs, 2)} ms  pg ${fixed(figures.postgresCpuMs, 2)} ms  errors ${figures.errors}`,
        );
      }
    }
  }
  return results;
}

function medians(rounds: Figures[]): Figures {
  const m = (key: keyof Figures) => median(rounds.map((round) => round[key]));
  return {
    p50: m('p50'),
    p99: m('p99'),
    requestsPerSecond: m('requestsPerSecond'),
    serverCpuMs: m('serverCpuMs'),
    postgresCpuMs: m('postgresCpuMs'),
    errors: m('errors'),
  };
}

/** A figure for the table; "–" where there is none. */
function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

/**
 * The commit measured, whether the server's sources differed from it at the start of the run,
 * when dist/ (what the load runs) was built, and whether any source is newer than that build
 * (then the figures are of older code: run `npm run build` first).
 */
function describeSource(): RunDescription['source'] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT }).toString().trim();
  const head = git('rev-parse', '--short', 'HEAD');
  const revision = git('status', '--porcelain', '--', ...SOURCES) ? `${head} with uncommitted changes` : head;
  const stamp = join(ROOT, 'dist', '.build-stamp');
  const distStale = Math.max(...SOURCES.map((source) => newestChange(join(ROOT, source)))) > statSync(stamp).mtimeMs;
  if (distStale) console.warn('dist/ is older than server/, schema/ or db/: these figures are of the code last built');
  return { revision, built: readFileSync(stamp, 'utf8').trim(), distStale };
}

/** The newest modification time of a file at or under `path` (ms), build output left out as scripts/ensure-build.js does. */
function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  const entries = readdirSync(path).filter((entry) => entry !== 'build' && entry !== 'node_modules');
  return Math.max(0, ...entries.map((entry) => newestChange(join(path, entry))));
}

/** A ratio for the table, marked ✗ above the 2×. */
function verdict(ratio: number): string {
  return `${fixed(ratio, 2)}${ratio > 2 ? ' ✗' : ''}`;
}

/** The table (Markdown, as in bench/README.md) of the medians, and the results file with every round. */
function report(results: Record<string, PairResult>, run: RunDescription, out: string): void {
  console.log('\nmedians of the rounds (current / as-of):');
  console.log(
    '| pair | p50 ms | p99 ms | req/s | server CPU ms/req | PostgreSQL CPU ms/req | SQL messages/req | alone ms | as-of ÷ current p50 | … alone |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const summary: Record<string, unknown> = {};
  for (const [name, result] of Object.entries(results)) {
    const current = medians(result.rounds.current);
    const asOf = medians(result.rounds.asOf);
    const both = (key: keyof Figures, digits: number) => `${fixed(current[key], digits)} / ${fixed(asOf[key], digits)}`;
    const ratio = asOf.p50 / current.p50;
    const aloneRatio = result.alone.asOf / result.alone.current;
    const statements = `${result.captures.current.statements} / ${result.captures.asOf.statements}`;
    const alone = `${fixed(result.alone.current, 1)} / ${fixed(result.alone.asOf, 1)}`;
    console.log(
      `| ${name} | ${both('p50', 1)} | ${both('p99', 1)} | ${both('requestsPerSecond', 0)} | ${both('serverCpuMs', 2)} | ${both('postgresCpuMs', 2)} | ${statements} | ${alone} | ${verdict(ratio)} | ${verdict(aloneRatio)} |`,
    );
    summary[name] = { ...result, medians: { current, asOf }, asOfOverCurrentP50: ratio, asOfOverCurrentAlone: aloneRatio };
  }
  const { sceneIds: _ids, ...dataset } = run.dataset;
  const file = resolve(ROOT, out);
  writeFileSync(file, JSON.stringify({ ...run, dataset: { ...dataset, at: [AT_2019, AT_2023] }, pairs: summary }, null, 2));
  console.log(`\nwritten to ${file}`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
