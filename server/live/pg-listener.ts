import { Client } from 'pg';

export interface PgListener {
  /** Drops the connection (tests use it to prove recovery); it reconnects by itself. */
  dropConnection(): void;
  stop(): Promise<void>;
}

/**
 * One LISTEN connection per instance (not per subscriber) for all `channels`. Every NOTIFY calls
 * `onWake` with its channel, and every (re)connect with null (all): a notification is only a
 * signal to read an outbox again, so one lost while the connection was down costs nothing but a
 * little delay.
 */
export function startPgListener(databaseUrl: string, channels: string[], onWake: (channel: string | null) => void): PgListener {
  let client: Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async () => {
    if (stopped) return;
    const next = new Client({ connectionString: databaseUrl });
    next.on('notification', (message) => {
      if (channels.includes(message.channel)) onWake(message.channel);
    });
    next.on('error', () => reconnect(next));
    next.on('end', () => reconnect(next));
    try {
      await next.connect();
      for (const channel of channels) await next.query(`listen ${next.escapeIdentifier(channel)}`);
      client = next;
      onWake(null); // catch up on anything committed while no one was listening
    } catch {
      reconnect(next);
    }
  };

  const reconnect = (broken: Client) => {
    if (client === broken) client = null;
    broken.removeAllListeners();
    broken.on('error', () => undefined); // a late socket error on the discarded client must not crash the process
    broken.end().catch(() => undefined);
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, 500);
  };

  void connect();
  return {
    dropConnection() {
      if (client) reconnect(client);
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
