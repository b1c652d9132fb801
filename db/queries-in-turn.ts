import type pg from 'pg';

type Callback = (error: Error | null, result?: unknown) => void;

/**
 * Makes a connection run the statements it is handed one after another, in the order asked. A
 * request's loaders may ask at the same moment, inside one transaction on one connection (knex
 * hands them straight to the connection); pg 8 queues such statements itself but deprecates it,
 * and pg 9 will refuse them. Installed on every connection of the ORM's pool (mikro-orm.config.ts).
 */
export function runQueriesInTurn(client: pg.Client): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let previous: Promise<unknown> = Promise.resolve();
  (client as unknown as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof (config as { submit?: unknown } | null)?.submit === 'function') return query(config, values, callback); // a stream: its own flow
    const done = [values, callback].find((arg): arg is Callback => typeof arg === 'function');
    const args = typeof values === 'function' || values === undefined ? [config] : [config, values];
    const run = () => query(...args) as Promise<unknown>;
    const result = previous.then(run, run);
    previous = result.catch(() => undefined);
    if (!done) return result;
    // Outside the promise chain, as pg calls back: an error thrown by the callback is not swallowed.
    result.then(
      (value) => process.nextTick(done, null, value),
      (error: Error) => process.nextTick(done, error),
    );
    return undefined;
  };
}
