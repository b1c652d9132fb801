import { Migration } from '@mikro-orm/migrations';

/**
 * Repairs scenes the demo seeder stored at version 1 although their history had more rows:
 * their next changeSceneStatus (version 2) collided with history row 2 and answered CONFLICT.
 * Data only, and a no-op where versions already agree; the seeder now aligns them itself.
 */
export class Migration20261129000000AlignSceneVersions extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `update scene s set version = h.last from (select scene_id, max(scene_version) as last from scene_status_change group by scene_id) h
        where h.scene_id = s.id and s.version < h.last`,
    );
  }

  override async down(): Promise<void> {
    // Nothing to undo: the old versions were wrong.
  }
}
