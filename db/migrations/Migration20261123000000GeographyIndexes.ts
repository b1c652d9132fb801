import { Migration } from '@mikro-orm/migrations';

/**
 * GIST indexes on `column::geography`, so that radius filters in metres on the spheroid
 * (`ST_DWithin(column::geography, point::geography, metres)`) use an index too.
 */
export class Migration20261123000000GeographyIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index "scene_area_geography_gist" on "scene" using gist (("area"::geography))');
    this.addSql('create index "agreement_area_geography_gist" on "agreement" using gist (("area"::geography))');
    this.addSql('create index "intervention_location_geography_gist" on "intervention" using gist (("location"::geography))');
  }

  override async down(): Promise<void> {
    this.addSql('drop index "scene_area_geography_gist"');
    this.addSql('drop index "agreement_area_geography_gist"');
    this.addSql('drop index "intervention_location_geography_gist"');
  }
}
