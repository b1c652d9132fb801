/**
 * One measured run of load on a GraphQL server (bench/as-of/run.ts): autocannon sends a document
 * per request, this module times every response itself and takes the CPU the server process and
 * PostgreSQL (all its processes, from /proc) spent meanwhile, per request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import type { Body } from './workloads';

const TICKS_PER_SECOND = 100;

/** One run's figures; those per request are NaN (null in the JSON) when no request finished. */
export interface Figures {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  serverCpuMs: number;
  postgresCpuMs: number;
  errors: number;
}

export interface Target {
  /** The GraphQL endpoint. */
  url: string;
  /** The server's process, whose CPU is counted. */
  pid: number;
  /** A bearer token. */
  token: string;
}

/**
 * `connections` connections sending `body(n)` for request n for `duration` seconds. p50 and p99
 * come from each response's own time (autocannon's histogram keeps whole milliseconds).
 */
export async function load(body: Body, target: Target, duration: number, connections: number): Promise<Figures> {
  const serverBefore = cpuTicks(target.pid);
  const postgresBefore = postgresTicks();
  let n = 0;
  const latencies: number[] = [];
  const options: autocannon.Options = {
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
    requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: body(n++) }) }) }],
    connections,
    duration,
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, statusCode, _bytes, ms) => {
      if (statusCode === 200) latencies.push(ms);
    });
  });
  const requests = latencies.length;
  const serverMs = ((cpuTicks(target.pid) - serverBefore) / TICKS_PER_SECOND) * 1000;
  const postgresMs = (postgresTicksSince(postgresBefore) / TICKS_PER_SECOND) * 1000;
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    requestsPerSecond: result.requests.average,
    serverCpuMs: requests ? serverMs / requests : NaN,
    postgresCpuMs: requests ? postgresMs / requests : NaN,
    errors: result.errors + result.non2xx,
  };
}

/**
 * Waits (at most a minute) until the database runs nothing but this check: a run's last accepted
 * requests may still be working when autocannon stops, and would count against the next one.
 */
export async function settle(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let i = 0; i < 120; i++) {
      const { rows } = await client.query(
        `select count(*)::int as busy from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() and datname = current_database()`,
      );
      if (rows[0].busy === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
}

/** The median of the finite values (NaN if there are none). */
export function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

// Private:

/** The nearest-rank percentile `q` of `values` (NaN when empty). */
function percentile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** A process's CPU ticks (user + system), 0 once it has ended. */
function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  } catch {
    return 0;
  }
}

/** The CPU ticks of each PostgreSQL process now. */
function postgresTicks(): Map<number, number> {
  const pids = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
      } catch {
        return false;
      }
    });
  return new Map(pids.map((pid) => [pid, cpuTicks(pid)]));
}

/** PostgreSQL's ticks since `before`, process by process: a backend started meanwhile counts whole, one ended meanwhile drops out. */
function postgresTicksSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, ticks] of postgresTicks()) total += Math.max(0, ticks - (before.get(pid) ?? 0));
  return total;
}
