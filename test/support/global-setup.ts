import { Client } from 'pg';
import { startEmbeddedDatabase } from '../../db/embedded';

/**
 * Gives the run one empty PostGIS database and puts its URL in TEST_DATABASE_URL:
 * the server named there (wiped first: drop and recreate schema public), or else an
 * in-memory embedded PGlite + PostGIS served on a loopback socket for the whole run.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    await client.query('drop schema if exists public cascade; create schema public; create extension if not exists postgis;');
    await client.end();
    return;
  }
  const embedded = await startEmbeddedDatabase('memory://', 48);
  process.env.TEST_DATABASE_URL = embedded.url;
  process.env.TEST_DATABASE_EMBEDDED = '1'; // test servers then keep rate-limit counts in memory, as `npm start` does embedded
  (globalThis as { __EMBEDDED_TEST_DB__?: typeof embedded }).__EMBEDDED_TEST_DB__ = embedded;
}
