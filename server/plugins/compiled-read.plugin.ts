import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../schema/shared/context';
import type { CompiledReads } from '../operation/compiled-read';

/**
 * Over HTTP, inside Apollo: answers a query operation from its one compiled statement
 * (server/operation/compiled-read.ts) instead of running the resolvers, once the operation has
 * been admitted; anything that does not compile is executed as usual. Most compiled reads never
 * get here: the fast lane in front of Apollo (server/http-reads.ts) answers them, and what it
 * tried without an answer (a folded check that refused) is not tried again here.
 */
export function compiledReadPlugin(answer: CompiledReads): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ contextValue, document, request, schema, operationName, operation }) {
          if (operation.operation !== 'query' || contextValue.compiledReadTried) return null;
          const data = await answer({ schema, document, operationName, variables: request.variables, viewer: contextValue.viewer });
          if (data === null) return null;
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: JSON.parse(data) } },
          };
        },
      };
    },
  };
}
