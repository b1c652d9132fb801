import type { EntityManager } from '@mikro-orm/postgresql';
import { isoMomentSql } from '../../db/sql-writer';
import type { EventLog } from '../live/event-log';

/** Channel of the wake-up NOTIFY sent at the commit of each logged change (db/migrations/change-log.ts). */
export const CHANGE_EVENT_CHANNEL = 'change_event';

export type ChangeSubject = 'SCENE' | 'AGREEMENT' | 'INTERVENTION' | 'COMMITMENT';
export type ChangeAction = 'CREATED' | 'CHANGED' | 'SHARED' | 'DELETED' | 'EXPIRING' | 'DUE';

/**
 * A committed change as the live path carries it from the log (`change_event`) to each
 * subscriber: ids, strings and numbers, small and serialisable; resolved to GraphQL types per
 * subscriber, under that subscriber's row security. Geometry stays in the database (read per
 * subscriber in the CRS asked for).
 */
export interface ChangePayload {
  /** The log id: increases with every committed change. */
  id: string;
  subject: ChangeSubject;
  subjectId: string;
  action: ChangeAction;
  /** The subject's version this change made (or, for a notice or share, its latest). */
  version: number | null;
  changedFields: string[];
  /** ISO 8601: when the change took effect (or the notice was given). */
  occurredAt: string;
  /** ISO 8601: when the platform recorded it. */
  recordedAt: string;
  recordedBy: string | null;
  recordedByOperatorId: string | null;
  title: string;
  kind: string | null;
  category: string | null;
  status: string | null;
  sceneIds: string[];
  /** An agreement's parties; an intervention's owner, operators (and, once shared, those it is shared with). */
  partyIds: string[];
  agreementId: string | null;
  sensitivity: string | null;
  /** An agreement's last day, a commitment's due date (YYYY-MM-DD). */
  dueDate: string | null;
  /** For a notice: days from its day to `dueDate`; and the countdown's notice before it (null: the first). */
  daysLeft: number | null;
  previousDaysLeft: number | null;
}

/** The instance's change log, as resolvers use it (server/live/event-log.hub.ts implements it). */
export type ChangeEvents = EventLog<ChangePayload>;

const PAYLOAD_COLUMNS = `e.id::text as id, e.subject, e.subject_id as "subjectId", e.action, e.version,
  e.changed_fields as "changedFields", ${isoMomentSql('e.occurred_at')} as "occurredAt", ${isoMomentSql('e.recorded_at')} as "recordedAt",
  e.recorded_by as "recordedBy", e.recorded_by_operator_id as "recordedByOperatorId", e.title, e.kind, e.category, e.status,
  e.scene_ids::text[] as "sceneIds", e.party_ids::text[] as "partyIds", e.agreement_id as "agreementId", e.sensitivity,
  e.due_date::text as "dueDate", e.days_left as "daysLeft", e.previous_days_left as "previousDaysLeft"`;

/** Committed changes after `afterId`, in id order, at most `limit` (read as the log's owner: every subscriber's selection is made later). */
export function readChangesAfter(em: EntityManager, afterId: string, limit: number): Promise<ChangePayload[]> {
  return em.execute<ChangePayload[]>(`select ${PAYLOAD_COLUMNS} from change_event e where e.id > ?::bigint order by e.id limit ?`, [
    afterId,
    limit,
  ]);
}

/** The newest committed change id ("0" when there is none), whatever the caller may see; in `em`'s transaction if it has one. */
export async function latestChangeId(em: EntityManager): Promise<string> {
  const [row] = await em.execute<Array<{ id: string }>>('select change_event_head()::text as id');
  return row!.id;
}

/** The changes of `ids` that the caller of `em`'s viewer transaction may see (row security on `change_event`). */
export async function visibleChangeIds(em: EntityManager, ids: string[]): Promise<Set<string>> {
  const rows = await em.execute<Array<{ id: string }>>('select id::text as id from change_event where id = any(array[?]::bigint[])', [ids]);
  return new Set(rows.map((row) => row.id));
}

/**
 * Writes the notices of the days that have come (agreements ending, commitments falling due
 * within `horizonDays` of `today`), once however many instances call it; the number written.
 */
export async function recordDueNotices(em: EntityManager, today: string, horizonDays: number): Promise<number> {
  const [row] = await em.execute<Array<{ written: number }>>('select record_due_notices(?::date, ?::int) as written', [today, horizonDays]);
  return row?.written ?? 0;
}
