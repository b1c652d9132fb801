/**
 * The SQL of the change log (`change_event`), for the migration that creates it. Not a migration itself.
 *
 * One row per committed change of a scene, an agreement or an intervention, per share of an
 * intervention, and per notice that a day has come (an agreement nearing its end, a commitment
 * falling due; written by `record_due_notices`). Each row carries a small snapshot (title, kind,
 * scenes, parties, location before and after) so that subscribers are filtered without reading
 * the subject again, and ids in commit order: the writer holds the same advisory lock as the
 * status outbox from taking an id until it commits.
 *
 * How a change is logged, so that no write path can skip it, a mutation of many statements logs
 * once, and a bulk load of 100 000 rows stays a few set-based statements:
 * 1. statement triggers on the version tables (and on `intervention_share`) note which subjects
 *    this transaction touched, in `change_pending`, and mark the transaction in `change_commit`;
 * 2. one deferred trigger on that mark runs at commit, once per transaction: it takes the lock
 *    (last, as the status outbox does, so no writer waits for it while holding row locks), logs
 *    each subject from its latest version, raises the watch-area alerts, and clears the notes.
 */

/** Advisory lock key that orders every log's ids by commit (the status outbox uses the same). */
const EVENT_ORDER_LOCK = 7_340_611;

/** What a subject's snapshot columns are filled from, as expressions on its latest version `v`. */
interface LoggedSubject {
  subject: 'SCENE' | 'AGREEMENT' | 'INTERVENTION';
  versionTable: string;
  /** The geometry column of the version. */
  location: string;
  /** Snapshot column → expression on `v`. */
  snapshot: Record<string, string>;
}

const SUBJECTS: LoggedSubject[] = [
  {
    subject: 'SCENE',
    versionTable: 'scene_version',
    location: 'area',
    snapshot: { title: 'v.name', status: 'v.status', scene_id: 'v.id', scene_ids: 'array[v.id]' },
  },
  {
    subject: 'AGREEMENT',
    versionTable: 'agreement_version',
    location: 'area',
    snapshot: {
      title: 'v.title',
      kind: 'v.kind',
      scene_ids: 'v.scene_ids',
      party_ids: `array(select (p->>'operatorId')::uuid from jsonb_array_elements(v.parties) p)`,
      due_date: 'v.agreement_valid_to',
    },
  },
  {
    subject: 'INTERVENTION',
    versionTable: 'intervention_version',
    location: 'location',
    snapshot: {
      title: 'v.title',
      kind: 'v.kind',
      category: 'v.category',
      scene_id: 'v.scene_id',
      scene_ids: 'array[v.scene_id]',
      party_ids: 'array(select distinct o from unnest(v.operator_ids || v.owner_id) o order by o)',
      agreement_id: 'v.agreement_id',
      owner_id: 'v.owner_id',
      sensitivity: 'v.sensitivity',
      starts_at: 'v.starts_at',
      ends_at: 'v.ends_at',
    },
  },
];

/** Every statement that creates the log, its triggers, the notices and watch areas with their alerts. */
export function changeLogSql(interventionRule: (table: string) => string): string[] {
  return [
    `create sequence "change_event_id_seq"`,
    `create table "change_event" (
      "id" bigint primary key,
      "subject" text not null check ("subject" in ('SCENE', 'AGREEMENT', 'INTERVENTION', 'COMMITMENT')),
      "subject_id" uuid not null,
      "action" text not null check ("action" in ('CREATED', 'CHANGED', 'SHARED', 'DELETED', 'EXPIRING', 'DUE')),
      "version" int null,
      "changed_fields" text[] not null default '{}',
      "txid" bigint null,
      "occurred_at" timestamptz not null,
      "recorded_at" timestamptz not null default now(),
      "recorded_by" text null,
      "recorded_by_operator_id" uuid null,
      "title" text not null,
      "kind" text null,
      "category" text null,
      "status" text null,
      "scene_id" uuid null,
      "scene_ids" uuid[] not null default '{}',
      "party_ids" uuid[] not null default '{}',
      "agreement_id" uuid null,
      "owner_id" uuid null,
      "sensitivity" text null,
      "starts_at" timestamptz null,
      "ends_at" timestamptz null,
      "location" geometry(Geometry, 4326) null,
      "previous_location" geometry(Geometry, 4326) null,
      "due_date" date null,
      "days_left" int null,
      "previous_days_left" int null)`,
    `create unique index "change_event_once_per_transaction" on "change_event" ("subject", "subject_id", "action", "txid") where "txid" is not null`,
    `create index "change_event_subject_index" on "change_event" ("subject", "subject_id", "action")`,
    `create index "change_event_txid_index" on "change_event" ("txid") where "txid" is not null`,
    `create index "change_event_location_gist" on "change_event" using gist ("location")`,
    `create index "change_event_previous_location_gist" on "change_event" using gist ("previous_location")`,
    // writers in code (the status outbox) take the same lock through this function: the key lives here only
    `create function take_event_order_lock() returns void language sql as $$ select pg_advisory_xact_lock(${EVENT_ORDER_LOCK}) $$`,
    ...pendingChangesSql(),
    logPendingChangesSql(),
    `create constraint trigger "change_commit_log" after insert on "change_commit"
       deferrable initially deferred for each row execute function log_pending_changes()`,
    dueNoticesFunctionSql(),
    ...watchAreaSql(),
    // requests read the log under row security and never write it (the functions above run as its owner)
    `revoke insert, update, delete, truncate on "change_event" from app_viewer`,
    `revoke insert, update, delete, truncate on "watch_area_alert" from app_viewer`,
    `alter table "change_event" enable row level security`,
    // An intervention's change reaches a caller who may see that version of it (the history's policy,
    // on intervention_version); its deletion, one who could see it as it last stood.
    `create policy change_event_read on "change_event" for select to app_viewer using (
       subject <> 'INTERVENTION'
       or (action <> 'DELETED' and exists (
             select 1 from intervention_version v where v.id = change_event.subject_id and v.version = change_event.version))
       or (action = 'DELETED' and exists (
             select 1 from (select change_event.subject_id as id, change_event.owner_id, change_event.sensitivity,
                                   change_event.scene_id, change_event.starts_at, change_event.ends_at) ev
              where ${interventionRule('ev')})))`,
  ];
}

export function dropChangeLogSql(): string[] {
  return [
    `drop table "watch_area_alert"`,
    `drop sequence "watch_area_alert_id_seq"`,
    `drop table "watch_area"`,
    `drop function record_due_notices(date, int)`,
    `drop table "change_commit"`,
    `drop function log_pending_changes()`,
    `drop table "change_pending"`,
    ...SUBJECTS.flatMap(({ versionTable }) => [
      `drop trigger "${versionTable}_inserted" on "${versionTable}"`,
      `drop trigger "${versionTable}_updated" on "${versionTable}"`,
    ]),
    `drop trigger "intervention_share_inserted" on "intervention_share"`,
    `drop function note_pending_versions()`,
    `drop function note_pending_shares()`,
    `drop function take_event_order_lock()`,
    `drop table "change_event"`,
    `drop sequence "change_event_id_seq"`,
  ];
}

// Private:

/** Step 1: statement triggers note the subjects a transaction touched (set-based: one statement per statement). */
function pendingChangesSql(): string[] {
  return [
    `create table "change_pending" (
      "txid" bigint not null,
      "subject" text not null,
      "subject_id" uuid not null,
      "shared" boolean not null,
      constraint "change_pending_pkey" primary key ("txid", "subject", "subject_id", "shared"))`,
    `create table "change_commit" ("txid" bigint primary key)`,
    `revoke all on "change_pending", "change_commit" from app_viewer`,
    `create function note_pending_versions() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
     begin
       insert into change_pending (txid, subject, subject_id, shared)
       select distinct txid_current(), tg_argv[0], c.id, false from changed c
       on conflict do nothing;
       if found then insert into change_commit (txid) values (txid_current()) on conflict do nothing; end if;
       return null;
     end $$`,
    ...SUBJECTS.flatMap(({ subject, versionTable }) =>
      [
        ['inserted', 'insert'],
        ['updated', 'update'],
      ].map(
        ([name, event]) =>
          `create trigger "${versionTable}_${name}" after ${event} on "${versionTable}" referencing new table as changed
             for each statement execute function note_pending_versions('${subject}')`,
      ),
    ),
    `create function note_pending_shares() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
     begin
       insert into change_pending (txid, subject, subject_id, shared)
       select distinct txid_current(), 'INTERVENTION', c.intervention_id, true from changed c
       on conflict do nothing;
       if found then insert into change_commit (txid) values (txid_current()) on conflict do nothing; end if;
       return null;
     end $$`,
    `create trigger "intervention_share_inserted" after insert on "intervention_share" referencing new table as changed
       for each statement execute function note_pending_shares()`,
  ];
}

/** The snapshot of a subject's latest version `v` (and the one before, `p`), as the log's columns. */
function loggedSelectSql({ subject, versionTable, location, snapshot }: LoggedSubject): string {
  const columns = Object.entries(snapshot);
  const action = `case when n.shared then 'SHARED' when v.deleted_at is not null then 'DELETED' when v.version = 1 then 'CREATED' else 'CHANGED' end`;
  return `select '${subject}' as subject, v.id as subject_id, ${action} as action, v.version,
            case when n.shared then '{sharedWith}'::text[] when v.deleted_at is not null then '{}'::text[] else coalesce(v.changed_fields, '{}') end as changed_fields,
            case when n.shared then now() when v.deleted_at is not null then v.deleted_at else v.valid_from end as occurred_at,
            coalesce(nullif(current_setting('app.subject', true), ''), v.recorded_by) as recorded_by,
            coalesce(nullif(current_setting('app.operator_id', true), '')::uuid, v.recorded_by_operator_id) as recorded_by_operator_id,
            v."${location}" as location,
            case when n.shared or v.deleted_at is not null then v."${location}" else p."${location}" end as previous_location,
            ${columns.map(([column, from]) => `${from} as ${column}`).join(', ')}
       from change_pending n
       join lateral (select * from "${versionTable}" l where l.id = n.subject_id order by l.version desc limit 1) v on true
       left join "${versionTable}" p on p.id = v.id and p.version = v.version - 1
      where n.txid = txid_current() and n.subject = '${subject}'
        and case when n.shared then v.deleted_at is null
                 when v.deleted_at is not null then not exists (
                   select 1 from change_event d where d.subject = '${subject}' and d.subject_id = v.id and d.action = 'DELETED')
                 -- a version this transaction made (one it made and undid, with nothing changed in the end, is not)
                 else v.recorded_at = now() end`;
}

/**
 * Step 2, at commit, once per transaction: the lock, the log's rows from the subjects' latest
 * versions, the alerts of every watch area whose reach held the subject before or after (an
 * alert is as durable and as ordered as its change), the wake-ups, and the notes cleared.
 */
function logPendingChangesSql(): string {
  const every = [...new Set(SUBJECTS.flatMap((s) => Object.keys(s.snapshot)))];
  // every subject's select gives every snapshot column (null where it has none), in one order
  const selectOf = (s: LoggedSubject) =>
    loggedSelectSql({ ...s, snapshot: Object.fromEntries(every.map((c) => [c, s.snapshot[c] ?? `null::${COLUMN_TYPES[c]}`])) });
  const valueOf = (column: string) => (column.endsWith('_ids') ? `coalesce(x.${column}, '{}')` : `x.${column}`);
  return `create function log_pending_changes() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
  declare logged int; alerted int := 0;
  begin
    perform pg_advisory_xact_lock(${EVENT_ORDER_LOCK});
    insert into change_event (id, subject, subject_id, action, version, changed_fields, txid, occurred_at, recorded_by,
                              recorded_by_operator_id, location, previous_location, ${every.join(', ')})
    select nextval('change_event_id_seq'), x.subject, x.subject_id, x.action, x.version, x.changed_fields, txid_current(), x.occurred_at,
           x.recorded_by, x.recorded_by_operator_id, x.location, x.previous_location, ${every.map(valueOf).join(', ')}
      from (${SUBJECTS.map(selectOf).join('\n union all\n')}) x
    on conflict do nothing;
    get diagnostics logged = row_count;
    if logged > 0 then
      insert into watch_area_alert (id, event_id, watch_area_id, operator_id, watch_area_name, movement, distance_meters)
      select nextval('watch_area_alert_id_seq'), e.id, w.id, w.operator_id, w.name,
             case when m.now_in and m.was_in then 'INSIDE' when m.now_in then 'ENTERED' else 'LEFT' end,
             ST_Distance(w.area::geography, coalesce(e.location, e.previous_location)::geography)
        from change_event e
        join watch_area w on e.subject = any(w.subjects) and (w.reach && e.location or w.reach && e.previous_location)
        cross join lateral (
          select coalesce(ST_DWithin(w.area::geography, e.location::geography, w.radius_meters), false) as now_in,
                 coalesce(ST_DWithin(w.area::geography, e.previous_location::geography, w.radius_meters), false) as was_in) m
       where e.txid = txid_current() and (m.now_in or m.was_in)
       order by e.id, w.id;
      get diagnostics alerted = row_count;
      perform pg_notify('change_event', '');
    end if;
    if alerted > 0 then perform pg_notify('watch_area_alert', ''); end if;
    delete from change_pending where txid = txid_current();
    delete from change_commit where txid = txid_current();
    return null;
  end $$`;
}

/** The types of the snapshot columns, for subjects that have no value for one. */
const COLUMN_TYPES: Record<string, string> = {
  title: 'text',
  kind: 'text',
  category: 'text',
  status: 'text',
  scene_id: 'uuid',
  scene_ids: 'uuid[]',
  party_ids: 'uuid[]',
  agreement_id: 'uuid',
  owner_id: 'uuid',
  sensitivity: 'text',
  starts_at: 'timestamptz',
  ends_at: 'timestamptz',
  due_date: 'date',
};

/**
 * Notices that a day has come: for each agreement ending within `p_horizon` days of `p_today`,
 * and each open commitment due within as many, one EXPIRING or DUE row whenever its days left
 * fall (once a day while the countdown runs, however many instances call it: they take the lock
 * in turn and find the notice written). `previous_days_left` is the countdown's last notice for
 * the same end date, so "within N days" is the one notice that crosses N, even after days with
 * no instance running. Returns how many notices it wrote.
 */
function dueNoticesFunctionSql(): string {
  return `create function record_due_notices(p_today date, p_horizon int) returns int
    language plpgsql security definer set search_path = public, pg_temp as $$
  declare written int; more int;
  begin
    perform pg_advisory_xact_lock(${EVENT_ORDER_LOCK});
    insert into change_event (id, subject, subject_id, action, version, occurred_at, title, kind, scene_ids, party_ids, location,
                              due_date, days_left, previous_days_left)
    select nextval('change_event_id_seq'), 'AGREEMENT', a.id, 'EXPIRING', (select max(version) from agreement_version where id = a.id), now(),
           a.title, a.kind, array(select s.scene_id from agreement_scene s where s.agreement_id = a.id order by s.scene_id),
           array(select p.operator_id from agreement_party p where p.agreement_id = a.id order by p.operator_id), a.area,
           a.valid_to, a.valid_to - p_today, last.days_left
      from agreement a
      left join lateral (select min(n.days_left) as days_left from change_event n
                          where n.subject = 'AGREEMENT' and n.subject_id = a.id and n.action = 'EXPIRING' and n.due_date = a.valid_to) last on true
     where a.valid_to - p_today between 0 and p_horizon and (last.days_left is null or last.days_left > a.valid_to - p_today)
     order by a.valid_to, a.id;
    get diagnostics written = row_count;
    insert into change_event (id, subject, subject_id, action, occurred_at, title, status, agreement_id, scene_ids, party_ids, location,
                              due_date, days_left, previous_days_left)
    select nextval('change_event_id_seq'), 'COMMITMENT', c.id, 'DUE', now(), c.description, c.status, c.agreement_id,
           array(select s.scene_id from agreement_scene s where s.agreement_id = c.agreement_id order by s.scene_id),
           array(select p.operator_id from agreement_party p where p.agreement_id = c.agreement_id order by p.operator_id),
           a.area, c.due_date, c.due_date - p_today, last.days_left
      from commitment c
      join agreement a on a.id = c.agreement_id
      left join lateral (select min(n.days_left) as days_left from change_event n
                          where n.subject = 'COMMITMENT' and n.subject_id = c.id and n.action = 'DUE' and n.due_date = c.due_date) last on true
     where c.status in ('PLANNED', 'IN_PROGRESS') and c.due_date - p_today between 0 and p_horizon
       and (last.days_left is null or last.days_left > c.due_date - p_today)
     order by c.due_date, c.id;
    get diagnostics more = row_count;
    if written + more > 0 then perform pg_notify('change_event', ''); end if;
    return written + more;
  end $$`;
}

/**
 * Watch areas (an operator's named areas: a polygon, or any geometry with a radius) and their
 * alerts (raised by log_pending_changes). `reach` is the area grown by its radius, indexed, so
 * only nearby areas are measured.
 */
function watchAreaSql(): string[] {
  const mine = `operator_id = nullif(current_setting('app.operator_id', true), '')::uuid`;
  return [
    `create table "watch_area" (
      "id" uuid primary key,
      "operator_id" uuid not null references "operator" ("id") on update cascade on delete cascade,
      "name" text not null check (length(btrim("name")) between 1 and 200),
      "area" geometry(Geometry, 4326) not null,
      "radius_meters" double precision not null default 0 check ("radius_meters" >= 0 and "radius_meters" <= 50000),
      "subjects" text[] not null default '{SCENE,AGREEMENT,INTERVENTION}',
      "reach" geometry(Geometry, 4326) generated always as (ST_Buffer("area"::geography, "radius_meters" + 1)::geometry) stored,
      "version" int not null default 1,
      "created_at" timestamptz not null default now(),
      "created_by" text null,
      "updated_at" timestamptz not null default now(),
      constraint "watch_area_name_unique" unique ("operator_id", "name"))`,
    `create index "watch_area_reach_gist" on "watch_area" using gist ("reach")`,
    `create index "watch_area_area_gist" on "watch_area" using gist ("area")`,
    `alter table "watch_area" enable row level security`,
    `create policy watch_area_own on "watch_area" for all to app_viewer using (${mine}) with check (${mine})`,
    `create sequence "watch_area_alert_id_seq"`,
    `create table "watch_area_alert" (
      "id" bigint primary key,
      "event_id" bigint not null references "change_event" ("id") on delete cascade,
      "watch_area_id" uuid not null references "watch_area" ("id") on update cascade on delete cascade,
      "operator_id" uuid not null,
      "watch_area_name" text not null,
      "movement" text not null check ("movement" in ('ENTERED', 'INSIDE', 'LEFT')),
      "distance_meters" double precision not null)`,
    `create index "watch_area_alert_operator_index" on "watch_area_alert" ("operator_id", "id")`,
    `create index "watch_area_alert_event_index" on "watch_area_alert" ("event_id")`,
    `create index "watch_area_alert_watch_area_index" on "watch_area_alert" ("watch_area_id")`,
    `alter table "watch_area_alert" enable row level security`,
    `create policy watch_area_alert_own on "watch_area_alert" for select to app_viewer using (
       ${mine} and exists (select 1 from change_event e where e.id = watch_area_alert.event_id))`,
  ];
}
