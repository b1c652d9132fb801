import { Migration } from '@mikro-orm/migrations';
import { changeLogSql, dropChangeLogSql } from './change-log';
import { interventionReadRule } from './Migration20261201010000FastReadPolicy';

/**
 * Alerts by area (issue: alerts by area for agencies): the change log of scenes, agreements and
 * interventions with the notices of days that come (change-log.ts), and watch areas with their
 * alerts. Both logs are outboxes like `scene_status_event`: written in the changing transaction,
 * ids in commit order, read by every instance's live hubs, resumed with `after`.
 */
export class Migration20261202040000ChangeLog extends Migration {
  override async up(): Promise<void> {
    for (const statement of changeLogSql(interventionReadRule)) this.addSql(statement);
  }

  override async down(): Promise<void> {
    for (const statement of dropChangeLogSql()) this.addSql(statement);
  }
}
