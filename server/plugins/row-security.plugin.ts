import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../schema/shared/context';
import { closeViewerTransaction, openViewerTransaction } from '../operation/viewer-transaction';

/**
 * Runs each HTTP GraphQL operation in one viewer transaction (server/operation/viewer-transaction.ts):
 * opened just before execution, ended once the response is ready; a mutation with errors is
 * rolled back and answered with `data: null`.
 */
export function rowSecurityPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue }) {
          await openViewerTransaction(contextValue);
        },
        async willSendResponse({ contextValue, operation, response }) {
          if (response.body.kind !== 'single') return; // incremental delivery is not enabled
          response.body.singleResult = await closeViewerTransaction(contextValue, operation?.operation, response.body.singleResult);
        },
      };
    },
  };
}
