import { BadUserInputError } from '../shared/errors';

/** An event of an outbox log: its id increases in commit order. */
export interface LoggedEvent {
  id: string;
}

/**
 * Picks one subscriber's events out of a batch of the log (its filter, its row security), in the
 * batch's order. Questions every subscriber asks of the batch go through `EventLog.shared`.
 */
export type EventSelector<E> = (batch: E[]) => Promise<E[]> | E[];

/**
 * An ordered log of committed events (an outbox), as resolvers and writers use it; each
 * operation's context holds the instance's logs, server/live/event-log.hub.ts implements them.
 */
export interface EventLog<E extends LoggedEvent> {
  /** The events `select` picks, in id order: those after `after` first, then live ones; from now on without `after`. */
  subscribe(select: EventSelector<E>, after: string | null, signal?: AbortSignal): AsyncIterableIterator<E>;
  /** The answer to `question` about `batch`, computed once for all subscribers asking it of that batch. */
  shared<T>(question: string, batch: readonly E[], answer: () => Promise<T>): Promise<T>;
  /** Read the outbox again now (a writer's transaction committed). Never rejects. */
  wake(): Promise<void>;
}

/** @throws BadUserInputError for an `after` that is not an event id (every log's cursor is one) */
export function checkAfter(after: string | null | undefined): void {
  if (after != null && !/^\d{1,18}$/.test(after))
    throw new BadUserInputError(`after must be an event id, got ${JSON.stringify(after)}`, 'after');
}
