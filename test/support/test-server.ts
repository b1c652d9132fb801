import type { MikroORM } from '@mikro-orm/postgresql';
import { Role } from '../../schema/auth/role';
import { signToken } from '../../schema/auth/token.service';
import { startServer, type RunningServer } from '../../server';
import type { ApiLimits } from '../../server/limits/query-limits';
import { LIVE_LOG_BACKGROUND_STATEMENT } from '../../server/live/live-logs';
import type { ExternalKeys } from '../../schema/auth/token.service';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }>;
}

export interface TestServer {
  url: string;
  /** ws://…/graphql */
  wsUrl: string;
  app: RunningServer['app'];
  orm: MikroORM;
  /** POSTs a GraphQL operation; `token` null sends no Authorization header. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  token(role: Role, operatorId: string, subject?: string): Promise<string>;
  /** Runs `fn` and returns the SQL statements the server sent meanwhile for requests (not the event hub's background reads). */
  recordQueries(fn: () => Promise<unknown>): Promise<string[]>;
  /** Like recordQueries, with each statement's bound parameters. */
  recordStatements(fn: () => Promise<unknown>): Promise<Array<{ sql: string; params: readonly unknown[] }>>;
  /** Row count of a table, read directly. */
  count(table: string): Promise<number>;
  stop(): Promise<void>;
}

const TABLES = [
  'rate_limit',
  'watch_area_alert',
  'watch_area',
  'change_event',
  'change_pending',
  'change_commit',
  'intervention_version',
  'agreement_version',
  'scene_status_event',
  'indicator',
  'intervention_operator',
  'intervention',
  'commitment',
  'agreement_scene',
  'agreement_party',
  'agreement',
  'scene_status_change',
  'scene',
  'operator',
];

// Registered when a test file imports this module (synchronously, as jest requires), so no test can leak a server.
const running = new Set<{ stop(): Promise<void> }>();
afterAll(async () => {
  await Promise.all([...running].map((server) => server.stop()));
  running.clear();
});

/**
 * Starts the real server on a free port against TEST_DATABASE_URL (see global-setup), with
 * empty tables (unless `truncate: false`), on `port` if given (a restart), and stops it after the file's tests (registered here, so no test can leak it).
 */
export async function createTestServer(
  options: {
    truncate?: boolean;
    port?: number;
    limits?: Partial<ApiLimits>;
    production?: boolean;
    externalKeys?: ExternalKeys;
    /** Answer compilable queries from one statement (default on; TEST_COMPILED_READS=0 turns it off for a whole run). */
    compiledReads?: boolean;
  } = {},
): Promise<TestServer> {
  let recording: Array<{ sql: string; params: readonly unknown[] }> | null = null;
  const server = await startServer({
    databaseUrl: process.env.TEST_DATABASE_URL!,
    dataDir: '',
    jwtSecret: TEST_JWT_SECRET,
    port: options.port ?? 0,
    limits: options.limits,
    production: options.production,
    externalKeys: options.externalKeys,
    host: '127.0.0.1',
    observeQuery: (sql, params) => recording?.push({ sql, params }),
    sharedRateLimit: !process.env.TEST_DATABASE_EMBEDDED,
    compiledReads: options.compiledReads ?? process.env.TEST_COMPILED_READS !== '0',
  });
  running.add(server);
  const { orm } = server.app;
  if (options.truncate !== false) await orm.em.fork().execute(`truncate ${TABLES.join(', ')} cascade`);

  async function recordStatements(fn: () => Promise<unknown>) {
    const statements: Array<{ sql: string; params: readonly unknown[] }> = [];
    recording = statements;
    try {
      await fn();
      return statements;
    } finally {
      recording = null;
    }
  }

  return {
    url: server.url,
    wsUrl: server.url.replace('http://', 'ws://'),
    app: server.app,
    orm,
    async gql(query, variables = {}, token) {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(server.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body } as never;
    },
    token: (role, operatorId, subject = `test-${role.toLowerCase()}`) => signToken({ subject, operatorId, role }, TEST_JWT_SECRET),
    recordStatements,
    async recordQueries(fn) {
      // The live hubs read their logs, and look for due notices, in the background (poll, wake-ups); those are not the request's.
      return (await recordStatements(fn)).map((statement) => statement.sql).filter((sql) => !LIVE_LOG_BACKGROUND_STATEMENT.test(sql));
    },
    async count(table) {
      const [row] = await orm.em.fork().execute<Array<{ n: string }>>(`select count(*) as n from "${table}"`);
      return Number(row!.n);
    },
    stop: () => server.stop(),
  };
}
