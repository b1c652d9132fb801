import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/role';
import type { StatusEvents } from '../live/status-events';
import type { Loaders } from './loaders';

/** What every resolver gets. Built once per HTTP request or WebSocket operation (server/context.ts). */
export interface Context {
  /** An entity-manager fork of this request only. */
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  requestId: string;
  /** This instance's log of committed status events (subscriptions read it; writers wake it after commit). */
  events: StatusEvents;
  /** The operation's admission when a transport ran it before building the context (server/http-reads.ts): it is not run again. */
  admission?: Promise<void>;
  /** Whether a transport already tried the compiled read path for this operation (server/http-reads.ts): it is not tried twice. */
  compiledReadTried?: boolean;
}
