import type { OperationTypeNode } from 'graphql';
import { beginAsViewer, endViewerTransaction } from '../../schema/auth/row-security';
import type { Context } from '../../schema/shared/context';

/** Contexts whose transaction was opened here (an operation answered by the compiled read path never opens one). */
const opened = new WeakSet<Context>();

/**
 * The one place a GraphQL operation's viewer transaction (schema/auth/row-security.ts) begins and
 * ends, for HTTP and the WebSocket alike. Opened just before execution; at the end a mutation
 * whose answer holds any error is rolled back as a whole (its writes, status events and audit
 * rows with it) and answered with `data: null`, so that a failed mutation stores nothing, even
 * when only a field selected under it failed. Anything else commits; after a committed
 * mutation the live logs are woken, now that what it wrote can be read.
 */
export async function openViewerTransaction(ctx: Context): Promise<void> {
  opened.add(ctx);
  await beginAsViewer(ctx.em, ctx.viewer);
}

/** Commits or rolls back (see openViewerTransaction) and returns the result to send. */
export async function closeViewerTransaction<T extends { data?: unknown; errors?: readonly unknown[] }>(
  ctx: Context,
  operation: OperationTypeNode | undefined,
  result: T,
): Promise<T> {
  if (!opened.delete(ctx) || !ctx.em.getTransactionContext()) return result;
  const isMutation = operation === 'mutation';
  if (isMutation && result.errors?.length) {
    await endViewerTransaction(ctx.em, true);
    return { ...result, data: null };
  }
  await endViewerTransaction(ctx.em);
  if (isMutation) void ctx.wakeLive();
  return result;
}

/** Rolls back after execution itself threw (no result to send). */
export async function abandonViewerTransaction(ctx: Context): Promise<void> {
  if (!opened.delete(ctx)) return;
  await endViewerTransaction(ctx.em, true).catch(() => undefined);
}
