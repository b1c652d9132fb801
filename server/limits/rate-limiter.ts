import type { Pool } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Viewer } from '../../schema/auth/role';
import { RateLimitedError } from '../../schema/shared/errors';

/** The table the shared counts live in (created, UNLOGGED, by Migration20261129010000RateLimit). */
export const RATE_LIMIT_TABLE = 'rate_limit';

/**
 * Operations per token per minute; HTTP requests and WebSocket operations draw on the same
 * allowance. Given `pool` (a PostgreSQL server), the counts are kept in the database, so that
 * every instance behind a load balancer shares one allowance per token; should the database not
 * answer, each instance counts on its own meanwhile. Without it (the embedded database, one
 * instance), they are kept in memory.
 */
export function createRateLimiter(operationsPerMinute: number, pool?: Pool) {
  const options = { points: operationsPerMinute, duration: 60 };
  const limiter: RateLimiterAbstract = pool
    ? new RateLimiterPostgres({
        ...options,
        storeClient: pool,
        storeType: 'pool',
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        clearExpiredByTimeout: true,
        insuranceLimiter: new RateLimiterMemory(options),
      })
    : new RateLimiterMemory(options);
  return {
    /** Counts one operation for the token; RATE_LIMITED with the seconds to wait when it is over. */
    async consume(viewer: Viewer | null): Promise<void> {
      if (!viewer) return; // refused anyway, before any work
      try {
        await limiter.consume(`${viewer.subject}|${viewer.operatorId}|${viewer.role}`);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new RateLimitedError(
          `Too many requests: at most ${operationsPerMinute} operations a minute per token; try again in ${seconds} s`,
          seconds,
        );
      }
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
