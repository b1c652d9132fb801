import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../schema/shared/context';
import type { Admission } from '../operation/admit';

/**
 * Over HTTP: admits each operation once it is known and before it runs
 * (server/operation/admit.ts: rate limit, subscriptions refused, NUL characters, depth, alias and
 * cost limits), and sends `Retry-After` with RATE_LIMITED. server/ws.ts admits WebSocket
 * operations through the same function.
 */
export function limitsPlugin(admit: Admission): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, request, schema, operationName }) {
          await (contextValue.admission ??
            admit({ schema, document, variables: request.variables, operationName, viewer: contextValue.viewer, transport: 'http' }));
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
