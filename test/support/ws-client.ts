import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Collected<T> {
  events: T[];
  errors: unknown[];
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves when at least `count` events have arrived, or rejects after `ms`. */
  waitFor(count: number, ms?: number): Promise<T[]>;
  dispose(): Promise<void>;
}

/** A real graphql-ws client (no retries), collecting one subscription's payloads. */
export function subscribe<T = any>(
  wsUrl: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Collected<T> {
  let onClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client: Client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined, // reported through `closed`
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: { closed: (event) => onClosed(event as { code: number; reason: string }) },
  });
  const events: T[] = [];
  const errors: unknown[] = [];
  const waiters: Array<() => void> = [];
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors);
        if (value.data) events.push(value.data as T);
        waiters.splice(0).forEach((wake) => wake());
      },
      error: (error) => {
        errors.push(error);
        waiters.splice(0).forEach((wake) => wake());
      },
      complete: () => undefined,
    },
  );
  return {
    events,
    errors,
    closed,
    async waitFor(count, ms = 5_000) {
      const deadline = Date.now() + ms;
      while (events.length < count) {
        if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${count} events, got ${events.length}: ${JSON.stringify(errors)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return events;
    },
    async dispose() {
      unsubscribe();
      await client.dispose();
    },
  };
}

/** Runs one query or mutation over graphql-ws (a real client, no retries) and returns its result. */
export async function executeOverWebSocket(
  wsUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: any; errors?: any[] }> {
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}` },
  });
  try {
    return await new Promise((resolve, reject) => {
      let result: { data?: any; errors?: any[] } = {};
      client.subscribe(
        { query, variables },
        {
          next: (value) => (result = value as never),
          error: (errors) => resolve({ errors: errors as any[] }),
          complete: () => resolve(result),
        },
      );
      setTimeout(() => reject(new Error('no answer over the WebSocket')), 5_000).unref();
    });
  } finally {
    await client.dispose();
  }
}

export interface RawSocket {
  /** Sends a frame as it is (a string is sent as text). */
  send(frame: string | Buffer): void;
  /** The next message the server sends, parsed, or rejects after `ms`. */
  nextMessage(ms?: number): Promise<any>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/**
 * A bare `ws` socket speaking graphql-transport-ws by hand, already acknowledged (with `token`),
 * for frames a well-behaved client never sends.
 */
export async function openRawSocket(wsUrl: string, token: string): Promise<RawSocket> {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  const inbox: any[] = [];
  const waiting: Array<(message: any) => void> = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else inbox.push(message);
  });
  socket.on('error', () => undefined); // reported through `closed`
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  const nextMessage = (ms = 5_000) =>
    inbox.length
      ? Promise.resolve(inbox.shift())
      : new Promise<any>((resolve, reject) => {
          waiting.push(resolve);
          setTimeout(() => reject(new Error(`no message within ${ms} ms`)), ms).unref();
        });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  const ack = await nextMessage();
  if (ack.type !== 'connection_ack') throw new Error(`expected connection_ack, got ${JSON.stringify(ack)}`);
  return { send: (frame) => socket.send(frame), nextMessage, closed, close: () => socket.close() };
}
