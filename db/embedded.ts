import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedDatabase {
  /** A PostgreSQL URL for the socket, e.g. postgresql://postgres@127.0.0.1:40123/postgres */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite with PostGIS in `dataDir` (created if missing) and serves it on a loopback
 * PostgreSQL socket, so MikroORM reaches it exactly as it reaches a real server.
 * PGlite runs one query at a time; the socket server queues the rest and keeps each
 * transaction on its own connection. First start unpacks PostGIS (about 15 s), later ones about 5 s.
 * @param dataDir where the database lives; `memory://` keeps it in memory (tests)
 * @param maxConnections socket connections accepted; default 8 (the ORM pool uses at most 4)
 */
export async function startEmbeddedDatabase(dataDir: string, maxConnections = 8): Promise<EmbeddedDatabase> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir, extensions: { postgis } });
  await db.exec('create extension if not exists postgis');
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const url = `postgresql://postgres@${server.getServerConn()}/postgres`;
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
