import { Migration } from '@mikro-orm/migrations';

/**
 * Per-token operation counts shared by every server instance (server/limits/rate-limiter.ts, in
 * rate-limiter-flexible's layout). UNLOGGED: the counts are worth one minute, so they skip the
 * write-ahead log, and a crash that empties the table only forgives a minute's requests.
 */
export class Migration20261129010000RateLimit extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create unlogged table "rate_limit" ("key" varchar(255) primary key, "points" integer not null default 0, "expire" bigint)`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table "rate_limit"');
  }
}
