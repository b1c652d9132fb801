/**
 * Times each spatial query through the API (HTTP, a real server on the bench database) against
 * the very SQL the server sent for it, replayed directly with `pg`; prints p50/p99 and the ratio
 * and writes bench/results/<date>-spatial-<role>.json. Load the data first with bench/spatial/dataset.ts.
 * The token's role matters: every request runs under row-level security as that role.
 *
 *   npx ts-node --transpile-only bench/spatial/run.ts [--requests 200] [--warmup 20] [--seed 42] [--role ANALYST]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { Role } from '../../schema/auth/role';
import { signToken } from '../../schema/auth/token.service';
import { startServer } from '../../server';
import { BENCH_DATABASE_URL } from './dataset';
import { SCENARIOS, type Scenario } from './scenarios';

const SECRET = 'bench-secret-that-is-long-enough-0123456789';

interface Timing {
  name: string;
  apiP50: number;
  apiP99: number;
  sqlP50: number;
  sqlP99: number;
  statements: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '20' },
      seed: { type: 'string', default: '42' },
      role: { type: 'string', default: 'ADMIN' },
    },
  });
  const role = values.role as Role;
  if (!(role in Role)) throw new Error(`--role must be one of ${Object.keys(Role).join(', ')}`);
  const requests = Number(values.requests);
  const warmup = Number(values.warmup);
  let captured: Array<{ sql: string; params: readonly unknown[] }> | null = null;
  const server = await startServer({
    databaseUrl: BENCH_DATABASE_URL,
    dataDir: '',
    jwtSecret: SECRET,
    port: 0,
    host: '127.0.0.1',
    observeQuery: (sql, params) => captured?.push({ sql, params }),
    limits: { operationsPerMinute: 1_000_000 }, // the benchmark is one very busy token
  });
  const db = new Client({ connectionString: BENCH_DATABASE_URL });
  await db.connect();
  // The server's driver inlines bound values into the SQL it sends; replay it the same way.
  const platform = server.app.orm.em.getPlatform();
  const {
    rows: [operator],
  } = await db.query('select id from operator order by name limit 1');
  const { rows: sceneIds } = await db.query("select id from scene where status = 'ACTIVE' order by name limit 500");
  const token = await signToken({ subject: 'bench', operatorId: operator.id, role, ttl: '1h' }, SECRET);
  const random = mulberry32(Number(values.seed));
  const timings: Timing[] = [];

  for (const scenario of SCENARIOS) {
    const api: number[] = [];
    const sql: number[] = [];
    let statements = 0;
    for (let i = 0; i < warmup + requests; i++) {
      const variables = scenario.variables(
        random,
        sceneIds.map((row) => row.id as string),
      );
      captured = [];
      const t0 = performance.now();
      const body = await post(server.url, token, scenario, variables);
      const apiMs = performance.now() - t0;
      const statementsOfRequest = captured;
      captured = null;
      if (body.errors) throw new Error(`${scenario.name}: ${JSON.stringify(body.errors)}`);
      const t1 = performance.now();
      for (const statement of statementsOfRequest) {
        await db.query(platform.formatQuery(statement.sql, statement.params as unknown[]));
      }
      const sqlMs = performance.now() - t1;
      if (i >= warmup) {
        api.push(apiMs);
        sql.push(sqlMs);
        statements = statementsOfRequest.length;
      }
    }
    timings.push({
      name: scenario.name,
      apiP50: percentile(api, 50),
      apiP99: percentile(api, 99),
      sqlP50: percentile(sql, 50),
      sqlP99: percentile(sql, 99),
      statements,
    });
  }
  await db.end();
  await server.stop();
  report(timings, requests, role);
}

async function post(url: string, token: string, scenario: Scenario, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: scenario.query, variables }),
  });
  return (await response.json()) as { errors?: unknown };
}

function report(timings: Timing[], requests: number, role: Role): void {
  const rows = timings.map((t) => ({
    query: t.name,
    'API p50 ms': t.apiP50.toFixed(1),
    'API p99 ms': t.apiP99.toFixed(1),
    'SQL p50 ms': t.sqlP50.toFixed(1),
    'SQL p99 ms': t.sqlP99.toFixed(1),
    'ratio p50': t.statements ? (t.apiP50 / t.sqlP50).toFixed(2) : '-',
    statements: t.statements,
    'targets (≤2×, <50 ms)': !t.statements ? '-' : t.apiP50 <= 2 * t.sqlP50 && t.apiP50 < 50 ? 'met' : 'MISSED',
  }));
  console.table(rows);
  const dir = join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().slice(0, 10)}-spatial-${role.toLowerCase()}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ requests, role, measuredAt: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`,
  );
  console.log(`written ${file}`);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** A small seeded PRNG, so that every run asks the same questions. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
