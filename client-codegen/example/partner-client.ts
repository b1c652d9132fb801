/**
 * A partner's typed client, end to end: the scene list over HTTP with plain `fetch`, then live
 * status changes over graphql-ws. Every document, variable and result type comes from
 * `npm run codegen` (client-codegen/generated), so a query the schema does not allow fails to
 * compile here, not at run time.
 *
 *   TOKEN=… npx ts-node --transpile-only client-codegen/example/partner-client.ts [--events N]
 *
 * GRAPHQL_URL defaults to http://localhost:4000/graphql. Without --events it runs until Ctrl-C.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import {
  BoardScenesDocument,
  SceneStatusChangedDocument,
  SceneStatusEventCursorDocument,
  type BoardScenesQuery,
  type SceneStatusChangedFilter,
  type SceneStatusChangedSubscription,
} from '../generated/graphql';

/** One scene of the list, as the BoardScenes operation selects it. */
export type BoardScene = BoardScenesQuery['scenes']['edges'][number]['node'];
/** One status change, as the SceneStatusChanged operation selects it. */
export type StatusEvent = SceneStatusChangedSubscription['sceneStatusChanged'];

export interface PartnerClientOptions {
  /** The HTTP endpoint; the WebSocket one is the same path with ws(s)://. */
  url: string;
  /** A bearer token: `npm run token -- --operator <id> --role VIEWER`, or the one `npm start` prints. */
  token: string;
  /** Stop after this many status events; default: run until `signal` aborts. */
  events?: number;
  /** Which status changes to receive; default: all. */
  filter?: SceneStatusChangedFilter;
  /** Ends the subscription (the command line wires it to Ctrl-C). */
  signal?: AbortSignal;
  /** Where the printed lines go; default console.log. */
  log?: (line: string) => void;
  /** Called once the cursor is read: every status change from then on will reach this client. */
  onReady?: () => void;
}

/** A response with `errors`; `codes` are their `extensions.code` values (UNAUTHENTICATED, BAD_USER_INPUT…). */
export class GraphQLRequestError extends Error {
  readonly codes: string[];

  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    const codes = errors.map((error) => String(error.extensions?.code ?? 'ERROR'));
    super(errors.map((error, i) => `${codes[i]}: ${error.message}`).join('; '));
    this.codes = codes;
  }
}

/** Runs one query or mutation over HTTP; variables and result are typed by the document. */
export async function request<TResult, TVariables extends Record<string, unknown>>(
  url: string,
  token: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TResult | null; errors?: GraphQLFormattedError[] };
  if (body.errors?.length || !body.data) throw new GraphQLRequestError(body.errors ?? [{ message: `HTTP ${response.status}` }]);
  return body.data;
}

/** Subscribes over graphql-ws; variables and each result are typed by the document. */
export function subscribe<TResult, TVariables extends Record<string, unknown>>(
  client: Client,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
) {
  return client.iterate<TResult>({ query: print(document), variables });
}

/** Prints the scenes, then each status change after them; resolves with the changes received. */
export async function main(options: PartnerClientOptions): Promise<StatusEvent[]> {
  const { url, token, log = console.log } = options;
  // Read the cursor before the scenes: a change committed while they load is then replayed, not lost.
  const { sceneStatusEventCursor: cursor } = await request(url, token, SceneStatusEventCursorDocument, {});
  options.onReady?.();

  const scenes: BoardScene[] = [];
  let after: string | null = null;
  do {
    const { scenes: page }: BoardScenesQuery = await request(url, token, BoardScenesDocument, { first: 500, after });
    scenes.push(...page.edges.map((edge) => edge.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  log(`${scenes.length} scenes`);
  for (const scene of scenes.slice(0, 5))
    log(`  ${scene.name} (${scene.municipality}): ${scene.status} since ${scene.statusSince ?? 'unknown'}, ${scene.area.type} area`);

  if (options.signal?.aborted) return [];
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
  });
  const received: StatusEvent[] = [];
  const changes = subscribe(client, SceneStatusChangedDocument, { after: cursor, filter: options.filter });
  const stop = () => void changes.return?.();
  options.signal?.addEventListener('abort', stop, { once: true });
  log(`Status changes after event ${cursor}${options.events ? `, stopping after ${options.events}` : ' (Ctrl-C to stop)'}:`);
  try {
    for await (const { data, errors } of changes) {
      if (errors?.length || !data) throw new GraphQLRequestError(errors ?? [{ message: 'an event without data' }]);
      const event = data.sceneStatusChanged;
      received.push(event);
      log(
        `  #${event.id} ${event.scene.name}: ${event.from ?? 'new'} → ${event.to} at ${event.changedAt} by ${event.changedBy}: ${event.reason}`,
      );
      if (received.length === options.events) break;
    }
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await client.dispose();
  }
  return received;
}

/** The command line: TOKEN and GRAPHQL_URL from the environment, `--events N`, Ctrl-C to stop. */
async function run(): Promise<void> {
  const { values } = parseArgs({ options: { events: { type: 'string' } } });
  const events = values.events === undefined ? undefined : Number(values.events);
  const token = process.env.TOKEN;
  if (!token) throw new Error('Set TOKEN to a bearer token: npm run token -- --operator <operator id> --role VIEWER');
  if (events !== undefined && !(Number.isInteger(events) && events > 0))
    throw new Error(`--events takes a positive whole number; got ${values.events}`);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  await main({ url: process.env.GRAPHQL_URL ?? 'http://localhost:4000/graphql', token, events, signal: controller.signal });
}

if (require.main === module) {
  run().catch((error: unknown) => {
    // graphql-ws rejects with the socket's close event when the server ends the connection (4401: bad token).
    const { code, reason } = error as { code?: number; reason?: string };
    console.error(error instanceof Error ? error.message : `The server closed the connection: ${code} ${reason}`);
    process.exitCode = 1;
  });
}
