/**
 * The SQL that makes a table keep every version of its rows, with their parts in other tables
 * (an agreement's parties, an intervention's operators), for the migrations that turn it on.
 * Not a migration itself.
 *
 * The version table holds a snapshot of the row and its parts for each change, with its valid
 * time (`valid_from` to `valid_to`: when it held in the world; a change may be backdated, never
 * to before the latest version) and its recorded time (`recorded_at`, `recorded_by`,
 * `recorded_by_operator_id`: when the platform learnt it, from whom; `superseded_at`: when the
 * platform learnt of the next version, or of the deletion, which set `valid_to`). Triggers on the table and on
 * its parts' tables write it, so no write path can skip it. **One version per transaction**: a
 * mutation that changes the row and its parts in several statements makes one version, not one
 * per statement. The writer names the moment and the subject in the transaction's settings
 * `app.effective_at` and `app.subject` (default: now, unknown). A deleted row's versions stay,
 * the last one closed, all marked `deleted_at`.
 */

/** A column of the snapshot: its name in the version table, its type, and the expression on the row `e` that fills it. */
export interface SnapshotColumn {
  name: string;
  type: string;
  from: string;
}

export interface VersionedTable {
  /** The table whose rows are versioned (key `id`, uuid). */
  table: string;
  /** Its version table. */
  versionTable: string;
  columns: SnapshotColumn[];
  /** The fields a version names as changed (GraphQL names), with the snapshot columns that make each up. */
  tracked: Array<[string, string[]]>;
  /** Tables holding parts of the row, with the column that names the row. */
  parts: Array<{ table: string; key: string }>;
  /**
   * When the first version took effect, from the snapshot `snap`, if earlier than its recording
   * (an intervention that began before it was registered); null: when it was recorded.
   */
  firstValidFrom: string | null;
}

/** The version table, its function, triggers and indexes, and one version of each existing row. */
export function versioningSql(spec: VersionedTable): string[] {
  const { table, versionTable } = spec;
  return [
    `create table "${versionTable}" (
      "id" uuid not null,
      "version" int not null,
      "valid_from" timestamptz not null,
      "valid_to" timestamptz null,
      "recorded_at" timestamptz not null default now(),
      "recorded_by" text null,
      "recorded_by_operator_id" uuid null,
      "recorded_txid" bigint null,
      "superseded_at" timestamptz null,
      "changed_fields" text[] null,
      "deleted_at" timestamptz null,
      ${spec.columns.map((c) => `"${c.name}" ${c.type}`).join(',\n      ')},
      constraint "${versionTable}_pkey" primary key ("id", "version"),
      constraint "${versionTable}_valid_order" check ("valid_to" is null or "valid_to" >= "valid_from"),
      constraint "${versionTable}_recorded_order" check ("superseded_at" is null or "superseded_at" >= "recorded_at"))`,
    `create index "${versionTable}_valid_gist" on "${versionTable}" using gist (tstzrange("valid_from", "valid_to"))`,
    `create index "${versionTable}_current_index" on "${versionTable}" ("id") where "valid_to" is null`,
    // one version of each existing row, valid from when it was registered (earlier edits were overwritten)
    `insert into "${versionTable}" (id, version, valid_from, recorded_at, changed_fields, ${columnList(spec)})
     select snap.id, 1, ${spec.firstValidFrom ? `least(snap.created_at, ${spec.firstValidFrom})` : 'snap.created_at'}, snap.created_at,
            ${allFieldsSql(spec)}, ${columnList(spec, 'snap')}
       from (${snapshotSql(spec)}) snap`,
    recordFunctionSql(spec),
    closeFunctionSql(spec),
    `create function ${table}_version_trigger() returns trigger language plpgsql as $$
       begin
         if tg_op = 'DELETE' then perform close_${table}_version(old.id); else perform record_${table}_version(new.id); end if;
         return null;
       end $$`,
    `create trigger "${table}_versions" after insert or update or delete on "${table}" for each row execute function ${table}_version_trigger()`,
    ...spec.parts.flatMap((part) => [
      `create function ${part.table}_version_trigger() returns trigger language plpgsql as $$
         begin
           if tg_op in ('UPDATE', 'DELETE') then perform record_${table}_version(old.${part.key}); end if;
           if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.${part.key} <> old.${part.key}) then
             perform record_${table}_version(new.${part.key});
           end if;
           return null;
         end $$`,
      `create trigger "${part.table}_versions" after insert or update or delete on "${part.table}" for each row execute function ${part.table}_version_trigger()`,
    ]),
    // requests write versions only through the triggers (the functions run as the tables' owner)
    `revoke insert, update, delete, truncate on "${versionTable}" from app_viewer`,
  ];
}

/** The statements that undo versioningSql. */
export function dropVersioningSql(spec: VersionedTable): string[] {
  return [
    ...spec.parts.flatMap((part) => [
      `drop trigger "${part.table}_versions" on "${part.table}"`,
      `drop function ${part.table}_version_trigger()`,
    ]),
    `drop trigger "${spec.table}_versions" on "${spec.table}"`,
    `drop function ${spec.table}_version_trigger()`,
    `drop function record_${spec.table}_version(uuid)`,
    `drop function close_${spec.table}_version(uuid)`,
    `drop table "${spec.versionTable}"`,
  ];
}

// Private:

/** The snapshot of every row (or, with `where`, of some), as `select <columns> from <table> e`. */
function snapshotSql(spec: VersionedTable, where = ''): string {
  return `select e.id, ${spec.columns.map((c) => `${c.from} as "${c.name}"`).join(', ')} from "${spec.table}" e ${where}`;
}

function columnList(spec: VersionedTable, alias?: string): string {
  return spec.columns.map((c) => (alias ? `${alias}."${c.name}"` : `"${c.name}"`)).join(', ');
}

/** Every tracked field, as a text array (a first version sets them all). */
function allFieldsSql(spec: VersionedTable): string {
  return `array[${spec.tracked.map(([field]) => `'${field}'`).join(', ')}]`;
}

/** The tracked fields whose columns differ between the records `a` and `b`. */
function changedFieldsSql(spec: VersionedTable, a: string, b: string): string {
  const cases = spec.tracked.map(
    ([field, columns]) =>
      `case when (${columns.map((c) => `${a}."${c}"`).join(', ')}, null) is distinct from (${columns.map((c) => `${b}."${c}"`).join(', ')}, null) then '${field}' end`,
  );
  return `array_remove(array[${cases.join(',\n        ')}], null)`;
}

/**
 * Records the row's present state as a version: a new one when something tracked changed (closing
 * the one before at the effective moment), or, when this transaction already made one, that one
 * made again (one version per transaction). Refuses a change dated before the latest version
 * (SQLSTATE GE002). Does nothing when the row is gone (its parts are deleted after it).
 */
function recordFunctionSql(spec: VersionedTable): string {
  const t = `"${spec.versionTable}"`;
  return `create function record_${spec.table}_version(p_id uuid) returns void
    language plpgsql security definer set search_path = public, pg_temp as $$
  declare
    effective timestamptz := coalesce(nullif(current_setting('app.effective_at', true), '')::timestamptz, now());
    snap record;
    cur record;
    has_cur boolean;
    changed text[];
  begin
    ${snapshotSql(spec, 'where e.id = p_id').replace(' from ', ' into snap from ')};
    if not found then return; end if;
    select * into cur from ${t} where id = p_id and valid_to is null;
    has_cur := found;
    if has_cur and cur.recorded_txid = txid_current() then
      -- made earlier in this transaction: undone, and made again below from the present state
      delete from ${t} where id = p_id and version = cur.version;
      update ${t} set valid_to = null, superseded_at = null where id = p_id and version = cur.version - 1;
      select * into cur from ${t} where id = p_id and valid_to is null;
      has_cur := found;
    end if;
    if has_cur then
      changed := ${changedFieldsSql(spec, 'snap', 'cur')};
      if cardinality(changed) = 0 then return; end if;
      if cur.valid_from > effective then
        raise exception using errcode = 'GE002', column = 'effectiveAt',
          message = format('a change of ${spec.table} %s dated %s is before its latest version (%s)', p_id, effective, cur.valid_from),
          detail = format('effectiveAt %s is before the ${spec.table}''s latest version took effect (%s)',
                          to_char(effective at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                          to_char(cur.valid_from at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
      end if;
      update ${t} set valid_to = effective, superseded_at = greatest(now(), recorded_at) where id = p_id and version = cur.version;
    else
      changed := ${allFieldsSql(spec)};
      ${spec.firstValidFrom ? `effective := least(effective, ${spec.firstValidFrom});` : ''}
    end if;
    insert into ${t} (id, version, valid_from, recorded_by, recorded_by_operator_id, recorded_txid, changed_fields, ${columnList(spec)})
    values (p_id, coalesce((select max(version) from ${t} where id = p_id), 0) + 1, effective,
            nullif(current_setting('app.subject', true), ''), nullif(current_setting('app.operator_id', true), '')::uuid,
            txid_current(), changed, ${columnList(spec, 'snap')});
  end $$`;
}

/** Closes the versions of a deleted row at the effective moment and marks them deleted. */
function closeFunctionSql(spec: VersionedTable): string {
  const t = `"${spec.versionTable}"`;
  return `create function close_${spec.table}_version(p_id uuid) returns void
    language plpgsql security definer set search_path = public, pg_temp as $$
  declare
    effective timestamptz := coalesce(nullif(current_setting('app.effective_at', true), '')::timestamptz, now());
  begin
    update ${t} set valid_to = greatest(effective, valid_from), superseded_at = greatest(now(), recorded_at) where id = p_id and valid_to is null;
    update ${t} set deleted_at = effective where id = p_id;
  end $$`;
}
