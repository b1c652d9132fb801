import { Migration } from '@mikro-orm/migrations';

/**
 * Who may see which intervention, decided once, in the database: row-level security on
 * `intervention`. Every request runs its statements as the role `app_viewer`, with the caller's
 * operator and role in transaction-local settings (schema/auth/row-security.ts), so every read
 * path (ORM, raw SQL, tiles, exports, OGC, subscriptions) obeys the same policy. The server's
 * own background work (migrations, the status-event hub) runs as the connecting user, which
 * owns the tables and so is not subject to the policy.
 *
 * Also: explicit shares of RESTRICTED interventions, and the append-only audit trail.
 */
export class Migration20261123040000RowSecurity extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "intervention_share" ("intervention_id" uuid not null, "operator_id" uuid not null, "shared_at" timestamptz not null default now(), "shared_by" text null, constraint "intervention_share_pkey" primary key ("intervention_id", "operator_id"))`,
    );
    this.addSql(`create index "intervention_share_operator_id_index" on "intervention_share" ("operator_id")`);
    this.addSql(
      `alter table "intervention_share" add constraint "intervention_share_intervention_id_foreign" foreign key ("intervention_id") references "intervention" ("id") on update cascade on delete cascade`,
    );
    this.addSql(
      `alter table "intervention_share" add constraint "intervention_share_operator_id_foreign" foreign key ("operator_id") references "operator" ("id") on update cascade on delete cascade`,
    );

    this.addSql(
      `create table "audit_entry" ("id" bigserial primary key, "at" timestamptz not null default now(), "subject" text not null, "operator_id" uuid not null, "role" text not null, "operation" text not null, "entity_ids" jsonb not null, "before" jsonb null, "after" jsonb null, "request_id" text not null)`,
    );
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at")`);
    this.addSql(`create index "audit_entry_operator_id_index" on "audit_entry" ("operator_id")`);
    this.addSql(`create index "audit_entry_operation_index" on "audit_entry" ("operation")`);
    this.addSql(`create index "audit_entry_entity_ids_index" on "audit_entry" using gin ("entity_ids")`);
    // Append-only for everyone, the table's owner included: changing history needs a migration that drops this trigger.
    this.addSql(`create function audit_entry_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_entry is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege'; end $$`);
    this.addSql(
      `create trigger audit_entry_append_only before update or delete on "audit_entry" for each row execute function audit_entry_append_only()`,
    );
    this.addSql(
      `create trigger audit_entry_no_truncate before truncate on "audit_entry" for each statement execute function audit_entry_append_only()`,
    );

    // The role requests run as. Roles are per cluster, so another database may have made it already.
    this.addSql(`do $$ begin
      if not exists (select from pg_roles where rolname = 'app_viewer') then create role app_viewer nologin; end if;
    end $$`);
    this.addSql(`grant app_viewer to current_user`);
    this.addSql(`grant usage on schema public to app_viewer`);
    this.addSql(`grant select, insert, update, delete on all tables in schema public to app_viewer`);
    this.addSql(`grant usage, select on all sequences in schema public to app_viewer`);
    this.addSql(`alter default privileges in schema public grant select, insert, update, delete on tables to app_viewer`);
    this.addSql(`alter default privileges in schema public grant usage, select on sequences to app_viewer`);
    this.addSql(`revoke update, delete, truncate on "audit_entry" from app_viewer`);

    // The rule, in one place. PARTNERS: an agreement between the viewer's operator and the owner
    // that covers the scene and was in force at some time during the intervention. Settings are
    // empty outside a viewer's transaction: nothing is visible then.
    this
      .addSql(`create function intervention_visible(p_id uuid, p_owner uuid, p_sensitivity text, p_scene uuid, p_starts timestamptz, p_ends timestamptz) returns boolean
      language sql stable as $$
      select case
        when current_setting('app.role', true) = 'ADMIN' then true
        when coalesce(current_setting('app.role', true), '') not in ('EDITOR', 'ANALYST') then false
        when p_owner = nullif(current_setting('app.operator_id', true), '')::uuid then true
        when p_sensitivity = 'OPEN' then true
        when p_sensitivity = 'PARTNERS' then exists (
          select 1
            from agreement_scene covered
            join agreement a on a.id = covered.agreement_id
             and a.valid_from <= coalesce(p_ends, 'infinity')::date and (a.valid_to is null or a.valid_to >= p_starts::date)
            join agreement_party mine on mine.agreement_id = a.id
             and mine.operator_id = nullif(current_setting('app.operator_id', true), '')::uuid
            join agreement_party theirs on theirs.agreement_id = a.id and theirs.operator_id = p_owner
           where covered.scene_id = p_scene)
        else exists (
          select 1 from intervention_share share
           where share.intervention_id = p_id
             and share.operator_id = nullif(current_setting('app.operator_id', true), '')::uuid)
      end $$`);
    this.addSql(`alter table "intervention" enable row level security`);
    this.addSql(
      `create policy intervention_read on "intervention" for select to app_viewer using (intervention_visible(id, owner_id, sensitivity, scene_id, starts_at, ends_at))`,
    );
    // Writes are checked by the services (owner, role); a row must still be readable to be updated or deleted.
    this.addSql(`create policy intervention_insert on "intervention" for insert to app_viewer with check (true)`);
    this.addSql(`create policy intervention_update on "intervention" for update to app_viewer using (true) with check (true)`);
    this.addSql(`create policy intervention_delete on "intervention" for delete to app_viewer using (true)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop policy intervention_read on "intervention"`);
    this.addSql(`drop policy intervention_insert on "intervention"`);
    this.addSql(`drop policy intervention_update on "intervention"`);
    this.addSql(`drop policy intervention_delete on "intervention"`);
    this.addSql(`alter table "intervention" disable row level security`);
    this.addSql(`drop function intervention_visible(uuid, uuid, text, uuid, timestamptz, timestamptz)`);
    this.addSql(`drop table "audit_entry"`);
    this.addSql(`drop function audit_entry_append_only()`);
    this.addSql(`drop table "intervention_share"`);
  }
}
