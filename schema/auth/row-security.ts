import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { Role, type Viewer } from './role';

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
  await em.execute(viewerSettingsSql(viewer));
}

/**
 * The statement that makes a transaction the viewer's: the role `app_viewer` and the viewer's
 * operator and role, for that transaction only. Literals, not parameters, so that it can share
 * one message of the simple protocol with `begin` (server/operation/compiled-read.ts); safe
 * because both are checked here against their only possible shapes.
 */
export function viewerSettingsSql(viewer: Viewer | null): string {
  const operatorId = viewer?.operatorId ?? '';
  const role = viewer?.role ?? '';
  if (
    !/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/i.test(operatorId) ||
    (role !== '' && !Object.values(Role).includes(role))
  ) {
    throw new Error('A viewer with an operator id or a role of an unknown shape reached the database layer');
  }
  return `select set_config('role', 'app_viewer', true), set_config('app.operator_id', '${operatorId}', true), set_config('app.role', '${role}', true)`;
}

/** Every column as the text PostgreSQL sent: a JSON answer is passed on as it is, never parsed and written again. */
const AS_TEXT = { getTypeParser: () => (text: string) => text };

/**
 * Runs one read statement (values written into it as literals, one column) in a viewer
 * transaction on `client`, all as **one message** of the simple protocol, one round trip: begin,
 * the viewer's settings, the statement, commit. Returns the statement's first value as the text
 * PostgreSQL sent. On any failure the transaction is rolled back and the error thrown. `observe`
 * sees the message.
 */
export async function readAsViewer(
  client: pg.Client,
  viewer: Viewer | null,
  statement: string,
  observe?: (sql: string) => void,
): Promise<string | null> {
  const message = `begin; ${viewerSettingsSql(viewer)}; ${statement}; commit`;
  observe?.(message);
  try {
    const results = (await client.query({ text: message, types: AS_TEXT })) as unknown as Array<
      pg.QueryResult<Record<string, string | null>>
    >;
    const row = results[2]!.rows[0];
    return row ? (Object.values(row)[0] ?? null) : null;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
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
