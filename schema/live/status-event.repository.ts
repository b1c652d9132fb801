import type { EntityManager } from '@mikro-orm/postgresql';
import { Operator } from '../operator/operator.entity';
import type { SceneStatus } from '../scene/scene-status';
import { Scene } from '../scene/scene.entity';

/** Channel of the wake-up NOTIFY sent with each committed event (payload: its id). */
export const STATUS_EVENT_CHANNEL = 'scene_status_event';
/** Advisory lock key that orders event ids by commit (an arbitrary constant). */
const EVENT_ORDER_LOCK = 7_340_611;

/** A committed status change as delivered: small and serialisable; resolved to GraphQL types per subscriber. */
export interface StatusEventRow extends NewStatusEvent {
  id: string;
  municipality: string;
  /** The scene and operator as they were just after the event was read: loaded once per batch, shared by every subscriber. */
  scene?: Scene;
  changedByOperator?: Operator | null;
}

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
 * Writes the outbox row of a status change inside the caller's transaction, as its last step.
 * The advisory lock is held until commit, so ids are handed out in commit order (a transaction
 * that gets id 10 commits after the one that got 9), which is what lets a reader resume with a
 * plain "after id" cursor and never skip a late commit. The NOTIFY is delivered at commit.
 */
export async function appendStatusEvent(tx: EntityManager, event: NewStatusEvent): Promise<string> {
  await tx.execute('select pg_advisory_xact_lock(?)', [EVENT_ORDER_LOCK]);
  const [row] = await tx.execute<Array<{ id: string }>>(
    `insert into scene_status_event (id, scene_id, "from", "to", reason, changed_at, changed_by, changed_by_operator_id)
     values (nextval('scene_status_event_id_seq'), ?, ?, ?, ?, ?, ?, ?) returning id::text`,
    [event.sceneId, event.from, event.to, event.reason, event.changedAt, event.changedBy, event.changedByOperatorId],
  );
  await tx.execute('select pg_notify(?, ?)', [STATUS_EVENT_CHANNEL, row!.id]);
  return row!.id;
}

/** Committed events after `afterId`, in id order, at most `limit`. */
export async function readStatusEvents(em: EntityManager, afterId: string, limit = 1000): Promise<StatusEventRow[]> {
  const rows = await em.execute<Array<Omit<StatusEventRow, 'changedAt'> & { changedAtMs: number }>>(
    `select e.id::text as id, e.scene_id as "sceneId", e."from", e."to", e.reason, extract(epoch from e.changed_at) * 1000 as "changedAtMs", e.changed_by as "changedBy",
            e.changed_by_operator_id as "changedByOperatorId", s.municipality
       from scene_status_event e join scene s on s.id = e.scene_id
      where e.id > ?::bigint order by e.id limit ?`,
    [afterId, limit],
  );
  const events: StatusEventRow[] = rows.map(({ changedAtMs, ...row }) => ({ ...row, changedAt: new Date(Number(changedAtMs)) }));
  if (events.length === 0) return events;
  // One read of the scenes and operators for the whole batch, however many subscribers there are.
  const scenes = new Map(
    (await em.find(Scene, { id: { $in: [...new Set(events.map((e) => e.sceneId))] } })).map((scene) => [scene.id, scene]),
  );
  const operatorIds = [...new Set(events.map((e) => e.changedByOperatorId).filter((id): id is string => id !== null))];
  const operators = new Map(operatorIds.length ? (await em.find(Operator, { id: { $in: operatorIds } })).map((o) => [o.id, o]) : []);
  return events.map((event) => ({
    ...event,
    scene: scenes.get(event.sceneId),
    changedByOperator: event.changedByOperatorId ? (operators.get(event.changedByOperatorId) ?? null) : null,
  }));
}

/** The newest committed event id ("0" when there is none). */
export async function latestStatusEventId(em: EntityManager): Promise<string> {
  const [row] = await em.execute<Array<{ id: string | null }>>('select max(id)::text as id from scene_status_event');
  return row?.id ?? '0';
}

/** Which of `sceneIds` have an area intersecting the box (WGS 84): bbox filters, decided by PostGIS. */
export async function scenesInBox(em: EntityManager, sceneIds: string[], box: { minX: number; minY: number; maxX: number; maxY: number }) {
  if (sceneIds.length === 0) return new Set<string>();
  const rows = await em.execute<Array<{ id: string }>>(
    `select id from scene where id = any(array[?]::uuid[]) and ST_Intersects(area, ST_MakeEnvelope(?, ?, ?, ?, 4326))`,
    [sceneIds, box.minX, box.minY, box.maxX, box.maxY],
  );
  return new Set(rows.map((row) => row.id));
}
