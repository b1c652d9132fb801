import { Client } from 'pg';
import { STATUS_EVENT_CHANNEL } from '../../schema/live/scene-status-outbox.repository';

export interface PgListener {
  /** Drops the connection (tests use it to prove recovery); it reconnects by itself. */
  dropConnection(): void;
  stop(): Promise<void>;
}

/**
 * One LISTEN connection per instance (not per subscriber). Every NOTIFY, and every reconnect,
 * calls `onWake`: a notification is only a signal to read the outbox again, so one lost while
 * the connection was down costs nothing but a little delay.
 */
export function startPgListener(databaseUrl: string, onWake: () => void): PgListener {
  let client: Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async () => {
    if (stopped) return;
    const next = new Client({ connectionString: databaseUrl });
    next.on('notification', (message) => {
      if (message.channel === STATUS_EVENT_CHANNEL) onWake();
    });
    next.on('error', () => reconnect(next));
    next.on('end', () => reconnect(next));
    try {
      await next.connect();
      await next.query(`listen ${STATUS_EVENT_CHANNEL}`);
      client = next;
      onWake(); // catch up on anything committed while no one was listening
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
