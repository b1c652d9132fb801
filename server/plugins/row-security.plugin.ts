import type { ApolloServerPlugin } from '@apollo/server';
import { beginAsViewer, endViewerTransaction } from '../../schema/auth/row-security';
import type { Context } from '../../schema/shared/context';

/**
 * Runs each HTTP GraphQL operation in one viewer transaction (schema/auth/row-security.ts):
 * opened just before execution, committed once the response is ready. After a mutation the
 * status-event hub is woken, now that what it wrote is committed.
 */
export function rowSecurityPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue }) {
          await beginAsViewer(contextValue.em, contextValue.viewer);
        },
        async willSendResponse({ contextValue, operation }) {
          if (!contextValue.em.getTransactionContext()) return;
          await endViewerTransaction(contextValue.em);
          if (operation?.operation === 'mutation') void contextValue.events.wake();
        },
      };
    },
  };
}
