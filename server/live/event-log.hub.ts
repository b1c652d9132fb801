import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { EventLog, EventSelector, LoggedEvent } from '../../schema/live/event-log';

/** Recent events kept in memory, so live subscribers rarely read the database. */
const RING_SIZE = 10_000;
const BATCH = 500;
/** Safety net: catch up this often even if no wake-up arrived (a lost NOTIFY, a listener reconnecting). */
const POLL_MS = 2_000;
/** Answers shared between subscribers are forgotten past this many (they are keyed by batch, so old ones are never asked again). */
const SHARED_ANSWERS = 5_000;

/** Where a log's committed events are read from: an outbox table whose ids increase in commit order. */
export interface EventLogSource<E extends LoggedEvent> {
  /** Named in log messages. */
  name: string;
  /** Committed events after `afterId`, in id order, at most `limit`. */
  readAfter(em: EntityManager, afterId: string, limit: number): Promise<E[]>;
  /** The newest committed id ("0" when there is none). */
  latestId(em: EntityManager): Promise<string>;
}

/**
 * The ordered log of one outbox's committed events as one instance sees it. The outbox gives ids
 * in commit order, so the log is simply "everything after the last id seen". Every subscriber is
 * a cursor over that log: replay (`after`) and live delivery are the same loop, so there is no
 * seam where an event could be skipped or delivered twice. Wake-ups (NOTIFY, an in-process call
 * after a commit, or the poll) only say "read again". What a subscriber receives of each batch is
 * its selector's choice (filters, row security); questions many subscribers ask of the same batch
 * (a PostGIS test, what a role may see) are answered once through `shared`.
 */
export class EventLogHub<E extends LoggedEvent> implements EventLog<E> {
  private head = '0';
  private ring: E[] = [];
  private advanced!: Promise<void>;
  private signalAdvance!: () => void;
  private reading: Promise<void> | null = null;
  private again = false;
  private poll: NodeJS.Timeout | null = null;
  private answers = new Map<string, Promise<unknown>>();
  private closed = false;
  private active = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly source: EventLogSource<E>,
  ) {
    this.resetAdvance();
  }

  async start(): Promise<void> {
    this.head = await this.source.latestId(this.orm.em.fork());
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

  /** The newest committed id in the database (a client reads it before loading state, then subscribes after it). */
  cursor(): Promise<string> {
    return this.source.latestId(this.orm.em.fork());
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
        if (!this.closed) console.error(`[${this.source.name}] reading the outbox failed; retrying at the next wake-up`, error);
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
   * The events `select` picks, in id order: those after `after` first (replay), then live ones as
   * they commit. Without `after`, from now on. Ends when `signal` aborts, `return()` is called or
   * the hub stops.
   */
  subscribe(select: EventSelector<E>, after: string | null, signal?: AbortSignal): AsyncIterableIterator<E> {
    const ended = new AbortController();
    signal?.addEventListener('abort', () => ended.abort(), { once: true });
    const events = this.deliver(select, after, ended.signal);
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

  /**
   * The answer to `question` about `batch`, computed once for every subscriber that asks it of the
   * same batch (subscribers at the same place in the log are handed the same batch).
   */
  shared<T>(question: string, batch: readonly E[], answer: () => Promise<T>): Promise<T> {
    const key = `${batch[0]?.id}-${batch[batch.length - 1]?.id}|${question}`;
    let found = this.answers.get(key) as Promise<T> | undefined;
    if (!found) {
      if (this.answers.size >= SHARED_ANSWERS) this.answers.clear();
      found = answer();
      found.catch(() => this.answers.delete(key)); // a failed answer is asked again, not remembered
      this.answers.set(key, found);
    }
    return found;
  }

  // Private:

  private async *deliver(select: EventSelector<E>, after: string | null, signal: AbortSignal): AsyncGenerator<E> {
    // "From now on" means after the newest committed event, even if this instance has not read it yet.
    let cursor = after ?? (await this.cursor());
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
        for (const event of await select(events)) {
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
    for (;;) {
      const events = await this.source.readAfter(this.orm.em.fork(), this.head, BATCH);
      if (events.length === 0) return;
      this.ring.push(...events);
      if (this.ring.length > RING_SIZE) this.ring.splice(0, this.ring.length - RING_SIZE);
      this.head = events[events.length - 1]!.id;
      const signal = this.signalAdvance;
      this.resetAdvance();
      signal();
    }
  }

  private resetAdvance(): void {
    this.advanced = new Promise((resolve) => (this.signalAdvance = resolve));
  }

  /** Up to BATCH events after `cursor` that this instance has read: from memory, or the database for old cursors. */
  private async eventsAfter(cursor: string): Promise<E[]> {
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
    const rows = await this.source.readAfter(this.orm.em.fork(), cursor, BATCH);
    return rows.filter((event) => BigInt(event.id) <= BigInt(this.head));
  }
}

/** Index of the first event with an id above `after` (binary search: the ring is in id order). */
function firstAfter(ring: LoggedEvent[], after: bigint): number {
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
