import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestServer } from '../test-server';
import { checkAnswer, checkNothingStored } from './invariants';
import { graphqlOperations, routeRequests, type GraphQLOperation, type RouteRequest } from './operations';
import type { Caller, FuzzWorld } from './world';

export type Transport = 'POST' | 'GET' | 'WebSocket';

/** One thing the fuzzer does: an operation or a route request, by one caller. */
export type Step = { caller: Caller; transport: Transport; operation: GraphQLOperation } | { caller: Caller; route: RouteRequest };

export function steps(schema: GraphQLSchema, world: FuzzWorld): fc.Arbitrary<Step> {
  // Refused tokens are refused at once: drawn less often, so that most steps reach the API.
  const refused = world.callers.filter((c) => c.refused);
  const caller = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...world.callers.filter((c) => !c.refused)) },
    { weight: 1, arbitrary: fc.constantFrom(...refused) },
  );
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        caller,
        transport: fc.constantFrom<Transport>('POST', 'POST', 'GET', 'WebSocket'),
        operation: graphqlOperations(schema, world.ids),
      }),
    },
    { weight: 1, arbitrary: fc.record({ caller, route: routeRequests(world.ids) }) },
  );
}

export interface StepContext {
  server: TestServer;
  world: FuzzWorld;
  fingerprint: () => Promise<string>;
  /** Runs while the request is in flight, before the state is read again (the planted-violation tests use it). */
  plant?: () => Promise<void>;
  /** Sees each answer (the run's summary counts outcomes). */
  observe?: (step: Step, answer: { status: number; body: string }) => void;
}

/** Sends the step and checks every invariant on what came back and on what is stored. */
export async function runStep(context: StepContext, step: Step): Promise<void> {
  const before = await context.fingerprint();
  const label = 'route' in step ? `GET ${step.route.path}` : `${step.transport} ${step.operation.query.slice(0, 200)}`;
  const sent = 'route' in step ? requestRoute(context.server, step) : sendOperation(context.server, step);
  await context.plant?.();
  const { answer, failed } = await sent;
  context.observe?.(step, answer);
  checkAnswer(context.world, step.caller, answer, label);
  const writes = 'operation' in step && step.operation.kind === 'mutation' && !failed;
  if (!writes) checkNothingStored(before, await context.fingerprint(), label);
}

// Private:

interface Sent {
  answer: { status: number; body: string };
  /** The operation did not succeed as a whole: nothing may have been stored. */
  failed: boolean;
}

async function requestRoute(server: TestServer, step: Extract<Step, { route: RouteRequest }>): Promise<Sent> {
  const origin = server.url.replace('/graphql', '');
  const { token } = step.caller;
  const inQuery = step.route.tokenInQuery && token;
  const path = inQuery ? `${step.route.path}${step.route.path.includes('?') ? '&' : '?'}access_token=${token}` : step.route.path;
  const headers: Record<string, string> = token && !inQuery ? { authorization: `Bearer ${token}` } : {};
  const response = await fetch(`${origin}${path}`, { headers });
  // Tiles are protobuf: their strings are stored as plain UTF-8, so a text search still finds a marker.
  const body = Buffer.from(await response.arrayBuffer()).toString('latin1');
  return { answer: { status: response.status, body }, failed: true };
}

async function sendOperation(server: TestServer, step: Extract<Step, { operation: GraphQLOperation }>): Promise<Sent> {
  const { operation, caller } = step;
  if (step.transport === 'WebSocket') return overWebSocket(server.wsUrl, caller.token, operation);
  const headers: Record<string, string> = { accept: 'application/graphql-response+json' };
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  const variables = JSON.stringify(operation.variables);
  const response =
    step.transport === 'GET' && operation.kind === 'query'
      ? await fetch(`${server.url}?query=${encodeURIComponent(operation.query)}&variables=${encodeURIComponent(variables)}`, {
          headers: { ...headers, 'apollo-require-preflight': '1' },
        })
      : await fetch(server.url, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ query: operation.query, variables: operation.variables }),
        });
  const body = await response.text();
  return { answer: { status: response.status, body }, failed: response.status !== 200 || hasErrors(body) };
}

/** Runs the operation with a real graphql-ws client; a subscription is watched for 200 ms, then completed. */
async function overWebSocket(wsUrl: string, token: string | null, operation: GraphQLOperation): Promise<Sent> {
  const received: unknown[] = [];
  let closeCode = 0;
  let failed = false;
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: { closed: (event) => (closeCode = (event as { code: number }).code) },
  });
  try {
    await new Promise<void>((resolve) => {
      const stop = client.subscribe(
        { query: operation.query, variables: operation.variables },
        {
          next: (value) => {
            if (value.errors || value.data == null) failed = true;
            received.push(value);
          },
          error: (error) => {
            failed = true;
            // GraphQL errors, or the socket's CloseEvent (circular: keep its code and reason), or an Error.
            const closed = error as { code?: number; reason?: string; message?: string };
            received.push(Array.isArray(error) ? { errors: error } : { code: closed.code, reason: closed.reason ?? closed.message });
            resolve();
          },
          complete: () => resolve(),
        },
      );
      const watch = operation.kind === 'subscription' ? 200 : 5_000;
      setTimeout(() => {
        stop();
        resolve();
      }, watch).unref();
    });
  } finally {
    await client.dispose();
  }
  const body = JSON.stringify(received);
  const status = closeCode === 1011 || closeCode === 4500 ? closeCode : 200;
  return { answer: { status, body }, failed: failed || received.length === 0 };
}

function hasErrors(body: string): boolean {
  try {
    const result = JSON.parse(body) as { data?: unknown; errors?: unknown[] };
    return !result.data || Boolean(result.errors?.length);
  } catch {
    return true;
  }
}
