import { EntityRepository } from '@mikro-orm/postgresql';
import { isoMomentSql } from '../../db/sql-writer';
import type { SceneStatus } from '../scene/scene-status';
import type { SceneStatusOutbox } from './scene-status-outbox.entity';
import type { StatusEventPayload } from './status-events';

/** Channel of the wake-up NOTIFY sent with each committed event (payload: its id). */
export const STATUS_EVENT_CHANNEL = 'scene_status_event';

/** What a status change records, as written to the outbox. */
export interface NewStatusEvent {
  sceneId: string;
  from: SceneStatus | null;
  to: SceneStatus;
  reason: string;
  changedAt: Date;
  changedBy: string | null;
  changedByOperatorId: string | null;
}

/**
 * The outbox of status changes: written inside the changing transaction, read in commit order by
 * the live hub (server/live) and by subscribers resuming after an id.
 */
export class SceneStatusOutboxRepository extends EntityRepository<SceneStatusOutbox> {
  /**
   * Writes the outbox row of a status change inside the caller's transaction (so use the
   * transaction's repository), as its last step. The advisory lock is held until commit, so ids
   * are handed out in commit order (a transaction that gets id 10 commits after the one that got
   * 9), which is what lets a reader resume with a plain "after id" cursor and never skip a late
   * commit. The NOTIFY is delivered at commit.
   */
  async append(event: NewStatusEvent): Promise<string> {
    await this.em.execute('select take_event_order_lock()');
    const [row] = await this.em.execute<Array<{ id: string }>>(
      `insert into scene_status_event (id, scene_id, "from", "to", reason, changed_at, changed_by, changed_by_operator_id)
       values (nextval('scene_status_event_id_seq'), ?, ?, ?, ?, ?, ?, ?) returning id::text`,
      [event.sceneId, event.from, event.to, event.reason, event.changedAt, event.changedBy, event.changedByOperatorId],
    );
    await this.em.execute('select pg_notify(?, ?)', [STATUS_EVENT_CHANNEL, row!.id]);
    return row!.id;
  }

  /** Committed events after `afterId`, in id order, at most `limit`. */
  readAfter(afterId: string, limit = 1000): Promise<StatusEventPayload[]> {
    return this.em.execute<StatusEventPayload[]>(
      `select e.id::text as id, e.scene_id as "sceneId", s.municipality, e."from", e."to", e.reason,
              ${isoMomentSql('e.changed_at')} as "changedAt", e.changed_by as "changedBy",
              e.changed_by_operator_id as "changedByOperatorId"
         from scene_status_event e join scene s on s.id = e.scene_id
        where e.id > ?::bigint order by e.id limit ?`,
      [afterId, limit],
    );
  }

  /** The newest committed event id ("0" when there is none). */
  async latestId(): Promise<string> {
    const [row] = await this.em.execute<Array<{ id: string | null }>>('select max(id)::text as id from scene_status_event');
    return row?.id ?? '0';
  }
}
