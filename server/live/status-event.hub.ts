import type { MikroORM } from '@mikro-orm/postgresql';
import { scenesIntersectingBox } from '../../db/spatial/proximity';
import { SceneStatusOutbox } from '../../schema/live/scene-status-outbox.entity';
import type { SceneStatusOutboxRepository } from '../../schema/live/scene-status-outbox.repository';
import type { StatusEventFilter, StatusEventPayload, StatusEvents } from '../../schema/live/status-events';

/** Recent events kept in memory, so live subscribers rarely read the database. */
const RING_SIZE = 10_000;
const BATCH = 500;
/** Safety net: catch up this often even if no wake-up arrived (a lost NOTIFY, a listener reconnecting). */
const POLL_MS = 2_000;

/**
 * The ordered log of committed status events as one instance sees it. The outbox gives ids in
 * commit order, so the log is simply "everything after the last id seen". Every subscriber is a
 * cursor over that log: replay (`after`) and live delivery are the same loop, so there is no seam
 * where an event could be skipped or delivered twice. Wake-ups (NOTIFY, an in-process call after a
 * commit, or the poll) only say "read again".
 */
export class StatusEventHub implements StatusEvents {
  private head = '0';
  private ring: StatusEventPayload[] = [];
  private advanced!: Promise<void>;
  private signalAdvance!: () => void;
  private reading: Promise<void> | null = null;
  private again = false;
  private poll: NodeJS.Timeout | null = null;
  private boxCache = new Map<string, Promise<Set<string>>>();
  private closed = false;
  private active = 0;

  constructor(private readonly orm: MikroORM) {
    this.resetAdvance();
  }

  async start(): Promise<void> {
    this.head = await this.outbox().latestId();
    this.poll = setInterval(() => this.wake(), POLL_MS);
    this.poll.unref();
  }

  /** Stops polling and ends every subscription; resolves once a read in flight has finished, so the ORM may close. */
  async stop(): Promise<void> {
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    this.signalAdvance();
    await this.reading;
  }

  /** Subscriptions currently open on this instance. */
  get subscriptions(): number {
    return this.active;
  }

  /** The last event id this instance has read. */
  get latestId(): string {
    return this.head;
  }

  /**
   * Reads new committed events; concurrent calls coalesce into one more read. Never rejects: a
   * failed read (the database restarting, say) is logged and retried at the next wake-up or poll,
   * from the same place in the log, so nothing is skipped.
   */
  wake(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = this.readNew()
      .catch((error: unknown) => {
        if (!this.closed) console.error('[status events] reading the outbox failed; retrying at the next wake-up', error);
      })
      .finally(() => {
        this.reading = null;
        if (this.again) {
          this.again = false;
          void this.wake();
        }
      });
    return this.reading;
  }

  /**
   * Events matching `filter`, in id order: those after `after` first (replay), then live ones
   * as they commit. Without `after`, from now on. Ends when `signal` aborts, `return()` is
   * called or the hub stops.
   */
  subscribe(filter: StatusEventFilter, after: string | null, signal?: AbortSignal): AsyncIterableIterator<StatusEventPayload> {
    const ended = new AbortController();
    signal?.addEventListener('abort', () => ended.abort(), { once: true });
    const events = this.deliver(filter, after, ended.signal);
    return {
      next: () => events.next(),
      // An async generator queues return() until its next yield, which for a quiet filter may be
      // never; aborting wakes it so that it ends now and leaves nothing behind.
      return: async () => {
        ended.abort();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  // Private:

  private async *deliver(filter: StatusEventFilter, after: string | null, signal: AbortSignal): AsyncGenerator<StatusEventPayload> {
    // "From now on" means after the newest committed event, even if this instance has not read it yet.
    let cursor = after ?? (await this.outbox().latestId());
    const stopped = aborted(signal);
    this.active += 1;
    try {
      while (!this.closed && !signal.aborted) {
        const advanced = this.advanced;
        const events = await this.eventsAfter(cursor);
        if (events.length === 0) {
          await Promise.race([advanced, stopped]);
          continue;
        }
        for (const event of await this.matching(events, filter)) {
          if (signal.aborted) return;
          yield event;
        }
        cursor = events[events.length - 1]!.id;
      }
    } finally {
      this.active -= 1;
    }
  }

  private async readNew(): Promise<void> {
    const outbox = this.outbox();
    for (;;) {
      const events = await outbox.readAfter(this.head, BATCH);
      if (events.length === 0) return;
      this.ring.push(...events);
      if (this.ring.length > RING_SIZE) this.ring.splice(0, this.ring.length - RING_SIZE);
      this.head = events[events.length - 1]!.id;
      this.boxCache.clear();
      const signal = this.signalAdvance;
      this.resetAdvance();
      signal();
    }
  }

  /** The outbox, read through a fresh entity manager (no identity map outlives a read). */
  private outbox(): SceneStatusOutboxRepository {
    return this.orm.em.fork().getRepository(SceneStatusOutbox);
  }

  private resetAdvance(): void {
    this.advanced = new Promise((resolve) => (this.signalAdvance = resolve));
  }

  /** Up to BATCH events after `cursor` that this instance has read: from memory, or the database for old cursors. */
  private async eventsAfter(cursor: string): Promise<StatusEventPayload[]> {
    const after = BigInt(cursor);
    if (after >= BigInt(this.head)) {
      if (after > BigInt(this.head)) void this.wake(); // the database is ahead of this instance: read up
      return [];
    }
    const oldest = this.ring[0];
    if (oldest && after >= BigInt(oldest.id) - 1n) {
      const start = firstAfter(this.ring, after);
      return this.ring.slice(start, start + BATCH);
    }
    const rows = await this.outbox().readAfter(cursor, BATCH);
    return rows.filter((event) => BigInt(event.id) <= BigInt(this.head));
  }

  private async matching(events: StatusEventPayload[], filter: StatusEventFilter): Promise<StatusEventPayload[]> {
    const plain = events.filter(
      (event) =>
        (!filter.sceneIds?.length || filter.sceneIds.includes(event.sceneId)) &&
        (!filter.municipality?.length || filter.municipality.includes(event.municipality)) &&
        (!filter.statuses?.length || filter.statuses.includes(event.to) || (event.from !== null && filter.statuses.includes(event.from))),
    );
    if (!filter.box || plain.length === 0) return plain;
    const inside = await this.scenesInBox(plain, filter.box);
    return plain.filter((event) => inside.has(event.sceneId));
  }

  /** One PostGIS query per batch and distinct box, shared by every subscriber with that box. */
  private scenesInBox(events: StatusEventPayload[], box: NonNullable<StatusEventFilter['box']>): Promise<Set<string>> {
    const key = `${events[0]!.id}-${events[events.length - 1]!.id}|${box.minX},${box.minY},${box.maxX},${box.maxY}`;
    let result = this.boxCache.get(key);
    if (!result) {
      result = scenesIntersectingBox(this.orm.em.fork(), [...new Set(events.map((event) => event.sceneId))], box);
      this.boxCache.set(key, result);
    }
    return result;
  }
}

/** Index of the first event with an id above `after` (binary search: the ring is in id order). */
function firstAfter(ring: StatusEventPayload[], after: bigint): number {
  let low = 0;
  let high = ring.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (BigInt(ring[middle]!.id) > after) high = middle;
    else low = middle + 1;
  }
  return low;
}

function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
}
