import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { EventLog, EventSelector, LoggedEvent } from '../../schema/live/event-log';

/** Recent events kept in memory, so live subscribers rarely read the database. */
const RING_SIZE = 10_000;
const BATCH = 500;
/** Safety net: catch up this often even if no wake-up arrived (a lost NOTIFY, a listener reconnecting). */
const POLL_MS = 2_000;
/** Events queued for one subscriber before it stops being offered new batches and replays instead (a slow consumer). */
const MAX_QUEUE = 2 * BATCH;
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
 *
 * A subscriber replays by pulling batches after its cursor (memory, else the database) until it
 * reaches the head; from then on it is **live**: each newly read batch is offered to every live
 * subscriber at once and queued for it, with no loop of its own (at 10,000 subscribers a loop per
 * subscriber per event was most of the cost). Joining the live set happens in the same tick as
 * finding the cursor at the head, and a batch is offered to the set as it was when the head moved,
 * so no event is skipped or offered twice. A consumer that falls too far behind leaves the live set
 * and replays from the last event it took.
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
  private readonly open = new Set<Subscriber<E>>();
  private readonly live = new Set<Subscriber<E>>();

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
    for (const subscriber of this.open) subscriber.end();
    await this.reading;
  }

  /** Subscriptions currently open on this instance. */
  get subscriptions(): number {
    return this.open.size;
  }

  /** The last event id this instance has read. */
  get latestId(): string {
    return this.head;
  }

  /** The newest committed id in the database. */
  private cursor(): Promise<string> {
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
        if (!this.closed) reportReadFailure(this.source.name, error);
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
    const subscriber = new Subscriber<E>(select, () => {
      this.open.delete(subscriber);
      this.live.delete(subscriber);
    });
    this.open.add(subscriber);
    if (this.closed) subscriber.end();
    signal?.addEventListener('abort', () => subscriber.end(), { once: true });
    void this.replay(subscriber, after);
    return subscriber;
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

  /**
   * Pulls the batches after `after` (default: the newest committed id) for one subscriber until it
   * is at the head, then makes it live. Waits while the consumer has a full queue.
   */
  private async replay(subscriber: Subscriber<E>, after: string | null): Promise<void> {
    try {
      // "From now on" means after the newest committed event, even if this instance has not read it yet.
      let cursor = after ?? (await this.cursor());
      subscriber.delivered = cursor;
      while (!subscriber.ended) {
        const advanced = this.advanced;
        const events = await this.eventsAfter(cursor);
        if (subscriber.ended) return;
        if (events.length === 0) {
          if (cursor === this.head) {
            this.live.add(subscriber); // in the same tick as the check: the next batch read is offered to it
            return;
          }
          await Promise.race([advanced, subscriber.endedSignal]); // the database is ahead of this instance
          continue;
        }
        subscriber.push(await subscriber.select(events));
        cursor = events[events.length - 1]!.id;
        if (subscriber.backlog > MAX_QUEUE) await subscriber.drained();
      }
    } catch (error) {
      subscriber.fail(error);
    }
  }

  private async readNew(): Promise<void> {
    for (;;) {
      const events = await this.source.readAfter(this.orm.em.fork(), this.head, BATCH);
      if (events.length === 0) return;
      this.ring.push(...events);
      if (this.ring.length > RING_SIZE) this.ring.splice(0, this.ring.length - RING_SIZE);
      // the live set as it is when the head moves is offered this batch; any later joiner replays it
      const offered = [...this.live];
      this.head = events[events.length - 1]!.id;
      const signal = this.signalAdvance;
      this.resetAdvance();
      signal();
      await Promise.all(offered.map((subscriber) => this.offer(subscriber, events)));
    }
  }

  /** One new batch to one live subscriber; one too far behind goes back to replaying from the last event it took. */
  private async offer(subscriber: Subscriber<E>, events: E[]): Promise<void> {
    try {
      const picked = await subscriber.select(events);
      if (subscriber.ended || !this.live.has(subscriber)) return;
      if (subscriber.backlog + picked.length > MAX_QUEUE) {
        this.live.delete(subscriber);
        subscriber.dropQueue();
        void this.replay(subscriber, subscriber.delivered);
        return;
      }
      subscriber.push(picked);
    } catch (error) {
      subscriber.fail(error);
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

/** A transport's listener on one subscription (Subscriber.listen). */
export interface LogListener {
  ready(): void;
  ended(error?: unknown): void;
}

/**
 * One subscription: its selector and the queue of events picked for it, consumed as an async
 * iterator (graphql-ws's `for await`). `delivered` is the id of the last event it took (or where
 * it started), the place to replay from.
 */
class Subscriber<E extends LoggedEvent> implements AsyncIterableIterator<E> {
  delivered = '0';
  ended = false;
  readonly endedSignal: Promise<void>;
  private queue: E[] = [];
  private first = 0;
  private waiting: { resolve(step: IteratorResult<E>): void; reject(error: unknown): void } | null = null;
  private failure: { error: unknown } | null = null;
  private onDrained: (() => void) | null = null;
  private signalEnded!: () => void;
  private listener: LogListener | null = null;

  constructor(
    readonly select: EventSelector<E>,
    private readonly onEnd: () => void,
  ) {
    this.endedSignal = new Promise((resolve) => (this.signalEnded = resolve));
  }

  /** Events queued and not yet taken. */
  get backlog(): number {
    return this.queue.length - this.first;
  }

  /**
   * Switches from the iterator to pushing: `ready` is called (synchronously) whenever events are
   * queued, and the listener takes them with `take` at its own pace; `ended` when the subscription
   * ends, with the error if it failed. For a transport that fans out to thousands of sockets,
   * where an await per event and subscriber was most of the cost.
   */
  listen(listener: LogListener): void {
    this.listener = listener;
    if (this.ended) listener.ended(this.failure?.error);
    else if (this.backlog > 0) listener.ready();
  }

  /** The next queued event, if any (the listener's pull). */
  take(): E | undefined {
    if (this.backlog === 0) return undefined;
    const event = this.queue[this.first++]!;
    if (this.first > 1024 && this.first * 2 > this.queue.length) this.compact();
    this.delivered = event.id;
    if (this.backlog === 0 && this.onDrained) {
      this.onDrained();
      this.onDrained = null;
    }
    return event;
  }

  push(events: E[]): void {
    if (this.ended) return;
    if (this.listener) {
      this.queue.push(...events);
      if (events.length > 0) this.listener.ready();
      return;
    }
    for (const event of events) {
      if (this.waiting) {
        const { resolve } = this.waiting;
        this.waiting = null;
        this.delivered = event.id;
        resolve({ done: false, value: event });
      } else this.queue.push(event);
    }
  }

  dropQueue(): void {
    this.queue = [];
    this.first = 0;
  }

  /** Resolves when the consumer has taken every queued event. */
  drained(): Promise<void> {
    if (this.backlog === 0 || this.ended) return Promise.resolve();
    return Promise.race([new Promise<void>((resolve) => (this.onDrained = resolve)), this.endedSignal]);
  }

  /** Ends the subscription with an error, delivered after what is queued. */
  fail(error: unknown): void {
    if (this.ended) return;
    this.failure = { error };
    if (this.listener) return this.end();
    if (this.waiting && this.backlog === 0) {
      const { reject } = this.waiting;
      this.waiting = null;
      this.end();
      reject(error);
    }
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.dropQueue();
    this.onEnd();
    this.signalEnded();
    this.onDrained?.();
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.resolve({ done: true, value: undefined });
    this.listener?.ended(this.failure?.error);
  }

  next(): Promise<IteratorResult<E>> {
    const event = this.take();
    if (event) return Promise.resolve({ done: false, value: event });
    if (this.failure) {
      const { error } = this.failure;
      this.end();
      return Promise.reject(error);
    }
    if (this.ended) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  // An async generator would queue return() until its next yield, which for a quiet filter may be
  // never; this ends the subscription now and leaves nothing behind.
  return(): Promise<IteratorResult<E>> {
    this.end();
    return Promise.resolve({ done: true, value: undefined });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<E> {
    return this;
  }

  private compact(): void {
    this.queue = this.queue.slice(this.first);
    this.first = 0;
  }
}

/**
 * A busy database (every pooled connection held, as a long write holds the embedded database's
 * only one) is said in one line; anything else is logged whole.
 */
function reportReadFailure(log: string, error: unknown) {
  const retry = 'reading again at the next wake-up, from the same event';
  if (error instanceof Error && error.message.includes('Timeout acquiring a connection'))
    console.warn(`[${log}] the database is busy (no free connection); ${retry}`);
  else console.error(`[${log}] reading the outbox failed; ${retry}`, error);
}
