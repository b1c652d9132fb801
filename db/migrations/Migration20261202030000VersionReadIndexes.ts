import { Migration } from '@mikro-orm/migrations';
import { RECORD_VERSION_FUNCTION } from './Migration20261202010000SceneVersions';

const VERSION_TABLES = ['scene_version', 'agreement_version', 'intervention_version'] as const;

/**
 * Reads as things stood, from indexes (bench/as-of: at 20,000 scenes × 10 versions, a list read
 * at a moment was 19 times and one near a point 160–190 times slower than on current state; one
 * read as known at a moment, 34–62 times).
 *
 * - Lists by name, of versions and of scenes: a `(name, id)` index, so a page reads its rows in
 *   order and stops.
 * - Near a point at a moment: one GiST index on the area's geography together with the valid time.
 * - As known at a moment (`asRecordedAt`): `superseded_at`, when the platform learnt of the version
 *   that replaced this one (or of the deletion), set by the trigger beside `valid_to`. Since valid
 *   time only grows forward, what was known at R for the moment A is: the versions then latest
 *   (`[recorded_at, superseded_at)` contains R) that had taken effect by A, and the versions already
 *   replaced by R whose valid time contains A. Two GiST lookups, the second on valid and recorded
 *   time together, instead of sorting every version recorded by R (schema/shared/as-of.ts,
 *   versionsAsOfSql).
 */
export class Migration20261202030000VersionReadIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "scene_version" add column "superseded_at" timestamptz null`);
    this.addSql(SUPERSEDED_FROM_NEXT('scene_version'));
    this.addSql(
      `alter table "scene_version" add constraint "scene_version_recorded_order" check ("superseded_at" is null or "superseded_at" >= "recorded_at")`,
    );
    this.addSql(SCENE_VERSION_FUNCTION);
    this.addSql(`create index "scene_name_index" on "scene" ("name", "id")`);
    this.addSql(`create index "scene_version_name_index" on "scene_version" ("name", "id")`);
    this.addSql(
      `create index "scene_version_area_valid_gist" on "scene_version" using gist (("area"::geography), tstzrange("valid_from", "valid_to"))`,
    );
    this.addSql(
      `create index "intervention_version_location_valid_gist" on "intervention_version" using gist (("location"::geography), tstzrange("valid_from", "valid_to"))`,
    );
    for (const table of VERSION_TABLES) {
      this.addSql(`create index "${table}_recorded_gist" on "${table}" using gist (tstzrange("recorded_at", "superseded_at"))`);
      this.addSql(
        `create index "${table}_valid_recorded_gist" on "${table}" using gist (tstzrange("valid_from", "valid_to"), tstzrange("recorded_at", "superseded_at"))`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const table of VERSION_TABLES) this.addSql(`drop index "${table}_recorded_gist", "${table}_valid_recorded_gist"`);
    this.addSql(`drop index "intervention_version_location_valid_gist"`);
    this.addSql(`drop index "scene_version_area_valid_gist"`);
    this.addSql(`drop index "scene_version_name_index"`);
    this.addSql(`drop index "scene_name_index"`);
    this.addSql(RECORD_VERSION_FUNCTION);
    this.addSql(`alter table "scene_version" drop column "superseded_at"`);
  }
}

/**
 * Sets `superseded_at` of the versions of `table` that a later version closed, where it is not set:
 * when that next version was recorded (the seeder's versions rebuilt from the status history too).
 */
export function SUPERSEDED_FROM_NEXT(table: (typeof VERSION_TABLES)[number]): string {
  return `update "${table}" v set superseded_at = greatest(n.next_recorded_at, v.recorded_at)
            from (select id, version, lead(recorded_at) over (partition by id order by version) as next_recorded_at from "${table}") n
           where n.id = v.id and n.version = v.version and v.valid_to is not null and v.superseded_at is null
             and n.next_recorded_at is not null`;
}

/** The scene version trigger (migration SceneVersions), now also noting when a version is superseded. */
const SCENE_VERSION_FUNCTION = RECORD_VERSION_FUNCTION.replace(
  'update scene_version set valid_to = effective where id = new.id and valid_to is null;',
  // `recorded_at` may run a moment ahead of the transaction's now() (a history row's time, from the client)
  'update scene_version set valid_to = effective, superseded_at = greatest(now(), recorded_at) where id = new.id and valid_to is null;',
);
if (SCENE_VERSION_FUNCTION === RECORD_VERSION_FUNCTION) throw new Error('The scene version trigger changed: update VersionReadIndexes');
