/**
 * What the live benchmarks share: the server under test in a child process (so that the clients'
 * work is not counted as its own), GraphQL over HTTP, and the statistics.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_DATABASE_URL } from '../spatial/dataset';

/** The secret the server under test verifies tokens with; benchmarks sign their tokens with it. */
export const SECRET = 'bench-secret-that-is-long-enough-0123456789';

/** What the server process reports of itself (see server-process.ts). */
export interface ServerStats {
  /** After a full garbage collection. */
  memory: NodeJS.MemoryUsage;
  /** Since the process started, read before the collection. */
  cpu: NodeJS.CpuUsage;
}

export interface ServerProcess {
  port: number;
  /** Heap and RSS after `gc`, and CPU time so far. */
  stats(): Promise<ServerStats>;
  /** Subscriptions open on the status hub and on the watch-area alert hub. */
  subscriptions(): Promise<{ status: number; alerts: number }>;
  /** Starts a CPU profile (`file` null), or stops it and writes it to `file`. */
  profile(file: string | null): Promise<void>;
  /** Stops the server and waits for its process to exit. */
  stop(): Promise<void>;
}

/** Forks bench/live/server-process.ts on the bench database. */
export async function startServerProcess(): Promise<ServerProcess> {
  const child = fork(join(__dirname, 'server-process.ts'), [], {
    execArgv: ['-r', 'ts-node/register/transpile-only', '--expose-gc'],
    env: { ...process.env, BENCH_DATABASE_URL, BENCH_JWT_SECRET: SECRET },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const { port } = await message<{ port: number }>(child, 'port');
  return {
    port,
    stats: () => message<{ stats: ServerStats }>(child, 'stats', 'stats').then((reply) => reply.stats),
    subscriptions: () =>
      message<{ subscriptions: { status: number; alerts: number } }>(child, 'subscriptions', 'subscriptions').then(
        (reply) => reply.subscriptions,
      ),
    profile: (file) => message<{ profiled: string | null }>(child, 'profiled', { profile: file }).then(() => undefined),
    stop: async () => {
      child.send('stop');
      await exited;
    },
  };
}

/** A GraphQL client over HTTP for one token: the `data` of each answer; errors are thrown. */
export function graphqlOverHttp(port: number, token: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a benchmark reads whatever shape it asked for
  return async <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

/** The next message from `child` that carries `key`, after sending `request` if given. */
export function message<T>(child: ChildProcess, key: string, request?: unknown): Promise<T> {
  return new Promise((resolve) => {
    const listener = (value: unknown) => {
      if (value && typeof value === 'object' && key in value) {
        child.off('message', listener);
        resolve(value as T);
      }
    };
    child.on('message', listener);
    if (request !== undefined) child.send(request as string);
  });
}

/** The nearest-rank percentile; NaN for no values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** One decimal. */
export const round = (n: number) => Math.round(n * 10) / 10;
