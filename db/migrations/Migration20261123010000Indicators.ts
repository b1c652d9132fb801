import { Migration } from '@mikro-orm/migrations';

/** Indicators per statistical area and year (e.g. reported crimes), and municipal averages. */
export class Migration20261123010000Indicators extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "indicator" ("id" uuid not null, "area_code" text null, "average_of" text null, "label" text not null, "name" text not null, "year" int not null, "value" double precision not null, "source" text not null, constraint "indicator_pkey" primary key ("id"))`,
    );
    this.addSql(`create index "indicator_area_code_index" on "indicator" ("area_code")`);
    this.addSql(`alter table "indicator" add constraint "indicator_area_unique" unique ("area_code", "name", "year")`);
    this.addSql(`alter table "indicator" add constraint "indicator_average_unique" unique ("average_of", "name", "year")`);
    this.addSql(`alter table "indicator" add constraint "indicator_one_scope" check (("area_code" is null) <> ("average_of" is null))`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table "indicator"');
  }
}
