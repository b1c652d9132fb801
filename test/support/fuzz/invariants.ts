import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import type { TestServer } from '../test-server';
import type { Caller, FuzzWorld, Secret } from './world';

/** A broken invariant, named, with what showed it. */
export class InvariantViolation extends Error {
  constructor(
    readonly invariant: Invariant,
    detail: string,
  ) {
    super(`${invariant}: ${detail}`);
    this.name = 'InvariantViolation';
  }
}

export type Invariant =
  | 'no 5xx or internal error'
  | 'nothing stored on a failed operation'
  | 'no secret to a caller who may not see it'
  | '/health within 1 s'
  | 'memory bounded';

/**
 * An answer (HTTP status and body, or what a socket received and its close code): no 5xx, no
 * INTERNAL_SERVER_ERROR, no socket closed as a server fault (1011, 4500), and none of the
 * secrets' markers unless the caller may see that secret.
 */
export function checkAnswer(world: FuzzWorld, caller: Caller, answer: { status: number; body: string }, label: string): void {
  if (answer.status >= 500 || answer.status === 1011 || answer.status === 4500) {
    throw new InvariantViolation(
      'no 5xx or internal error',
      `${label} as ${caller.name}: status ${answer.status}: ${answer.body.slice(0, 300)}`,
    );
  }
  if (answer.body.includes('INTERNAL_SERVER_ERROR')) {
    throw new InvariantViolation('no 5xx or internal error', `${label} as ${caller.name}: ${answer.body.slice(0, 300)}`);
  }
  for (const secret of Object.keys(world.markers) as Secret[]) {
    if (caller.sees.has(secret)) continue;
    const marker = world.markers[secret].find((text) => answer.body.includes(text));
    if (marker)
      throw new InvariantViolation(
        'no secret to a caller who may not see it',
        `${label} as ${caller.name} received ${secret} data (${marker})`,
      );
  }
}

/**
 * A fingerprint of everything stored: for each table (but the rate limit's counters), its row
 * count and a hash of every row's text, in one statement, read as the tables' owner (past row security).
 */
export async function createFingerprint(server: TestServer): Promise<() => Promise<string>> {
  const em = server.orm.em.fork();
  const tables = await em.execute<Array<{ name: string }>>(
    `select tablename as name from pg_tables where schemaname = 'public' and tablename not in ('rate_limit', 'mikro_orm_migrations') order by 1`,
  );
  const sql = `select ${tables.map(({ name }) => `(select count(*) || ':' || coalesce(sum(hashtext(t::text)), 0) from "${name}" t) as "${name}"`).join(', ')}`;
  return async () => JSON.stringify((await server.orm.em.fork().execute(sql))[0]);
}

export function checkNothingStored(before: string, after: string, label: string): void {
  if (before === after) return;
  const [was, is] = [JSON.parse(before), JSON.parse(after)] as Array<Record<string, string>>;
  const changed = Object.keys(is!).filter((table) => was![table] !== is![table]);
  throw new InvariantViolation('nothing stored on a failed operation', `${label} changed ${changed.join(', ')}`);
}

/** Pings /health every `everyMs` while the run lasts; `stop` throws unless every answer came within 1 s. */
export function watchHealth(base: string, everyMs = 250): { stop(): Promise<{ pings: number; slowestMs: number }> } {
  let slowestMs = 0;
  let pings = 0;
  let failure: string | null = null;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      try {
        const response = await fetch(`${base}/health`, { signal: AbortSignal.timeout(5_000) });
        if (response.status !== 200) failure ??= `status ${response.status}`;
      } catch (error) {
        failure ??= (error as Error).message;
      }
      slowestMs = Math.max(slowestMs, Date.now() - started);
      pings += 1;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      if (failure) throw new InvariantViolation('/health within 1 s', `a ping failed: ${failure}`);
      if (slowestMs > 1_000) throw new InvariantViolation('/health within 1 s', `the slowest of ${pings} pings took ${slowestMs} ms`);
      return { pings, slowestMs };
    },
  };
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The heap in use after full garbage collections, in bytes. */
export function heapAfterGc(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Throws unless the heap grew by at most `boundBytes` from `before`. */
export function checkHeapBounded(before: number, after: number, boundBytes: number, operations: number): void {
  const grown = after - before;
  if (grown > boundBytes) {
    throw new InvariantViolation(
      'memory bounded',
      `the heap grew ${(grown / 1e6).toFixed(1)} MB over ${operations} operations (${Math.round(grown / operations)} bytes each); at most ${(boundBytes / 1e6).toFixed(0)} MB`,
    );
  }
}
