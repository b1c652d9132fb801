import type http from 'node:http';
import { execute, getOperationAST, GraphQLError, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { CloseCode, handleProtocols, makeServer, MessageType, parseMessage, type SubscribePayload } from 'graphql-ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { visibilityKey, type Viewer } from '../schema/auth/role';
import { asViewer } from '../schema/auth/row-security';
import type { Context } from '../schema/shared/context';
import { RateLimitedError } from '../schema/shared/errors';
import { formatError } from './format-error';
import { createSharedSubscribe, type DirectDelivery } from './live/shared-subscribe';
import type { Admission } from './operation/admit';
import type { CompiledReads } from './operation/compiled-read';
import type { DocumentCache } from './operation/documents';
import { abandonViewerTransaction, closeViewerTransaction, openViewerTransaction } from './operation/viewer-transaction';

/** At most this many subscriptions at once on one WebSocket connection. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;
/** Keep-alive: a ping this often, and the socket is cut when its pong is this late. */
const KEEP_ALIVE_MS = 12_000;
/** What a client may send (graphql-transport-ws); anything else closes the socket with 4400. */
const CLIENT_MESSAGES = new Set<string>([
  MessageType.ConnectionInit,
  MessageType.Ping,
  MessageType.Pong,
  MessageType.Subscribe,
  MessageType.Complete,
]);

export interface WsServerOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  /** The verified caller of an `Authorization` value; UNAUTHENTICATED (thrown) when it is bad. */
  authenticate(authorization: string | undefined): Promise<Viewer | null>;
  /** A fresh context (entity manager, loaders) for one operation of an authenticated caller. */
  createContext(viewer: Viewer): Context;
  admit: Admission;
  /** Parsed and validated operation texts (introspection refused unless it is on). */
  documents: DocumentCache;
  /** Largest frame accepted; a larger one closes the socket with 1009 (the same bound as HTTP bodies). */
  maxPayloadBytes: number;
  /** The compiled read path, for queries (server/operation/compiled-read.ts); null runs the resolvers only. */
  compiledReads: CompiledReads | null;
}

type GraphqlWsServer = ReturnType<typeof makeServer<Record<string, unknown> | undefined, ConnectionExtra>>;

interface ConnectionExtra {
  socket: WebSocket;
  viewer?: Viewer;
  subscriptions: number;
}

/**
 * graphql-ws (`graphql-transport-ws`) on /graphql. The token in `connectionParams.authorization`
 * is verified once, at connection_init: missing or invalid → close 4401, and the socket is closed
 * with 4401 when the token expires. Each operation is parsed, validated and admitted
 * (server/operation/admit.ts) before it runs, and runs in the caller's viewer transaction, as over
 * HTTP. Frames over `maxPayloadBytes` close the socket with 1009; frames a client may not send
 * close it with 4400. Keep-alive pings every 12 s. On shutdown sockets close with 1001.
 */
export function createWsServer(options: WsServerOptions) {
  const { httpServer, schema } = options;
  /** Each admitted operation's socket and id, by its context, for shared-subscribe's direct delivery. */
  const deliveries = new WeakMap<object, DirectDelivery>();
  const sharedSubscribe = createSharedSubscribe({
    visibilityOf: (context) => visibilityKey((context as Context).viewer),
    // A subscription lives long: each event gets a context of its own, so that no entity manager
    // or loader grows with every event, and no resolver has to reset one.
    runEvent: (context, run) => {
      const { viewer } = context as Context;
      const eventContext = options.createContext(viewer!);
      return asViewer(eventContext.em, viewer, async () => run(eventContext));
    },
    format: formatResult,
    deliveryOf: (context) => deliveries.get(context as object),
  });
  /** Parses, validates and admits one operation: its execution arguments, or the errors to send. */
  const admitOperation = async (payload: SubscribePayload, viewer: Viewer): Promise<ExecutionArgs | GraphQLError[]> => {
    const { document, errors } = options.documents(payload.query);
    if (errors) return [...errors];
    const { variables, operationName } = payload;
    try {
      await options.admit({ schema, document, variables, operationName, viewer, transport: 'websocket' });
    } catch (error) {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
    return { schema, document, variableValues: variables, operationName, contextValue: options.createContext(viewer) };
  };
  const graphqlWs = makeServer<Record<string, unknown> | undefined, ConnectionExtra>({
    schema,
    onConnect: async (ctx) => {
      const authorization = typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;
      const viewer = await options.authenticate(authorization).catch(() => null);
      if (!viewer) {
        ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized: send connectionParams.authorization = "Bearer <token>"');
        return false;
      }
      ctx.extra.viewer = viewer;
      if (viewer.expiresAt) closeAtExpiry(ctx.extra.socket, viewer.expiresAt);
      return true;
    },
    // Parse, validate and admit here, so that every refusal is an `error` message for that
    // operation, never a closed socket; graphql-ws then runs `execute` or `subscribe`.
    onSubscribe: async (ctx, id, payload) => {
      if (ctx.extra.subscriptions >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
        const message = `Too many subscriptions on one connection (at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION})`;
        ctx.extra.socket.close(4429, message);
        return [new RateLimitedError(message)];
      }
      ctx.extra.subscriptions += 1; // counted at once: operations of one socket are admitted concurrently
      const admitted = await admitOperation(payload, ctx.extra.viewer!);
      if (Array.isArray(admitted))
        ctx.extra.subscriptions -= 1; // refused: graphql-ws will not call onComplete
      else deliveries.set(admitted.contextValue as object, directDelivery(ctx.extra.socket, id));
      return admitted;
    },
    execute: (args) => executeAsViewer(args as ExecutionArgs, options.compiledReads),
    // One execution per event for all subscribers that would get the same answer, each in a viewer transaction.
    subscribe: (args) => sharedSubscribe(args as ExecutionArgs),
    onComplete: (ctx) => {
      ctx.extra.subscriptions -= 1;
    },
    onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error)),
    onNext: (_ctx, _id, _payload, _args, result) => ('errors' in result && result.errors ? (formatResult(result) as never) : undefined),
  });
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: options.maxPayloadBytes, handleProtocols });
  wss.on('connection', (socket) => attachSocket(socket, graphqlWs));
  return {
    /** Cuts every socket as a network failure would (tests use it to prove clients resume). */
    terminateAll() {
      for (const client of wss.clients) client.terminate();
    },
    /** Closes every socket with 1001 and `reason`; those that do not finish the closing handshake within 1 s are cut. */
    async stop(reason = 'Server shutting down') {
      const open = [...wss.clients];
      for (const client of open) client.close(1001, reason);
      await Promise.race([
        Promise.all(open.map((client) => (client.readyState === client.CLOSED ? null : new Promise((done) => client.once('close', done))))),
        new Promise((done) => setTimeout(done, 1_000).unref()),
      ]);
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

// Private:

/** A socket's buffered bytes above which a subscription waits for its writes to go out before sending more. */
const HIGH_WATER_BYTES = 256 * 1024;

/** Errors formatted and masked (format-error.ts), as every message sends them. */
function formatResult(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  return { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) } as unknown as ExecutionResult;
}

/**
 * An operation's `next` messages written straight to its socket, the payload already serialised
 * (once for every subscriber sharing it): the message graphql-ws would write, without serialising
 * the payload again for each subscriber. Waits for the write only when the socket's buffer is full,
 * so a slow consumer holds up no one but itself.
 */
function directDelivery(socket: WebSocket, id: string): DirectDelivery {
  const prefix = `{"id":${JSON.stringify(id)},"type":"${MessageType.Next}","payload":`;
  return {
    sendNext(payloadJson) {
      if (socket.readyState !== socket.OPEN) return;
      const message = `${prefix}${payloadJson}}`;
      if (socket.bufferedAmount < HIGH_WATER_BYTES) return socket.send(message);
      return new Promise<void>((resolve) => socket.send(message, () => resolve()));
    },
  };
}

/**
 * The adapter between one `ws` socket and graphql-ws (after graphql-ws's own use/ws.ts): frames
 * in, messages out, keep-alive. It adds two checks graphql-ws leaves to the transport: a frame
 * that is not a client message closes with 4400 (graphql-ws would answer 4500, as for a fault
 * of ours), and a socket error (a frame over the size cap: ws has already closed with 1009) is
 * logged, never thrown.
 */
function attachSocket(socket: WebSocket, graphqlWs: GraphqlWsServer) {
  socket.on('error', (error) => console.warn('[ws] socket error:', error.message));
  const keepAlive = startKeepAlive(socket);
  const closed = graphqlWs.opened(
    {
      protocol: socket.protocol,
      send: (data) =>
        new Promise<void>((resolve, reject) => {
          if (socket.readyState !== socket.OPEN) return resolve();
          socket.send(data, (error) => (error ? reject(error) : resolve()));
        }),
      close: (code, reason) => socket.close(code, reason),
      onMessage: (handle) =>
        socket.on('message', async (data) => {
          const text = String(data);
          const refusal = refuseFrame(text);
          if (refusal) return socket.close(CloseCode.BadRequest, refusal);
          try {
            await handle(text);
          } catch (error) {
            console.error('[ws] message handling failed', error);
            socket.close(CloseCode.InternalServerError, 'Internal server error');
          }
        }),
    },
    { socket, subscriptions: 0 },
  );
  socket.once('close', (code, reason) => {
    keepAlive.stop();
    void closed(code, String(reason));
  });
}

/** Why a frame is refused (4400), or null when it is a message a client may send. */
function refuseFrame(text: string): string | null {
  let type: string;
  try {
    type = parseMessage(text).type;
  } catch (error) {
    return closeReason(`Invalid message: ${(error as Error).message}`);
  }
  return CLIENT_MESSAGES.has(type)
    ? null
    : closeReason(`Unexpected message of type ${type}; a client sends ${[...CLIENT_MESSAGES].join(', ')}`);
}

/** A close reason may hold at most 123 bytes of UTF-8. */
function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -1);
  return reason;
}

function startKeepAlive(socket: WebSocket): { stop(): void } {
  let pongWait: NodeJS.Timeout | null = null;
  const interval = setInterval(() => {
    if (socket.readyState !== socket.OPEN) return;
    pongWait = setTimeout(() => socket.terminate(), KEEP_ALIVE_MS).unref();
    socket.once('pong', () => {
      if (pongWait) clearTimeout(pongWait);
      pongWait = null;
    });
    socket.ping();
  }, KEEP_ALIVE_MS).unref();
  return {
    stop() {
      clearInterval(interval);
      if (pongWait) clearTimeout(pongWait);
    },
  };
}

async function executeAsViewer(args: ExecutionArgs, compiledReads: CompiledReads | null): Promise<ExecutionResult> {
  const context = args.contextValue as Context;
  const { schema, document, operationName, variableValues } = args;
  if (compiledReads && getOperationAST(document, operationName)?.operation === 'query') {
    const data = await compiledReads({ schema, document, operationName, variables: variableValues, viewer: context.viewer });
    if (data !== null) return { data: JSON.parse(data) as Record<string, unknown> };
  }
  await openViewerTransaction(context);
  let result: ExecutionResult;
  try {
    result = await execute(args);
  } catch (error) {
    await abandonViewerTransaction(context);
    throw error;
  }
  return closeViewerTransaction(context, getOperationAST(args.document, args.operationName)?.operation, result);
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
