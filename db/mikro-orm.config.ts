import 'reflect-metadata';
import { ReflectMetadataProvider } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig } from '@mikro-orm/postgresql';
import { AuditChangeCollector } from '../schema/audit/audit-trail';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { ObservingLogger, type QueryObserver } from './query-observer';
import { runQueriesInTurn } from './queries-in-turn';
import type pg from 'pg';

export interface OrmSettings {
  /** A PostgreSQL URL: the real server's, or the embedded database's socket. */
  clientUrl: string;
  /** Connections in the pool. Default 10 (4 against the embedded database, which runs one query at a time). */
  poolSize?: number;
  /** Sees every SQL statement; tests use it to count them. */
  observeQuery?: QueryObserver;
  /** Log SQL to stdout. Default: when DEBUG_SQL=1. */
  logSql?: boolean;
}

/** The one MikroORM configuration: the server, the seeder, the CLI and the tests all build it here. */
export function createOrmConfig(settings: OrmSettings): ReturnType<typeof defineConfig> {
  return defineConfig({
    clientUrl: settings.clientUrl,
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    discovery: { warnWhenNoEntities: true, requireEntitiesArray: true },
    pool: {
      min: 0,
      max: settings.poolSize ?? 10,
      afterCreate: (connection: pg.Client, done: (error: Error | null, connection: pg.Client) => void) => {
        runQueriesInTurn(connection);
        done(null, connection);
      },
    },
    extensions: [Migrator],
    subscribers: [new AuditChangeCollector()],
    migrations: {
      migrationsList: MIGRATIONS,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      silent: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      path: 'db/migrations',
    },
    // rate_limit belongs to rate-limiter-flexible (server/limits/rate-limiter.ts), not to an entity;
    // the version tables and the change log are written by triggers and read as SQL (schema/scene/scene-versions.ts,
    // schema/change/); watch areas are plain SQL too (schema/watch-area/), for their generated reach.
    schemaGenerator: {
      skipTables: [
        'rate_limit',
        'scene_version',
        'agreement_version',
        'intervention_version',
        'change_event',
        'change_pending',
        'change_commit',
        'watch_area',
        'watch_area_alert',
      ],
    },
    // Dates stay calendar strings; timestamps are timestamptz in UTC.
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    debug: settings.logSql ?? process.env.DEBUG_SQL === '1',
    loggerFactory: (options) => new ObservingLogger(options, settings.observeQuery),
    allowGlobalContext: false,
  });
}

/** For `npx mikro-orm` (migration:create, schema diffs): reads DATABASE_URL. */
export default createOrmConfig({ clientUrl: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' });
