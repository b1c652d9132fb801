import { Migration } from '@mikro-orm/migrations';

/**
 * The transactional outbox of status changes. Ids come from a sequence, but are taken under a
 * transaction-level advisory lock held to commit (see schema/live/scene-status-outbox.repository.ts), so they are
 * handed out in commit order: once id N is visible, no smaller id can still appear.
 */
export class Migration20261123030000StatusEvents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence "scene_status_event_id_seq"`);
    this.addSql(
      `create table "scene_status_event" ("id" bigint not null, "scene_id" uuid not null, "from" text check ("from" in ('EMERGING', 'ACTIVE', 'MONITORING', 'CLOSED')) null, "to" text check ("to" in ('EMERGING', 'ACTIVE', 'MONITORING', 'CLOSED')) not null, "reason" text not null, "changed_at" timestamptz not null, "changed_by" text null, "changed_by_operator_id" uuid null, "recorded_at" timestamptz not null default now(), constraint "scene_status_event_pkey" primary key ("id"))`,
    );
    this.addSql(`create index "scene_status_event_scene_id_index" on "scene_status_event" ("scene_id")`);
    this.addSql(`create index "scene_status_event_changed_by_operator_id_index" on "scene_status_event" ("changed_by_operator_id")`);
    this.addSql(
      `alter table "scene_status_event" add constraint "scene_status_event_scene_id_foreign" foreign key ("scene_id") references "scene" ("id") on update cascade on delete cascade`,
    );
    this.addSql(
      `alter table "scene_status_event" add constraint "scene_status_event_changed_by_operator_id_foreign" foreign key ("changed_by_operator_id") references "operator" ("id") on update cascade on delete set null`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table "scene_status_event"');
    this.addSql('drop sequence "scene_status_event_id_seq"');
  }
}
