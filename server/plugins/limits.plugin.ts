import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../schema/shared/context';
import { assertWithinLimits, type QueryLimits } from '../limits/query-limits';
import type { RateLimiter } from '../limits/rate-limiter';

/**
 * Over HTTP: the per-token rate limit (429 with Retry-After) and the depth, alias and cost
 * limits (QUERY_TOO_COMPLEX), checked once the operation is known and before it runs.
 * server/ws.ts applies the same checks to WebSocket operations.
 */
export function limitsPlugin(limits: QueryLimits, rateLimiter: RateLimiter): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, request, schema, operationName }) {
          await rateLimiter.consume(contextValue.viewer);
          assertWithinLimits(schema, document, request.variables, operationName, limits);
        },
        async willSendResponse({ response, errors }) {
          const limited = errors?.find((error) => error.extensions?.code === 'RATE_LIMITED');
          const seconds = limited?.extensions?.retryAfterSeconds;
          if (typeof seconds === 'number') response.http.headers.set('retry-after', String(seconds));
        },
      };
    },
  };
}
