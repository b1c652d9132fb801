import type pg from 'pg';
import { createTestServer, type TestServer } from '../../support/test-server';

/**
 * The resolvers' loaders may ask for their statements at the same moment, on the one connection
 * of a request's transaction; the ORM's connections run them one after another (pg 8 deprecates
 * queueing them itself, pg 9 refuses it).
 */

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ compiledReads: false });
});

it('hands a connection one statement at a time when two are asked for at once', async () => {
  const knex = server.orm.em.getKnex();
  const connection = (await knex.client.acquireConnection()) as pg.Client & { _queryQueue: unknown[] };
  try {
    const order: string[] = [];
    const slow = connection.query('select pg_sleep(0.1)').then(() => order.push('slow'));
    const quick = connection.query('select 1').then(() => order.push('quick'));
    // The second waits its turn outside pg's own queue.
    expect(connection._queryQueue).toHaveLength(0);
    await Promise.all([slow, quick]);
    expect(order).toEqual(['slow', 'quick']);
  } finally {
    await knex.client.releaseConnection(connection);
  }
});
