import type { MikroORM } from '@mikro-orm/postgresql';
import { scenesIntersectingBox } from '../../db/spatial/proximity';
import { SceneStatusOutbox } from '../../schema/live/scene-status-outbox.entity';
import type { StatusEventFilter, StatusEventPayload, StatusEvents } from '../../schema/live/status-events';
import { EventLogHub, type EventLogSource } from './event-log.hub';

/** The status outbox (`scene_status_event`) as a log source. */
const STATUS_OUTBOX: EventLogSource<StatusEventPayload> = {
  name: 'status events',
  readAfter: (em, afterId, limit) => em.getRepository(SceneStatusOutbox).readAfter(afterId, limit),
  latestId: (em) => em.getRepository(SceneStatusOutbox).latestId(),
};

/**
 * The log of committed status changes (server/live/event-log.hub.ts), with the filters of
 * `sceneStatusChanged`: plain ones in memory, a box by PostGIS once per batch and box.
 */
export class StatusEventHub implements StatusEvents {
  private readonly log: EventLogHub<StatusEventPayload>;

  constructor(private readonly orm: MikroORM) {
    this.log = new EventLogHub(orm, STATUS_OUTBOX);
  }

  start(): Promise<void> {
    return this.log.start();
  }

  stop(): Promise<void> {
    return this.log.stop();
  }

  wake(): Promise<void> {
    return this.log.wake();
  }

  /** Subscriptions currently open on this instance. */
  get subscriptions(): number {
    return this.log.subscriptions;
  }

  /** The last event id this instance has read. */
  get latestId(): string {
    return this.log.latestId;
  }

  subscribe(filter: StatusEventFilter, after: string | null, signal?: AbortSignal): AsyncIterableIterator<StatusEventPayload> {
    return this.log.subscribe((batch) => this.matching(batch, filter), after, signal);
  }

  // Private:

  private async matching(events: StatusEventPayload[], filter: StatusEventFilter): Promise<StatusEventPayload[]> {
    const plain = events.filter(
      (event) =>
        (!filter.sceneIds?.length || filter.sceneIds.includes(event.sceneId)) &&
        (!filter.municipality?.length || filter.municipality.includes(event.municipality)) &&
        (!filter.statuses?.length || filter.statuses.includes(event.to) || (event.from !== null && filter.statuses.includes(event.from))),
    );
    const { box } = filter;
    if (!box || plain.length === 0) return plain;
    // one PostGIS query per batch and distinct box, shared by every subscriber with that box
    const inside = await this.log.shared(`box:${box.minX},${box.minY},${box.maxX},${box.maxY}`, events, () =>
      scenesIntersectingBox(this.orm.em.fork(), [...new Set(events.map((event) => event.sceneId))], box),
    );
    return plain.filter((event) => inside.has(event.sceneId));
  }
}
