import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Viewer } from '../../schema/auth/role';
import { RateLimitedError } from '../../schema/shared/errors';

/**
 * Operations per token per minute, counted per instance (behind a load balancer each instance
 * allows this many). HTTP requests and WebSocket operations draw on the same allowance.
 */
export function createRateLimiter(operationsPerMinute: number) {
  const limiter = new RateLimiterMemory({ points: operationsPerMinute, duration: 60 });
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
