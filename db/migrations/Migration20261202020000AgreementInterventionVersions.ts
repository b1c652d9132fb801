import { Migration } from '@mikro-orm/migrations';
import { interventionReadRule } from './Migration20261201010000FastReadPolicy';
import { dropVersioningSql, versioningSql, type VersionedTable } from './row-versions';

/**
 * Every version of agreements and interventions (issue: the record remembers), as scenes have had
 * since migration SceneVersions; see row-versions.ts for the rule. An agreement's version holds
 * its parties, commitments and scenes; an intervention's its operators. Columns carry the entity's
 * names, except an agreement's own validity (`agreement_valid_from`/`_to`), which would clash
 * with the version's valid time: the as-of SQL renames them back.
 *
 * Row security covers the history (the policy below): a version of an intervention reaches a
 * caller only if the caller may see the intervention now (row security on `intervention`) **and**
 * could see that version under its own owner, sensitivity, scene and window (the same rule,
 * applied to the version). A deleted intervention is no longer visible to anyone but ADMIN and
 * its owner's operator: its versions are kept for them.
 */
export class Migration20261202020000AgreementInterventionVersions extends Migration {
  override async up(): Promise<void> {
    for (const spec of [AGREEMENT_VERSIONS, INTERVENTION_VERSIONS]) for (const statement of versioningSql(spec)) this.addSql(statement);
    // scenes are archived, never deleted: the column only lets one as-of reading serve every version table
    this.addSql(`alter table "scene_version" add column "deleted_at" timestamptz null`);
    this.addSql(`create index "agreement_version_area_gist" on "agreement_version" using gist ("area")`);
    this.addSql(`create index "intervention_version_location_gist" on "intervention_version" using gist ("location")`);
    this.addSql(`create index "intervention_version_scene_index" on "intervention_version" ("scene_id")`);
    this.addSql(`alter table "intervention_version" enable row level security`);
    this.addSql(`create policy intervention_version_read on "intervention_version" for select to app_viewer using (
      (${interventionReadRule('intervention_version')})
      and (current_setting('app.role', true) = 'ADMIN'
           or exists (select 1 from intervention present where present.id = intervention_version.id)
           or (intervention_version.deleted_at is not null
               and intervention_version.owner_id = nullif(current_setting('app.operator_id', true), '')::uuid)))`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop policy intervention_version_read on "intervention_version"`);
    this.addSql(`alter table "scene_version" drop column "deleted_at"`);
    for (const spec of [INTERVENTION_VERSIONS, AGREEMENT_VERSIONS]) for (const statement of dropVersioningSql(spec)) this.addSql(statement);
  }
}

const AGREEMENT_VERSIONS: VersionedTable = {
  table: 'agreement',
  versionTable: 'agreement_version',
  columns: [
    { name: 'kind', type: 'text not null', from: 'e.kind' },
    { name: 'title', type: 'text not null', from: 'e.title' },
    { name: 'description', type: 'text null', from: 'e.description' },
    { name: 'agreement_valid_from', type: 'date not null', from: 'e.valid_from' },
    { name: 'agreement_valid_to', type: 'date null', from: 'e.valid_to' },
    { name: 'area', type: 'geometry(MultiPolygon, 4326) null', from: 'e.area' },
    {
      name: 'parties',
      type: 'jsonb not null',
      from: `(select coalesce(jsonb_agg(jsonb_build_object('operatorId', p.operator_id, 'role', p.role, 'status', p.status,
                                                          'respondedAt', p.responded_at, 'respondedBy', p.responded_by) order by p.operator_id), '[]')
                from agreement_party p where p.agreement_id = e.id)`,
    },
    {
      name: 'commitments',
      type: 'jsonb not null',
      from: `(select coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'position', c.position, 'description', c.description,
                                                          'dueDate', c.due_date, 'status', c.status) order by c.position, c.id), '[]')
                from commitment c where c.agreement_id = e.id)`,
    },
    {
      name: 'scene_ids',
      type: 'uuid[] not null',
      from: `array(select s.scene_id from agreement_scene s where s.agreement_id = e.id order by s.scene_id)`,
    },
    { name: 'created_at', type: 'timestamptz not null', from: 'e.created_at' },
    { name: 'updated_at', type: 'timestamptz not null', from: 'e.updated_at' },
  ],
  tracked: [
    ['kind', ['kind']],
    ['title', ['title']],
    ['description', ['description']],
    ['validFrom', ['agreement_valid_from']],
    ['validTo', ['agreement_valid_to']],
    ['area', ['area']],
    ['parties', ['parties']],
    ['commitments', ['commitments']],
    ['scenes', ['scene_ids']],
  ],
  parts: [
    { table: 'agreement_party', key: 'agreement_id' },
    { table: 'commitment', key: 'agreement_id' },
    { table: 'agreement_scene', key: 'agreement_id' },
  ],
  // an agreement registered after it came into force is taken as in the record from its first day
  firstValidFrom: `snap.agreement_valid_from::timestamptz`,
};

const INTERVENTION_VERSIONS: VersionedTable = {
  table: 'intervention',
  versionTable: 'intervention_version',
  columns: [
    { name: 'scene_id', type: 'uuid not null', from: 'e.scene_id' },
    { name: 'owner_id', type: 'uuid not null', from: 'e.owner_id' },
    { name: 'agreement_id', type: 'uuid null', from: 'e.agreement_id' },
    { name: 'category', type: 'text not null', from: 'e.category' },
    { name: 'kind', type: 'text not null', from: 'e.kind' },
    { name: 'title', type: 'text not null', from: 'e.title' },
    { name: 'description', type: 'text null', from: 'e.description' },
    { name: 'location', type: 'geometry(Geometry, 4326) not null', from: 'e.location' },
    { name: 'starts_at', type: 'timestamptz not null', from: 'e.starts_at' },
    { name: 'ends_at', type: 'timestamptz null', from: 'e.ends_at' },
    { name: 'recurrence', type: 'text null', from: 'e.recurrence' },
    { name: 'sensitivity', type: 'text not null', from: 'e.sensitivity' },
    {
      name: 'operator_ids',
      type: 'uuid[] not null',
      from: `array(select io.operator_id from intervention_operator io where io.intervention_id = e.id order by io.operator_id)`,
    },
    { name: 'created_at', type: 'timestamptz not null', from: 'e.created_at' },
    { name: 'updated_at', type: 'timestamptz not null', from: 'e.updated_at' },
  ],
  tracked: [
    ['scene', ['scene_id']],
    ['agreement', ['agreement_id']],
    ['category', ['category']],
    ['kind', ['kind']],
    ['title', ['title']],
    ['description', ['description']],
    ['location', ['location']],
    ['startsAt', ['starts_at']],
    ['endsAt', ['ends_at']],
    ['recurrence', ['recurrence']],
    ['sensitivity', ['sensitivity']],
    ['operators', ['operator_ids']],
  ],
  parts: [{ table: 'intervention_operator', key: 'intervention_id' }],
  // an intervention registered after it began is taken as in the record from its start
  firstValidFrom: 'snap.starts_at',
};
