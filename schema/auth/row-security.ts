import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from './role';

/**
 * The one place where a caller's identity reaches the database. Every request (HTTP GraphQL,
 * WebSocket operations, each subscription event, tiles, exports, OGC) runs in a transaction
 * that switches to the role `app_viewer` and sets `app.operator_id` and `app.role` for that
 * transaction only; the row-level security policy on `intervention`
 * (db/migrations/Migration20261123040000RowSecurity.ts) then decides what is visible, on every
 * read path, whether it goes through the ORM or raw SQL. Without a viewer the settings are
 * empty and no intervention is visible.
 */
export async function beginAsViewer(em: EntityManager, viewer: Viewer | null): Promise<void> {
  await em.begin();
  await em.execute(
    `select set_config('role', 'app_viewer', true), set_config('app.operator_id', ?, true), set_config('app.role', ?, true)`,
    [viewer?.operatorId ?? '', viewer?.role ?? ''],
  );
}

/**
 * Ends the transaction `beginAsViewer` started: commits, or rolls back when `failed`. It does not
 * flush: services flush what they change inside their own (nested) transactions.
 */
export async function endViewerTransaction(em: EntityManager, failed = false): Promise<void> {
  const transaction = em.getTransactionContext();
  if (!transaction) return;
  em.resetTransactionContext();
  if (failed) await em.getConnection().rollback(transaction);
  else await em.getConnection().commit(transaction);
}

/** Runs `work` in a viewer transaction on `em`, committing when it succeeds and rolling back when it throws. */
export async function asViewer<T>(em: EntityManager, viewer: Viewer | null, work: () => Promise<T>): Promise<T> {
  await beginAsViewer(em, viewer);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await endViewerTransaction(em, true).catch(() => undefined);
    throw error;
  }
  await endViewerTransaction(em);
  return result;
}
