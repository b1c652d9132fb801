import { Migration } from '@mikro-orm/migrations';

/**
 * The foundation schema: scenes with their status history, operators, agreements (parties,
 * scenes, commitments) and interventions. Every geometry column is EPSG:4326 with a GIST index;
 * every foreign key has an index (or leads a primary key).
 */
export class Migration20261122000000Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists postgis`);
    this.addSql(
      `create table "agreement" ("id" uuid not null, "kind" text check ("kind" in ('CITIZEN_PROMISE', 'PLACE_COLLABORATION', 'GUARD_MANDATE', 'CAMERA_PERMIT', 'REGIONAL_PROGRAMME', 'OTHER')) not null, "title" text not null, "description" text null, "valid_from" date not null, "valid_to" date null, "area" geometry(MultiPolygon,4326) null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "agreement_pkey" primary key ("id"))`,
    );
    this.addSql(`create index "agreement_kind_index" on "agreement" ("kind")`);
    this.addSql(`create index "agreement_area_gist" on "agreement" using gist ("area")`);
    this.addSql(
      `create table "commitment" ("id" uuid not null, "agreement_id" uuid not null, "position" int not null, "description" text not null, "due_date" date null, "status" text check ("status" in ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')) not null default 'PLANNED', constraint "commitment_pkey" primary key ("id"))`,
    );
    this.addSql(`create index "commitment_agreement_id_index" on "commitment" ("agreement_id")`);
    this.addSql(
      `create table "operator" ("id" uuid not null, "name" text not null, "kind" text check ("kind" in ('POLICE', 'MUNICIPALITY', 'DISTRICT_ADMINISTRATION', 'COUNTY_BOARD', 'REGION', 'PRISON_PROBATION', 'CUSTOMS', 'SECURITY_COMPANY', 'PUBLIC_TRANSPORT', 'PROPERTY_OWNER', 'CIVIL_SOCIETY', 'COORDINATION_OFFICE', 'RESEARCH', 'OTHER')) not null, "parent_id" uuid null, "municipality" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "operator_pkey" primary key ("id"))`,
    );
    this.addSql(`alter table "operator" add constraint "operator_name_unique" unique ("name")`);
    this.addSql(`create index "operator_parent_id_index" on "operator" ("parent_id")`);
    this.addSql(
      `create table "agreement_party" ("agreement_id" uuid not null, "operator_id" uuid not null, "role" text null, constraint "agreement_party_pkey" primary key ("agreement_id", "operator_id"))`,
    );
    this.addSql(`create index "agreement_party_operator_id_index" on "agreement_party" ("operator_id")`);
    this.addSql(
      `create table "scene" ("id" uuid not null, "name" text not null, "municipality" text not null, "district" text null, "police_area" text null, "stat_areas" text[] not null, "problem_description" text null, "problem_substances" text[] not null, "problem_crime_kinds" text[] not null, "problem_target_groups" text[] not null, "problem_tags" text[] not null, "area" geometry(MultiPolygon,4326) not null, "status" text check ("status" in ('EMERGING', 'ACTIVE', 'MONITORING', 'CLOSED')) not null default 'EMERGING', "status_since" timestamptz null, "version" int not null default 1, "archived_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "scene_pkey" primary key ("id"))`,
    );
    this.addSql(`create index "scene_municipality_index" on "scene" ("municipality")`);
    this.addSql(`create index "scene_police_area_index" on "scene" ("police_area")`);
    this.addSql(`create index "scene_status_index" on "scene" ("status")`);
    this.addSql(`create index "scene_area_gist" on "scene" using gist ("area")`);
    this.addSql(
      `create table "intervention" ("id" uuid not null, "scene_id" uuid not null, "owner_id" uuid not null, "agreement_id" uuid null, "category" text check ("category" in ('FORMAL_CONTROL', 'INFORMAL_CONTROL', 'SITUATIONAL_PREVENTION', 'SOCIAL_PREVENTION')) not null, "kind" text not null, "title" text not null, "description" text null, "location" geometry(Geometry,4326) not null, "starts_at" timestamptz not null, "ends_at" timestamptz null, "recurrence" text null, "sensitivity" text check ("sensitivity" in ('OPEN', 'PARTNERS', 'RESTRICTED')) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "intervention_pkey" primary key ("id"))`,
    );
    this.addSql(`create index "intervention_scene_id_index" on "intervention" ("scene_id")`);
    this.addSql(`create index "intervention_owner_id_index" on "intervention" ("owner_id")`);
    this.addSql(`create index "intervention_agreement_id_index" on "intervention" ("agreement_id")`);
    this.addSql(`create index "intervention_category_index" on "intervention" ("category")`);
    this.addSql(`create index "intervention_starts_at_index" on "intervention" ("starts_at")`);
    this.addSql(`create index "intervention_location_gist" on "intervention" using gist ("location")`);
    this.addSql(
      `create table "intervention_operator" ("intervention_id" uuid not null, "operator_id" uuid not null, constraint "intervention_operator_pkey" primary key ("intervention_id", "operator_id"))`,
    );
    this.addSql(`create index "intervention_operator_operator_id_index" on "intervention_operator" ("operator_id")`);
    this.addSql(
      `create table "agreement_scene" ("agreement_id" uuid not null, "scene_id" uuid not null, constraint "agreement_scene_pkey" primary key ("agreement_id", "scene_id"))`,
    );
    this.addSql(`create index "agreement_scene_scene_id_index" on "agreement_scene" ("scene_id")`);
    this.addSql(
      `create table "scene_status_change" ("id" uuid not null, "scene_id" uuid not null, "scene_version" int not null, "from" text check ("from" in ('EMERGING', 'ACTIVE', 'MONITORING', 'CLOSED')) null, "to" text check ("to" in ('EMERGING', 'ACTIVE', 'MONITORING', 'CLOSED')) not null, "reason" text not null, "situation_note" text null, "changed_at" timestamptz null, "changed_by" text null, "changed_by_operator_id" uuid null, "recorded_at" timestamptz not null, constraint "scene_status_change_pkey" primary key ("id"))`,
    );
    this.addSql(`create index "scene_status_change_changed_by_operator_id_index" on "scene_status_change" ("changed_by_operator_id")`);
    this.addSql(
      `alter table "scene_status_change" add constraint "scene_status_change_scene_id_scene_version_unique" unique ("scene_id", "scene_version")`,
    );
    this.addSql(
      `alter table "commitment" add constraint "commitment_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade on delete cascade`,
    );
    this.addSql(
      `alter table "operator" add constraint "operator_parent_id_foreign" foreign key ("parent_id") references "operator" ("id") on update cascade on delete restrict`,
    );
    this.addSql(
      `alter table "agreement_party" add constraint "agreement_party_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade on delete cascade`,
    );
    this.addSql(
      `alter table "agreement_party" add constraint "agreement_party_operator_id_foreign" foreign key ("operator_id") references "operator" ("id") on update cascade on delete restrict`,
    );
    this.addSql(
      `alter table "intervention" add constraint "intervention_scene_id_foreign" foreign key ("scene_id") references "scene" ("id") on update cascade on delete restrict`,
    );
    this.addSql(
      `alter table "intervention" add constraint "intervention_owner_id_foreign" foreign key ("owner_id") references "operator" ("id") on update cascade on delete restrict`,
    );
    this.addSql(
      `alter table "intervention" add constraint "intervention_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade on delete set null`,
    );
    this.addSql(
      `alter table "intervention_operator" add constraint "intervention_operator_intervention_id_foreign" foreign key ("intervention_id") references "intervention" ("id") on update cascade on delete cascade`,
    );
    this.addSql(
      `alter table "intervention_operator" add constraint "intervention_operator_operator_id_foreign" foreign key ("operator_id") references "operator" ("id") on update cascade on delete restrict`,
    );
    this.addSql(
      `alter table "agreement_scene" add constraint "agreement_scene_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade on delete cascade`,
    );
    this.addSql(
      `alter table "agreement_scene" add constraint "agreement_scene_scene_id_foreign" foreign key ("scene_id") references "scene" ("id") on update cascade on delete cascade`,
    );
    this.addSql(
      `alter table "scene_status_change" add constraint "scene_status_change_scene_id_foreign" foreign key ("scene_id") references "scene" ("id") on update cascade on delete cascade`,
    );
    this.addSql(
      `alter table "scene_status_change" add constraint "scene_status_change_changed_by_operator_id_foreign" foreign key ("changed_by_operator_id") references "operator" ("id") on update cascade on delete set null`,
    );
    this.addSql(
      `alter table "agreement" add constraint "agreement_validity_order" check ("valid_to" is null or "valid_to" >= "valid_from")`,
    );
    this.addSql(
      `alter table "intervention" add constraint "intervention_window_order" check ("ends_at" is null or "ends_at" >= "starts_at")`,
    );
    this.addSql(`alter table "scene" add constraint "scene_area_valid" check (ST_IsValid("area") is true)`);
    this.addSql(`alter table "agreement" add constraint "agreement_area_valid" check ("area" is null or ST_IsValid("area"))`);
    this.addSql(`alter table "commitment" add constraint "commitment_position_unique" unique ("agreement_id", "position")`);
  }
}
