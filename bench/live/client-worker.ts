/**
 * One process of benchmark clients (forked by alerts.ts): opens its share of the WebSocket
 * connections, each subscribed to `sceneStatusChanged` and `watchAreaAlerts`, and notes when each
 * event arrives on each connection. Kept lean on purpose: an arrival is one lookup and one push,
 * so that on a 2-core machine the clients take as little as possible from the server.
 *
 * Messages (IPC): { open } → { opened }, { expect } → { arrivals }, 'close' → { closed }.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

const STATUS = 'subscription { sceneStatusChanged { id from to changedAt scene { id name } } }';
const ALERTS = `subscription { watchAreaAlerts {
  id watchAreaId watchAreaName subject subjectId change movement distanceMeters title kind changedAt } }`;
/** Connections opened at once: more overflows the server's accept backlog and costs SYN retries. */
const OPENING_AT_ONCE = 200;

/** What the parent sends: the server, the tokens, and for each of this worker's connections its token's index. */
export interface OpenRequest {
  url: string;
  tokens: Array<{ token: string; operatorId: string }>;
  assignment: number[];
}
/** An event to wait for: its key ("s:<status event id>" or "a:<alert id>"), and for an alert the operator it is for. */
export interface ExpectedEvent {
  key: string;
  operatorId: string | null;
}
/** Per key: arrival times (ms since the epoch, sub-millisecond), distinct connections reached, and how many were expected here. */
export type Arrivals = Record<string, { times: number[]; received: number; expected: number }>;

interface Seen {
  times: number[];
  /** One flag per connection: a second arrival on the same connection is a duplicate. */
  on: Uint8Array;
  received: number;
}

const seen = new Map<string, Seen>();
const clients: Client[] = [];
let operatorOf: string[] = [];
let duplicates = 0;
let errors = 0;
let firstError: string | null = null;
let closing = false;

process.on('message', (message: { open?: OpenRequest; expect?: { events: ExpectedEvent[]; deadline: number } } | string) => {
  if (typeof message === 'object' && message.open) void open(message.open).then((opened) => process.send!({ opened }));
  if (typeof message === 'object' && message.expect)
    void waitFor(message.expect.events, message.expect.deadline).then((arrivals) => process.send!({ arrivals }));
  if (message === 'close') void close();
});

async function open({ url, tokens, assignment }: OpenRequest): Promise<{ connections: number; failed: number }> {
  operatorOf = assignment.map((index) => tokens[index]!.operatorId);
  let failed = 0;
  for (let start = 0; start < assignment.length; start += OPENING_AT_ONCE) {
    const batch = assignment.slice(start, start + OPENING_AT_ONCE);
    const results = await Promise.allSettled(batch.map((index, i) => connect(url, tokens[index]!.token, start + i)));
    failed += results.filter((result) => result.status === 'rejected').length;
  }
  return { connections: assignment.length - failed, failed };
}

/** Opens one connection and subscribes it twice; resolves once the server has accepted it. */
function connect(url: string, token: string, connection: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let connected = false;
    const closed = (event: unknown) => {
      const error = new Error(
        `connection ${connection} closed: ${(event as { code?: number; reason?: string }).code} ${(event as { reason?: string }).reason}`,
      );
      if (!connected) reject(error);
      else if (!closing) noteError(error); // a connection lost during the run misses what follows
    };
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
      on: { connected: () => ((connected = true), resolve()), closed },
    });
    clients.push(client);
    const sink = {
      next: (value: { data?: Record<string, { id: string }> | null }) => arrived(connection, value.data),
      error: (error: unknown) => noteError(error),
      complete: () => undefined,
    };
    client.subscribe({ query: STATUS }, sink);
    client.subscribe({ query: ALERTS }, sink);
  });
}

function arrived(connection: number, data: Record<string, { id: string }> | null | undefined): void {
  const at = performance.timeOrigin + performance.now();
  if (!data) return noteError(new Error('an event without data'));
  const key = data.sceneStatusChanged ? `s:${data.sceneStatusChanged.id}` : `a:${data.watchAreaAlerts!.id}`;
  let entry = seen.get(key);
  if (!entry) seen.set(key, (entry = { times: [], on: new Uint8Array(operatorOf.length), received: 0 }));
  if (entry.on[connection]) {
    duplicates += 1;
    return;
  }
  entry.on[connection] = 1;
  entry.received += 1;
  entry.times.push(at);
}

/** Resolves with the arrivals of `events` once every connection that should have them has them, or at `deadline`. */
async function waitFor(events: ExpectedEvent[], deadline: number): Promise<Arrivals> {
  const expected = events.map(({ operatorId }) => (operatorId === null ? operatorOf.length : count(operatorOf, operatorId)));
  const complete = () => events.every(({ key }, i) => (seen.get(key)?.received ?? 0) >= expected[i]!);
  while (!complete() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  const arrivals: Arrivals = {};
  events.forEach(({ key }, i) => {
    const entry = seen.get(key);
    arrivals[key] = { times: entry?.times ?? [], received: entry?.received ?? 0, expected: expected[i]! };
    if (entry) entry.times = []; // reported; the flags stay, to catch a late duplicate
  });
  return arrivals;
}

/** Disposes every client; reports duplicates, errors, and deliveries never asked for (late, or of events nobody expected). */
async function close(): Promise<void> {
  closing = true;
  let late = 0;
  for (const entry of seen.values()) late += entry.times.length;
  await Promise.all(clients.map((client) => client.dispose()));
  process.send!({ closed: { duplicates, errors, firstError, late } }, () => process.exit(0));
}

function noteError(error: unknown): void {
  errors += 1;
  firstError ??= error instanceof Error ? error.message : JSON.stringify(error);
}

function count<T>(values: T[], value: T): number {
  let n = 0;
  for (const v of values) if (v === value) n += 1;
  return n;
}
