import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { geometryParam } from '../../db/spatial/geometry-input';
import type { Geometry } from '../../db/spatial/geojson';
import { isoMomentSql, SqlWriter } from '../../db/sql-writer';
import type { EventLog } from '../live/event-log';
import type { WatchArea, WatchSubject } from './watch-area.types';

/** Channel of the wake-up NOTIFY sent when an alert is raised (db/migrations/change-log.ts). */
export const WATCH_ALERT_CHANNEL = 'watch_area_alert';

/** A raised alert as the live path carries it: small and serialisable, resolved per subscriber. */
export interface WatchAlertPayload {
  /** The alert log id: increases with every alert. */
  id: string;
  eventId: string;
  watchAreaId: string;
  /** The operator that owns the area, who alone receives the alert. */
  operatorId: string;
  watchAreaName: string;
  movement: string;
  distanceMeters: number;
  subject: string;
  subjectId: string;
  action: string;
  title: string;
  kind: string | null;
  status: string | null;
  sceneIds: string[];
  agreementId: string | null;
  changedFields: string[];
  /** ISO 8601 */
  occurredAt: string;
  recordedBy: string | null;
}

/** The instance's alert log, as resolvers use it (server/live/event-log.hub.ts implements it). */
export type WatchAlerts = EventLog<WatchAlertPayload>;

/** A watch area's row, as the GraphQL type without its geometry (read on demand, in the CRS asked for). */
type WatchAreaRow = WatchArea;

const AREA_COLUMNS = `id, name, radius_meters as "radiusMeters", subjects, version, created_at as "createdAt", created_by as "createdBy",
  updated_at as "updatedAt"`;

/**
 * Watch areas and their alerts, in SQL (the table's generated `reach` and row security keep it
 * out of the ORM's schema). Every statement runs in the caller's viewer transaction: row security
 * shows and changes only the caller's operator's areas.
 */
export const WatchAreaRepository = {
  list(em: EntityManager): Promise<WatchAreaRow[]> {
    return em.execute<WatchAreaRow[]>(`select ${AREA_COLUMNS} from watch_area order by name, id`);
  },

  async findById(em: EntityManager, id: string): Promise<WatchAreaRow | null> {
    const [row] = await em.execute<WatchAreaRow[]>(`select ${AREA_COLUMNS} from watch_area where id = ?`, [id]);
    return row ?? null;
  },

  async count(em: EntityManager): Promise<number> {
    const [row] = await em.execute<Array<{ count: string }>>('select count(*) as count from watch_area');
    return Number(row!.count);
  },

  async insert(
    em: EntityManager,
    area: { operatorId: string; name: string; geometry: Geometry; radiusMeters: number; subjects: WatchSubject[]; createdBy: string },
  ): Promise<WatchAreaRow> {
    const w = new SqlWriter('positional');
    const [row] = await em.execute<WatchAreaRow[]>(
      `insert into watch_area (id, operator_id, name, area, radius_meters, subjects, created_by)
       values (${w.param(randomUUID(), 'uuid')}, ${w.param(area.operatorId, 'uuid')}, ${w.param(area.name, 'text')},
               ${geometryParam(area.geometry, w)}, ${w.param(area.radiusMeters, 'float8')}, ${w.array(area.subjects, 'text')},
               ${w.param(area.createdBy, 'text')})
       returning ${AREA_COLUMNS}`,
      w.values,
    );
    return row!;
  },

  /** Sets the given fields and moves the version on, if it is still `expectedVersion`; null when it is not (or the area is not the caller's). */
  async update(
    em: EntityManager,
    id: string,
    expectedVersion: number,
    fields: { name?: string; geometry?: Geometry; radiusMeters?: number; subjects?: WatchSubject[] },
  ): Promise<WatchAreaRow | null> {
    const w = new SqlWriter('positional');
    const sets = [
      fields.name !== undefined ? `name = ${w.param(fields.name, 'text')}` : null,
      fields.geometry !== undefined ? `area = ${geometryParam(fields.geometry, w)}` : null,
      fields.radiusMeters !== undefined ? `radius_meters = ${w.param(fields.radiusMeters, 'float8')}` : null,
      fields.subjects !== undefined ? `subjects = ${w.array(fields.subjects, 'text')}` : null,
    ].filter(Boolean);
    const [row] = await em.execute<WatchAreaRow[]>(
      `update watch_area set ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
        where id = ${w.param(id, 'uuid')} and version = ${w.param(expectedVersion, 'int')} returning ${AREA_COLUMNS}`,
      w.values,
    );
    return row ?? null;
  },

  async delete(em: EntityManager, id: string): Promise<boolean> {
    const rows = await em.execute<Array<{ id: string }>>('delete from watch_area where id = ? returning id', [id]);
    return rows.length > 0;
  },

  /** Raised alerts after `afterId`, in id order, at most `limit`, with what happened (read as the log's owner). */
  readAlertsAfter(em: EntityManager, afterId: string, limit: number): Promise<WatchAlertPayload[]> {
    return em.execute<WatchAlertPayload[]>(
      `select a.id::text as id, a.event_id::text as "eventId", a.watch_area_id as "watchAreaId", a.operator_id as "operatorId",
              a.watch_area_name as "watchAreaName", a.movement, a.distance_meters as "distanceMeters",
              e.subject, e.subject_id as "subjectId", e.action, e.title, e.kind, e.status, e.scene_ids::text[] as "sceneIds",
              e.agreement_id as "agreementId", e.changed_fields as "changedFields", ${isoMomentSql('e.occurred_at')} as "occurredAt",
              e.recorded_by as "recordedBy"
         from watch_area_alert a join change_event e on e.id = a.event_id
        where a.id > ?::bigint order by a.id limit ?`,
      [afterId, limit],
    );
  },

  /** The newest alert id ("0" when there is none), whatever the caller may see; in `em`'s transaction if it has one. */
  async latestAlertId(em: EntityManager): Promise<string> {
    const [row] = await em.execute<Array<{ id: string }>>('select watch_area_alert_head()::text as id');
    return row!.id;
  },

  /** The alerts of `ids` the caller of `em`'s viewer transaction may receive: its own operator's, about what it may see. */
  async visibleAlertIds(em: EntityManager, ids: string[]): Promise<Set<string>> {
    const rows = await em.execute<Array<{ id: string }>>('select id::text as id from watch_area_alert where id = any(array[?]::bigint[])', [
      ids,
    ]);
    return new Set(rows.map((row) => row.id));
  },
};
