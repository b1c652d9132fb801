import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';

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
  const answers = new WeakMap<object, Map<string, Promise<string>>>();

  return async function subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterable(stream)) return stream;
    const delivery = deliveryOf(args.contextValue);
    if (!delivery) throw new Error('A subscription reached shared-subscribe without a socket to deliver to');
    const group = JSON.stringify([
      print(args.document),
      args.operationName ?? null,
      args.variableValues ?? {},
      visibilityOf(args.contextValue),
    ]);

    const answerOf = (event: unknown): Promise<string> => {
      const run = async () => {
        const result = await runEvent(args.contextValue, (eventContext) =>
          execute({ ...args, contextValue: eventContext, rootValue: event }),
        );
        return JSON.stringify(format(result));
      };
      if (typeof event !== 'object' || event === null) return run();
      let byGroup = answers.get(event);
      if (!byGroup) answers.set(event, (byGroup = new Map()));
      let answer = byGroup.get(group);
      if (!answer) byGroup.set(group, (answer = run()));
      return answer;
    };

    const events = stream[Symbol.asyncIterator]();
    let stopped = false;
    let settle!: { resolve(step: IteratorResult<ExecutionResult>): void; reject(error: unknown): void };
    const ended = new Promise<IteratorResult<ExecutionResult>>((resolve, reject) => (settle = { resolve, reject }));
    void (async () => {
      try {
        for (;;) {
          const step = await events.next();
          if (step.done || stopped) break;
          const answer = await answerOf(step.value);
          if (stopped) break;
          await delivery.sendNext(answer);
        }
        settle.resolve({ done: true, value: undefined });
      } catch (error) {
        settle.reject(error);
      }
    })();

    const delivered: AsyncIterableIterator<ExecutionResult> = {
      next: () => ended,
      async return() {
        stopped = true;
        await events.return?.();
        settle.resolve({ done: true, value: undefined });
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]: () => delivered,
    };
    return delivered;
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
