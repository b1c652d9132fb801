import { execute, getOperationAST, GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Viewer } from '../../schema/auth/role';
import type { Context } from '../../schema/shared/context';
import { formatError } from '../format-error';
import type { Admission } from './admit';
import type { DocumentCache } from './documents';
import { abandonViewerTransaction, closeViewerTransaction, openViewerTransaction } from './viewer-transaction';

export interface OperationRunnerOptions {
  schema: GraphQLSchema;
  documents: DocumentCache;
  admit: Admission;
  /** A fresh context for one operation (server/context.ts), as HTTP and the WebSocket build it. */
  contextFor(viewer: Viewer): Context;
}

/** What an in-process operation answers: data, or the errors as a client would get them (codes, masked faults). */
export interface OperationOutcome<T = Record<string, unknown>> {
  data: T | null;
  errors: readonly GraphQLFormattedError[];
}

/**
 * Runs a GraphQL operation in process, for transports that speak another protocol (the OGC API
 * write routes): the same pipeline as HTTP and the WebSocket, admission, one viewer transaction
 * (a mutation with any error rolled back whole, its audit rows with it; the status-event hub
 * woken after commit), the same `formatError`. With `dryRun` the transaction is always rolled
 * back: the answer says whether the rules would let the operation through, and nothing is kept.
 */
export function createOperationRunner(options: OperationRunnerOptions) {
  const { schema, documents, admit, contextFor } = options;
  return async function run<T = Record<string, unknown>>(
    viewer: Viewer,
    query: string,
    variables: Record<string, unknown>,
    { dryRun = false } = {},
  ): Promise<OperationOutcome<T>> {
    const { document, errors } = documents(query);
    // The operations are the adapter's own constants: one that does not validate is our fault.
    if (errors) throw new Error(`Invalid in-process operation: ${errors.map((error) => error.message).join('; ')}`);
    try {
      await admit({ schema, document, variables, operationName: undefined, viewer, transport: 'http' });
    } catch (error) {
      if (error instanceof GraphQLError) return { data: null, errors: [formatError(error.toJSON(), error)] };
      throw error;
    }
    const context = contextFor(viewer);
    await openViewerTransaction(context);
    let result;
    try {
      result = await execute({ schema, document, variableValues: variables, contextValue: context });
    } catch (error) {
      await abandonViewerTransaction(context);
      throw error;
    }
    if (dryRun) await abandonViewerTransaction(context);
    else result = await closeViewerTransaction(context, getOperationAST(document)?.operation, result);
    return {
      data: (result.data as T | null | undefined) ?? null,
      errors: (result.errors ?? []).map((error) => formatError(error.toJSON(), error)),
    };
  };
}

export type OperationRunner = ReturnType<typeof createOperationRunner>;
