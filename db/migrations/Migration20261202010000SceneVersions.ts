import { Migration } from '@mikro-orm/migrations';

/** The scene's own columns, copied into each version (the same names, so scene SQL reads versions too). */
const SCENE_COLUMNS = [
  'name',
  'municipality',
  'district',
  'police_area',
  'stat_areas',
  'problem_description',
  'problem_substances',
  'problem_crime_kinds',
  'problem_target_groups',
  'problem_tags',
  'area',
  'status',
  'status_since',
  'archived_at',
  'created_at',
  'updated_at',
] as const;

/** The fields a version names as changed (GraphQL names), with the columns that make each up. */
const TRACKED_FIELDS: Array<[string, string[]]> = [
  ['name', ['name']],
  ['municipality', ['municipality']],
  ['district', ['district']],
  ['policeArea', ['police_area']],
  ['statAreas', ['stat_areas']],
  ['problemProfile', ['problem_description', 'problem_substances', 'problem_crime_kinds', 'problem_target_groups', 'problem_tags']],
  ['area', ['area']],
  ['status', ['status']],
  ['archived', ['archived_at']],
];

/**
 * Every version of a scene (issue: the record remembers). `scene_version` holds a copy of the
 * scene row for each change, with its valid time (`valid_from` to `valid_to`: when it held in the
 * world; a change may be backdated, never to before the scene's latest version) and its recorded
 * time (`recorded_at`, `recorded_by`, `recorded_by_operator_id`: when the platform learnt it, from
 * whom). A trigger on `scene` writes it, so no write path can skip it; the writer names the
 * moment and the subject in the settings `app.effective_at` and `app.subject` (default: now,
 * unknown). Columns carry the scene's names, so the scene SQL (filters, orderings, statistics)
 * reads a version as it reads a scene. Existing scenes get their versions from the status
 * history: one per status change, with the other fields as they are now (earlier edits were
 * overwritten; their versions cannot be recovered), and one more for a later edit or archiving.
 */
export class Migration20261202010000SceneVersions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "scene_version" (
      "id" uuid not null references "scene" ("id") on update cascade on delete cascade,
      "version" int not null,
      "valid_from" timestamptz not null,
      "valid_to" timestamptz null,
      "recorded_at" timestamptz not null default now(),
      "recorded_by" text null,
      "recorded_by_operator_id" uuid null,
      "changed_fields" text[] null,
      "name" text not null, "municipality" text not null, "district" text null, "police_area" text null,
      "stat_areas" text[] not null, "problem_description" text null, "problem_substances" text[] not null,
      "problem_crime_kinds" text[] not null, "problem_target_groups" text[] not null, "problem_tags" text[] not null,
      "area" geometry(MultiPolygon, 4326) not null,
      "status" text not null, "status_since" timestamptz null, "archived_at" timestamptz null,
      "created_at" timestamptz not null, "updated_at" timestamptz not null,
      "area_square_meters" double precision generated always as (ST_Area("area"::geography)) stored,
      constraint "scene_version_pkey" primary key ("id", "version"),
      constraint "scene_version_valid_order" check ("valid_to" is null or "valid_to" >= "valid_from"))`);
    this.addSql(`create index "scene_version_valid_gist" on "scene_version" using gist (tstzrange("valid_from", "valid_to"))`);
    this.addSql(`create index "scene_version_area_gist" on "scene_version" using gist ("area")`);
    this.addSql(`create index "scene_version_current_index" on "scene_version" ("id") where "valid_to" is null`);
    this.addSql(RECORD_VERSION_FUNCTION);
    this.addSql(`create trigger "scene_versions" after insert or update on "scene" for each row execute function record_scene_version()`);
    for (const statement of BACKFILL_FROM_HISTORY) this.addSql(statement);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "scene_versions" on "scene"`);
    this.addSql(`drop function record_scene_version()`);
    this.addSql(`drop table "scene_version"`);
  }
}

const changedFields = TRACKED_FIELDS.map(
  ([field, columns]) =>
    `case when (${columns.map((c) => `new."${c}"`).join(', ')}) is distinct from (${columns.map((c) => `old."${c}"`).join(', ')}) then '${field}' end`,
).join(',\n        ');

/**
 * Writes the version a change of a scene row makes, and closes the one before it. Refuses a
 * change dated before the latest version (SQLSTATE GE002): the valid timeline only grows forward.
 * An update that changes none of the tracked fields (only the row version) makes no version.
 */
export const RECORD_VERSION_FUNCTION = `create or replace function record_scene_version() returns trigger language plpgsql as $$
  declare
    effective timestamptz := coalesce(nullif(current_setting('app.effective_at', true), '')::timestamptz, now());
    changed text[];
    latest timestamptz;
  begin
    if tg_op = 'INSERT' then
      changed := array[${TRACKED_FIELDS.filter(([field]) => field !== 'archived')
        .map(([field]) => `'${field}'`)
        .join(', ')}];
    else
      changed := array_remove(array[
        ${changedFields}
      ], null);
      if cardinality(changed) = 0 then return new; end if;
      select valid_from into latest from scene_version where id = new.id and valid_to is null;
      if latest > effective then
        raise exception using errcode = 'GE002', column = 'effectiveAt',
          message = format('a change of scene %s dated %s is before its latest version (%s)', new.id, effective, latest),
          detail = format('effectiveAt %s is before the scene''s latest version took effect (%s)',
                          to_char(effective at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                          to_char(latest at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
      end if;
      update scene_version set valid_to = effective where id = new.id and valid_to is null;
    end if;
    insert into scene_version (id, version, valid_from, recorded_by, recorded_by_operator_id, changed_fields, ${SCENE_COLUMNS.map((c) => `"${c}"`).join(', ')})
    values (new.id, new.version, effective, nullif(current_setting('app.subject', true), ''),
            nullif(current_setting('app.operator_id', true), '')::uuid, changed, ${SCENE_COLUMNS.map((c) => `new."${c}"`).join(', ')});
    return new;
  end $$`;

/**
 * Versions of the scenes already there, from their status history: each status change is a
 * version from when it took effect (an undated first one from the start of time; an undated later
 * one from when it was recorded), with the other fields as they are now; an edit after the last
 * status change (the row version is higher) or an archiving is one more version.
 */
export const BACKFILL_FROM_HISTORY: string[] = [
  `
  with history as (
    select h.scene_id, h.scene_version as version, h."to" as status, h.changed_at, h.recorded_at, h.changed_by, h.changed_by_operator_id,
           coalesce(h.changed_at, case when h.scene_version = 1 then '-infinity'::timestamptz else h.recorded_at end) as valid_from,
           h.scene_version = min(h.scene_version) over (partition by h.scene_id) as first
      from scene_status_change h
  ), ordered as (
    select history.*, lead(valid_from) over (partition by scene_id order by version) as next_from from history
  )
  insert into scene_version (id, version, valid_from, valid_to, recorded_at, recorded_by, recorded_by_operator_id, changed_fields,
                             ${SCENE_COLUMNS.map((c) => `"${c}"`).join(', ')})
  select s.id, o.version, o.valid_from,
         case when o.next_from is not null then greatest(o.next_from, o.valid_from)
              when s.version > o.version or s.archived_at is not null then greatest(coalesce(s.archived_at, s.updated_at), o.valid_from) end,
         o.recorded_at, o.changed_by, o.changed_by_operator_id,
         case when o.first then array['name', 'municipality', 'district', 'policeArea', 'statAreas', 'problemProfile', 'area', 'status'] else array['status'] end,
         ${SCENE_COLUMNS.map((c) => (c === 'status' ? 'o.status' : c === 'status_since' ? 'o.changed_at' : c === 'archived_at' ? 'null' : `s."${c}"`)).join(', ')}
    from ordered o join scene s on s.id = o.scene_id
   where not exists (select 1 from scene_version v where v.id = s.id)`,
  `insert into scene_version (id, version, valid_from, recorded_at, changed_fields, ${SCENE_COLUMNS.map((c) => `"${c}"`).join(', ')})
  select s.id, greatest(s.version, last.version + 1), greatest(coalesce(s.archived_at, s.updated_at), last.valid_from), s.updated_at,
         case when s.archived_at is not null then array['archived'] end,
         ${SCENE_COLUMNS.map((c) => `s."${c}"`).join(', ')}
    from scene s
    join lateral (select v.version, v.valid_from from scene_version v where v.id = s.id order by v.version desc limit 1) last on true
   where (s.version > last.version or s.archived_at is not null)
     and not exists (select 1 from scene_version v where v.id = s.id and v.valid_to is null)`,
  // a scene without a status history (none is made so): one version from its registration
  `insert into scene_version (id, version, valid_from, recorded_at, changed_fields, ${SCENE_COLUMNS.map((c) => `"${c}"`).join(', ')})
   select s.id, s.version, s.created_at, s.created_at, null, ${SCENE_COLUMNS.map((c) => `s."${c}"`).join(', ')}
     from scene s where not exists (select 1 from scene_version v where v.id = s.id)`,
];
