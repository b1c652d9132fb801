import { Migration } from '@mikro-orm/migrations';

/** The geometry columns a write validates, as (table, column). */
const GEOMETRY_COLUMNS = [
  ['scene', 'area'],
  ['agreement', 'area'],
  ['intervention', 'location'],
] as const;

/**
 * A geometry is validated once, by the write that stores it. The checks `scene_area_valid` and
 * `agreement_area_valid` become triggers that also say why (PostGIS's `ST_IsValidReason`, which
 * runs only for an invalid geometry, in the error's DETAIL) and name the column, under SQLSTATE
 * `GE001`; the server maps that to INVALID_GEOMETRY. Before, the API asked PostGIS in a statement of its own first and the
 * check asked again on insert. Intervention locations, which had no check, get one.
 */
export class Migration20261202000000GeometryValidOnce extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function ensure_valid_geometry() returns trigger language plpgsql as $$
      declare
        value geometry;
      begin
        execute format('select ($1).%I', tg_argv[0]) using new into value;
        if value is not null and not ST_IsValid(value) then
          raise exception using errcode = 'GE001', table = tg_table_name, column = tg_argv[0],
            message = format('invalid geometry in %I.%I', tg_table_name, tg_argv[0]),
            detail = format('Invalid %s: %s (PostGIS ST_IsValidReason; coordinates in WGS 84, as stored)', tg_argv[0], ST_IsValidReason(value));
        end if;
        return new;
      end $$`);
    this.addSql(`alter table "scene" drop constraint "scene_area_valid"`);
    this.addSql(`alter table "agreement" drop constraint "agreement_area_valid"`);
    for (const [table, column] of GEOMETRY_COLUMNS) {
      this.addSql(
        `create trigger "${table}_${column}_valid" before insert or update of "${column}" on "${table}" ` +
          `for each row execute function ensure_valid_geometry('${column}')`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const [table, column] of GEOMETRY_COLUMNS) this.addSql(`drop trigger "${table}_${column}_valid" on "${table}"`);
    this.addSql(`drop function ensure_valid_geometry()`);
    this.addSql(`alter table "scene" add constraint "scene_area_valid" check (ST_IsValid("area") is true)`);
    this.addSql(`alter table "agreement" add constraint "agreement_area_valid" check ("area" is null or ST_IsValid("area"))`);
  }
}
