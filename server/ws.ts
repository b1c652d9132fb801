import type http from 'node:http';
import {
  execute,
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  validate,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { visibilityKey } from '../schema/auth/role';
import { asViewer } from '../schema/auth/row-security';
import type { Context } from '../schema/shared/context';
import { RateLimitedError } from '../schema/shared/errors';
import { formatError } from './format-error';
import { createSharedSubscribe } from './live/shared-subscribe';
import { assertWithinLimits, type QueryLimits } from './limits/query-limits';
import type { RateLimiter } from './limits/rate-limiter';

/** At most this many subscriptions at once on one WebSocket connection. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;

export interface WsServerOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  createContext(authorization: string | undefined): Promise<Context>;
  limits: QueryLimits;
  rateLimiter: RateLimiter;
  introspection: boolean;
}

/**
 * graphql-ws (`graphql-transport-ws`) on /graphql. The token in `connectionParams.authorization`
 * is checked at connection_init: missing or invalid → close 4401, and the socket is closed with
 * 4401 when the token expires. Keep-alive pings every 12 s.
 * On shutdown sockets close with 1001 (going away) and a reason.
 */
export function createWsServer({ httpServer, schema, createContext, limits, rateLimiter, introspection }: WsServerOptions) {
  /** graphql-ws runs none of Apollo's plugins: the same rate limit, depth, alias and cost checks as over HTTP. */
  const admit = async (args: ExecutionArgs): Promise<ExecutionResult | null> => {
    try {
      await rateLimiter.consume((args.contextValue as Context).viewer);
      assertWithinLimits(args.schema, args.document, args.variableValues ?? undefined, args.operationName, limits);
      return null;
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error] };
      throw error;
    }
  };
  const sharedSubscribe = createSharedSubscribe({
    visibilityOf: (context) => visibilityKey((context as Context).viewer),
    runEvent: (context, run) => {
      const { em, viewer } = context as Context;
      em.clear(); // a subscription lives long: do not let its identity map grow with every event
      return asViewer(em, viewer, async () => run());
    },
  });
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const server = useServer<Record<string, unknown>, { context?: Context; subscriptions?: number }>(
    {
      schema,
      // The same validation as Apollo's, with introspection refused where HTTP refuses it.
      validate: (validationSchema, document) =>
        validate(validationSchema, document, introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule]).map(
          (error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
        ),
      // Queries and mutations run in the caller's viewer transaction, as over HTTP.
      execute: async (args) => (await admit(args)) ?? executeAsViewer(args),
      // One execution per event for all subscribers that would get the same answer, each in a viewer transaction.
      subscribe: async (args) => (await admit(args)) ?? sharedSubscribe(args),
      onConnect: async (ctx) => {
        const authorization = typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;
        try {
          const context = await createContext(authorization);
          if (!context.viewer) throw new Error('no token');
          ctx.extra.context = context;
          ctx.extra.subscriptions = 0;
          if (context.viewer.expiresAt) closeAtExpiry(ctx.extra.socket, context.viewer.expiresAt);
          return true;
        } catch {
          ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized: send connectionParams.authorization = "Bearer <token>"');
          return false;
        }
      },
      // A fresh entity manager and loaders per operation, with the connection's verified viewer.
      context: async (ctx) => ({ ...(await createContext(`Bearer ${tokenOf(ctx.connectionParams)}`)) }),
      onSubscribe: (ctx) => {
        if ((ctx.extra.subscriptions ?? 0) >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          const message = `Too many subscriptions on one connection (at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION})`;
          ctx.extra.socket.close(4429, message);
          return [new RateLimitedError(message)];
        }
        ctx.extra.subscriptions = (ctx.extra.subscriptions ?? 0) + 1;
        return undefined;
      },
      onComplete: (ctx) => {
        ctx.extra.subscriptions = (ctx.extra.subscriptions ?? 1) - 1;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error)),
      onNext: (_ctx, _id, _payload, _args, result) => {
        if ('errors' in result && result.errors)
          return { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) } as never;
        return undefined;
      },
    },
    wss,
    12_000,
  );
  return {
    /** Cuts every socket as a network failure would (tests use it to prove clients resume). */
    terminateAll() {
      for (const client of wss.clients) client.terminate();
    },
    async stop(reason = 'Server shutting down') {
      for (const client of wss.clients) client.close(1001, reason);
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

async function executeAsViewer(args: ExecutionArgs): Promise<ExecutionResult> {
  const { em, viewer, events } = args.contextValue as Context;
  const result = await asViewer(em, viewer, async () => execute(args));
  if (getOperationAST(args.document, args.operationName)?.operation === 'mutation') void events.wake();
  return result;
}

/** The longest delay setTimeout takes; longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Closes the socket with 4401 when its token expires, so a long-lived board cannot outlive its
 * token. graphql-ws clients do not retry 4401: the board then asks for a new token.
 */
function closeAtExpiry(socket: WebSocket, expiresAt: Date): void {
  const remaining = expiresAt.getTime() - Date.now();
  const timer = setTimeout(
    () => {
      if (remaining > MAX_TIMER_MS) closeAtExpiry(socket, expiresAt);
      else socket.close(CloseCode.Unauthorized, 'Unauthorized: the token has expired');
    },
    Math.min(Math.max(remaining, 0), MAX_TIMER_MS),
  );
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

function tokenOf(params: Readonly<Record<string, unknown>> | undefined): string {
  const authorization = typeof params?.authorization === 'string' ? params.authorization : '';
  return authorization.replace(/^Bearer\s+/i, '');
}
