import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { LogListener } from './event-log.hub';

type Result = ExecutionResult | Promise<ExecutionResult>;

/** Where one subscription's results go: its `next` messages written to its socket, the payload given as JSON text. */
export interface DirectDelivery {
  /** Resolves when the socket can take more (at once, unless its buffer is full: a slow consumer waits on its own). */
  sendNext(payloadJson: string): Promise<void> | void;
}

export interface SharedSubscribeOptions {
  /** Subscribers whose contexts give the same key see the same rows. */
  visibilityOf(contextValue: unknown): string;
  /**
   * Runs one event's execution, for the subscription's context: with a context of its own for
   * the event (a fresh entity manager and loaders) and inside the subscriber's viewer transaction.
   */
  runEvent(contextValue: unknown, execute: (eventContext: unknown) => Result): Promise<ExecutionResult>;
  /** A result as it is sent (errors formatted and masked). */
  format(result: ExecutionResult): ExecutionResult;
  /** The socket delivery of a subscription's context (set by the transport when it admitted the operation). */
  deliveryOf(contextValue: unknown): DirectDelivery | undefined;
}

/**
 * graphql-ws's `subscribe`: like graphql-js's, but an event is executed and serialised once for
 * every group of subscribers that would get the same answer (same document, operation, variables
 * and visibility), not once per subscriber, and written straight to each subscriber's socket. With
 * thousands of boards watching the same scenes this turns thousands of executions and
 * serialisations per status change into a handful, and leaves one socket write per subscriber.
 *
 * Each subscriber keeps its own source stream (its own cursor, filter and `after`), so sharing
 * never changes what or when a subscriber receives. Results are remembered per event object, in
 * a WeakMap, so they go when the event leaves the hub's memory. graphql-ws sees an iterator that
 * yields nothing and ends when the stream does (then it sends `complete`), and whose `return`
 * (the client's `complete`) stops the stream at once.
 */
export function createSharedSubscribe({ visibilityOf, runEvent, format, deliveryOf }: SharedSubscribeOptions) {
  const answers = new WeakMap<object, Map<string, Answer>>();

  return async function subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterable(stream)) return stream;
    const delivery = deliveryOf(args.contextValue);
    if (!delivery) throw new Error('A subscription reached shared-subscribe without a socket to deliver to');
    if (!isPushSource(stream)) throw new Error('A subscription source that is not one of the live logs (server/live/event-log.hub.ts)');
    const group = JSON.stringify([
      print(args.document),
      args.operationName ?? null,
      args.variableValues ?? {},
      visibilityOf(args.contextValue),
    ]);

    /** The event's answer for this group: executed and serialised by the first subscriber to ask, shared by the rest. */
    const answerOf = (event: object): Answer => {
      let byGroup = answers.get(event);
      if (!byGroup) answers.set(event, (byGroup = new Map()));
      let answer = byGroup.get(group);
      if (!answer) {
        const created: Answer = { settled: false, json: '', error: null, waiters: [] };
        byGroup.set(group, (answer = created));
        runEvent(args.contextValue, (eventContext) => execute({ ...args, contextValue: eventContext, rootValue: event })).then(
          (result) => settle(created, { json: JSON.stringify(format(result)) }),
          (error: unknown) => settle(created, { error }),
        );
      }
      return answer;
    };

    let finish!: { resolve(step: IteratorResult<ExecutionResult>): void; reject(error: unknown): void };
    const ended = new Promise<IteratorResult<ExecutionResult>>((resolve, reject) => (finish = { resolve, reject }));
    const fanOut = new SubscriberFanOut(stream, delivery, answerOf, finish);
    stream.listen(fanOut);

    const delivered: AsyncIterableIterator<ExecutionResult> = {
      next: () => ended,
      async return() {
        fanOut.stop();
        await stream.return?.();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]: () => delivered,
    };
    return delivered;
  };
}

/** One event's answer for one group of subscribers, and the subscribers waiting for it. */
interface Answer {
  settled: boolean;
  json: string;
  error: unknown;
  waiters: Array<() => void>;
}

function settle(answer: Answer, outcome: { json?: string; error?: unknown }): void {
  answer.settled = true;
  answer.json = outcome.json ?? '';
  answer.error = outcome.error ?? null;
  const waiters = answer.waiters;
  answer.waiters = [];
  for (const wake of waiters) wake();
}

/** Events one subscriber has taken from its log but not yet sent, at most this many (the rest wait in the log's queue). */
const IN_FLIGHT = 64;

/**
 * One subscription's delivery, driven by callbacks rather than an await per event: the log says
 * when events are queued, the subscription takes them, and sends each answer, in order, as soon as
 * it is ready (one waiting subscription per answer, woken when it settles). A full socket buffer
 * pauses it; its events then wait in the log's queue, which the log bounds.
 */
class SubscriberFanOut {
  private readonly pending: Answer[] = [];
  private waitingOn: Answer | null = null;
  private paused = false;
  private stopped = false;

  constructor(
    private readonly source: PushSource,
    private readonly delivery: DirectDelivery,
    private readonly answerOf: (event: object) => Answer,
    private readonly finish: { resolve(step: IteratorResult<ExecutionResult>): void; reject(error: unknown): void },
  ) {}

  ready = (): void => this.pump();

  ended = (error?: unknown): void => {
    if (this.stopped) return;
    this.stopped = true;
    if (error) this.finish.reject(error);
    else this.finish.resolve({ done: true, value: undefined });
  };

  stop(): void {
    this.stopped = true;
    this.finish.resolve({ done: true, value: undefined });
  }

  private pump = (): void => {
    while (!this.stopped && !this.paused) {
      while (this.pending.length < IN_FLIGHT) {
        const event = this.source.take();
        if (event === undefined) break;
        this.pending.push(this.answerOf(event as object));
      }
      const head = this.pending[0];
      if (!head) return;
      if (!head.settled) return this.wakeWhenSettled(head);
      this.pending.shift();
      if (head.error) return this.ended(head.error);
      const sent = this.delivery.sendNext(head.json);
      if (sent) {
        this.paused = true;
        void sent.then(() => {
          this.paused = false;
          this.pump();
        });
      }
    }
  };

  private wakeWhenSettled(answer: Answer): void {
    if (this.waitingOn === answer) return;
    this.waitingOn = answer;
    answer.waiters.push(() => {
      this.waitingOn = null;
      this.pump();
    });
  }
}

/** A live log's subscription (server/live/event-log.hub.ts), which pushes instead of being awaited. */
interface PushSource extends AsyncIterable<unknown> {
  listen(listener: LogListener): void;
  take(): unknown;
  return?(): Promise<unknown>;
}

function isPushSource(value: AsyncIterable<unknown>): value is PushSource {
  return typeof (value as Partial<PushSource>).listen === 'function' && typeof (value as Partial<PushSource>).take === 'function';
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
