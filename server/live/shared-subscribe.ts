import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';

type Result = ExecutionResult | Promise<ExecutionResult>;

export interface SharedSubscribeOptions {
  /** Subscribers whose contexts give the same key see the same rows. */
  visibilityOf(contextValue: unknown): string;
  /**
   * Runs one event's execution, for the subscription's context: with a context of its own for
   * the event (a fresh entity manager and loaders) and inside the subscriber's viewer transaction.
   */
  runEvent(contextValue: unknown, execute: (eventContext: unknown) => Result): Promise<ExecutionResult>;
}

/**
 * graphql-ws's `subscribe`: like graphql-js's, but an event is executed once for every group of
 * subscribers that would get the same answer (same document, operation, variables and
 * visibility), not once per subscriber. With thousands of boards watching the same scenes this
 * turns thousands of executions per status change into a handful.
 *
 * Each subscriber keeps its own source stream (its own cursor, filter and `after`), so sharing
 * never changes what or when a subscriber receives. Results are remembered per event object, in
 * a WeakMap, so they go when the event leaves the hub's memory.
 */
export function createSharedSubscribe({ visibilityOf, runEvent }: SharedSubscribeOptions) {
  const results = new WeakMap<object, Map<string, Result>>();

  return async function subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterable(stream)) return stream;
    const group = JSON.stringify([
      print(args.document),
      args.operationName ?? null,
      args.variableValues ?? {},
      visibilityOf(args.contextValue),
    ]);

    const resultOf = (event: unknown): Result => {
      const run = () => runEvent(args.contextValue, (eventContext) => execute({ ...args, contextValue: eventContext, rootValue: event }));
      if (typeof event !== 'object' || event === null) return run();
      let byGroup = results.get(event);
      if (!byGroup) results.set(event, (byGroup = new Map()));
      let result = byGroup.get(group);
      if (!result) byGroup.set(group, (result = run()));
      return result;
    };

    const events = stream[Symbol.asyncIterator]();
    const delivered: AsyncIterableIterator<ExecutionResult> = {
      async next() {
        const step = await events.next();
        return step.done ? { done: true, value: undefined } : { done: false, value: await resultOf(step.value) };
      },
      async return() {
        await events.return?.();
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
