import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import pg from 'pg';
import { createOrmConfig } from '../db/mikro-orm.config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../db/embedded';
import { ensureLeakproofSpatialFunctions, leakproofWarning } from '../db/spatial/leakproof';
import type { QueryObserver } from '../db/query-observer';
import { buildApiSchema } from '../schema';
import type { Context } from '../schema/shared/context';
import { createContextFactory } from './context';
import { createTokenVerifier, type ExternalKeys } from '../schema/auth/token.service';
import { formatError } from './format-error';
import { startLiveLogs, type LiveLogs } from './live/live-logs';
import type { PgListener } from './live/pg-listener';
import { createWsServer } from './ws';
import { httpReads, type HandedOn } from './http-reads';
import { rowSecurityPlugin } from './plugins/row-security.plugin';
import { limitsPlugin } from './plugins/limits.plugin';
import { compiledReadPlugin } from './plugins/compiled-read.plugin';
import { createCompiledReads } from './operation/compiled-read';
import { createReadRegistry } from '../schema/read/registry';
import { DEFAULT_LIMITS, type ApiLimits } from './limits/query-limits';
import { createRateLimiter } from './limits/rate-limiter';
import { createAdmission } from './operation/admit';
import { createDocumentCache } from './operation/documents';
import { createOperationRunner } from './operation/run-operation';
import type { StatusEventHub } from './live/status-event.hub';
import { createExportRouter } from './routes/export.route';
import { createBoardRouter } from './routes/board/board.route';
import { createHealthRouter } from './routes/health';
import { createOgcRouter } from './routes/ogc/ogc.route';
import { createTilesRouter } from './routes/tiles.route';
import { jsonErrors, notFound, refuseBadUrls } from './routes/request-guard';
import { createIdeRouter } from './routes/ide/ide.route';

export interface AppOptions {
  /** PostgreSQL + PostGIS URL; without it the embedded database in `dataDir` is started. */
  databaseUrl: string | null;
  dataDir: string;
  jwtSecret: string;
  /** Public keys of agencies' own identity providers (RS256/ES256 tokens). */
  externalKeys?: ExternalKeys;
  production?: boolean;
  /** Overrides of DEFAULT_LIMITS. */
  limits?: Partial<ApiLimits>;
  /** Allow schema introspection (default: on, except with `production`). */
  introspection?: boolean;
  /** Sees every SQL statement (tests count them). */
  observeQuery?: QueryObserver;
  /** Answer query operations that compile from one SQL statement (schema/read/). Default on; tests turn it off to compare. */
  compiledReads?: boolean;
  /**
   * Keep the rate limit's counts in the database, shared by every instance on it. Default: on
   * for a PostgreSQL server, off for the embedded database (one instance, and one session that
   * a second pool must not interleave with).
   */
  sharedRateLimit?: boolean;
}

export interface App {
  httpServer: http.Server;
  orm: MikroORM;
  /** The database URL in use (the embedded socket's when embedded). */
  databaseUrl: string;
  embedded: boolean;
  /** This instance's log of status events (tests wake it and read its head). */
  events: StatusEventHub;
  /** All of this instance's live logs (status, changes, watch-area alerts) and the notices of days that come. */
  live: LiveLogs;
  /** The LISTEN connection (tests drop it to prove recovery). */
  listener: PgListener;
  /** The graphql-ws server (tests cut its sockets). */
  ws: ReturnType<typeof createWsServer>;
  /** Stops GraphQL, the ORM pool and the embedded database, in that order. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Builds the whole server without listening: database (embedded or given), migrations,
 * schema, Apollo Server on express 5, graphql-ws on the same path, the status-event hub and its
 * LISTEN connection, the data routes. `server/index.ts` adds `listen`.
 */
export async function createApp(options: AppOptions): Promise<App> {
  let embedded: EmbeddedDatabase | null = null;
  if (!options.databaseUrl) embedded = await startEmbeddedDatabase(options.dataDir);
  const databaseUrl = options.databaseUrl ?? embedded!.url;
  const orm = await MikroORM.init(
    createOrmConfig({ clientUrl: databaseUrl, poolSize: embedded ? 4 : 10, observeQuery: options.observeQuery }),
  );
  await orm.migrator.up();
  const { missing } = await ensureLeakproofSpatialFunctions(orm.em.fork());
  if (missing.length) console.warn(leakproofWarning(missing));

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const schema = await buildApiSchema();
  const limits: ApiLimits = { ...DEFAULT_LIMITS, ...options.limits };
  // Against a PostgreSQL server there may be other instances: they share the counts through it.
  const rateLimitPool = (options.sharedRateLimit ?? !embedded) ? new pg.Pool({ connectionString: databaseUrl, max: 2 }) : undefined;
  rateLimitPool?.on('error', (error) => console.error('[rate limit] idle connection failed', error)); // else it would crash the process
  const rateLimiter = createRateLimiter(limits.operationsPerMinute, rateLimitPool);
  const admit = createAdmission(limits, rateLimiter);
  const introspection = options.introspection ?? !options.production;
  const documents = createDocumentCache(schema, introspection);
  const compiledReads =
    options.compiledReads === false ? null : createCompiledReads(orm, createReadRegistry(schema, orm), options.observeQuery);
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false, // one operation per request: a batch would dodge the per-operation limits
    introspection,
    // The IDE at GET /graphql is our own (routes/ide), bundled at build time: Apollo's landing page loads from a CDN.
    // No cache-control hints are used: Apollo's plugin for them would wrap every field's resolver.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin(admit),
      ...(compiledReads ? [compiledReadPlugin(compiledReads)] : []),
      rowSecurityPlugin(),
    ],
  });
  await apollo.start();

  const live = await startLiveLogs(orm, databaseUrl);
  const verifyToken = createTokenVerifier(options.jwtSecret, options.externalKeys);
  const contexts = createContextFactory({ orm, verifyToken, live });
  // The OGC API's writes run the GraphQL mutations in process, through the same admission and transaction.
  const runOperation = createOperationRunner({ schema, documents, admit, contextFor: (viewer) => contexts.contextFor(viewer) });
  const ws = createWsServer({
    httpServer,
    schema,
    authenticate: contexts.authenticate,
    createContext: contexts.contextFor,
    admit,
    documents,
    maxPayloadBytes: limits.maxBodyBytes,
    compiledReads,
  });
  app.use(refuseBadUrls());
  const json = express.json({ limit: limits.maxBodyBytes });
  // The fast lane of POST /graphql first (it hands on whatever it does not answer), so that the
  // common request does not walk the other routes.
  if (compiledReads)
    app.post('/graphql', json, httpReads({ schema, documents, authenticate: contexts.authenticate, admit, answer: compiledReads }));
  app.use(createHealthRouter(orm));
  app.use(createBoardRouter());
  app.use(createTilesRouter(orm, verifyToken));
  app.use(createExportRouter(orm, verifyToken));
  app.use(createOgcRouter(orm, verifyToken, { run: runOperation, maxBodyBytes: limits.maxBodyBytes }));
  app.use(createIdeRouter());
  app.use(
    '/graphql',
    json,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const handedOn = res.locals as HandedOn;
        const viewer = handedOn.viewer !== undefined ? handedOn.viewer : await contexts.authenticate(req.headers.authorization);
        return contexts.contextFor(viewer, handedOn.admission, handedOn.compiledReadTried);
      },
    }),
  );
  app.use(notFound());
  app.use(jsonErrors());

  let stopped: Promise<void> | null = null;
  return {
    httpServer,
    orm,
    databaseUrl,
    embedded: embedded !== null,
    events: live.status,
    live,
    listener: live.listener,
    ws,
    stop() {
      stopped ??= (async () => {
        await ws.stop();
        await live.stop();
        await apollo.stop();
        await orm.close(true);
        rateLimiter.stop();
        await rateLimitPool?.end();
        await embedded?.stop();
      })();
      return stopped;
    },
  };
}
