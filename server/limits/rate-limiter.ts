import type { Pool } from 'pg';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Viewer } from '../../schema/auth/role';
import { RateLimitedError } from '../../schema/shared/errors';

/** The table the shared counts live in (created, UNLOGGED, by Migration20261129010000RateLimit). */
export const RATE_LIMIT_TABLE = 'rate_limit';
/** How often an instance adds what it counted to the shared counts and reads back the totals. */
export const RATE_LIMIT_SYNC_MS = 250;
const WINDOW_SECONDS = 60;

/**
 * Operations per token per minute; HTTP requests and WebSocket operations draw on the same
 * allowance. Each instance counts in memory (rate-limiter-flexible), so no request waits for the
 * database. Given `pool` (a PostgreSQL server), every RATE_LIMIT_SYNC_MS the instance adds what it
 * counted to each token's shared row, all tokens in one statement, and takes back the total, which
 * its own counter then holds: behind a load balancer every instance draws on one allowance per
 * token, within 250 ms. Should the database not answer, each instance counts on its own
 * meanwhile. Without a pool (the embedded database, one instance), counts stay in memory.
 */
export function createRateLimiter(operationsPerMinute: number, pool?: Pool) {
  const local = new RateLimiterMemory({ points: operationsPerMinute, duration: WINDOW_SECONDS });
  const unsynced = new Map<string, number>();
  /** Tokens this instance served in the current window, and when last: their totals are read back even when it counted nothing new for them. */
  const seen = new Map<string, number>();
  const state = { syncing: false };
  const timer = pool ? setInterval(() => void sync(pool, local, unsynced, seen, state), RATE_LIMIT_SYNC_MS) : null;
  timer?.unref();
  return {
    /** Counts one operation for the token; RATE_LIMITED with the seconds to wait when it is over. */
    async consume(viewer: Viewer | null): Promise<void> {
      if (!viewer) return; // refused anyway, before any work
      const key = `${viewer.subject}|${viewer.operatorId}|${viewer.role}`;
      try {
        await local.consume(key);
        if (pool) {
          unsynced.set(key, (unsynced.get(key) ?? 0) + 1);
          seen.set(key, Date.now());
        }
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new RateLimitedError(
          `Too many requests: at most ${operationsPerMinute} operations a minute per token; try again in ${seconds} s`,
          seconds,
        );
      }
    },
    /** Stops the synchronisation (the server's stop). */
    stop(): void {
      if (timer) clearInterval(timer);
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

// Private:

/** Adds the counts of the last interval to the shared rows (expired windows start again) and adopts the totals. */
async function sync(
  pool: Pool,
  local: RateLimiterMemory,
  unsynced: Map<string, number>,
  seen: Map<string, number>,
  state: { syncing: boolean },
): Promise<void> {
  if (state.syncing || seen.size === 0) return;
  state.syncing = true;
  for (const [key, at] of seen) if (at < Date.now() - WINDOW_SECONDS * 1000) seen.delete(key);
  // Every token seen in the window, with what was counted for it since the last time (often 0).
  const counted: Array<[string, number]> = [...seen.keys()].map((key) => [key, unsynced.get(key) ?? 0]);
  unsynced.clear();
  try {
    const now = Date.now();
    const { rows } = await pool.query<{ key: string; points: number; expire: string }>(
      `insert into ${RATE_LIMIT_TABLE} (key, points, expire)
         select key, points, $3::bigint from unnest($1::text[], $2::int[]) as counted(key, points)
       on conflict (key) do update set
         points = case when ${RATE_LIMIT_TABLE}.expire > $4 then ${RATE_LIMIT_TABLE}.points + excluded.points else excluded.points end,
         expire = case when ${RATE_LIMIT_TABLE}.expire > $4 then ${RATE_LIMIT_TABLE}.expire else excluded.expire end
       returning key, points, expire`,
      [counted.map(([key]) => key), counted.map(([, points]) => points), now + WINDOW_SECONDS * 1000, now],
    );
    for (const row of rows) {
      const seconds = Math.max(1, Math.ceil((Number(row.expire) - Date.now()) / 1000));
      // What this instance counted while the statement ran is not in the total yet.
      await local.set(row.key, row.points + (unsynced.get(row.key) ?? 0), seconds);
    }
  } catch (error) {
    for (const [key, points] of counted) if (points) unsynced.set(key, (unsynced.get(key) ?? 0) + points); // try again next time
    console.warn('[rate limit] could not share the counts; counting on this instance meanwhile:', (error as Error).message);
  } finally {
    state.syncing = false;
  }
}
