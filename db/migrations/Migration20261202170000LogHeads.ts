import { Migration } from '@mikro-orm/migrations';

const HEADS = [
  { fn: 'change_event_head', table: 'change_event' },
  { fn: 'watch_area_alert_head', table: 'watch_area_alert' },
] as const;

/**
 * The newest id of the change log and of the watch-area alerts, whatever the caller may see (the
 * `changeEventCursor` and `watchAreaAlertCursor` queries), read by a function that runs as the
 * logs' owner, so that a request reads it inside its own viewer transaction. On the embedded
 * database a second connection waited for that transaction to end, and the request with it.
 */
export class Migration20261202170000LogHeads extends Migration {
  override async up(): Promise<void> {
    for (const { fn, table } of HEADS)
      this.addSql(`create function ${fn}() returns bigint language sql stable security definer set search_path = public, pg_temp
         as $$ select coalesce(max(id), 0) from ${table} $$`);
  }

  override async down(): Promise<void> {
    for (const { fn } of HEADS) this.addSql(`drop function ${fn}()`);
  }
}
