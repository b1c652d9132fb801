import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/role';
import type { ChangeEvents } from '../change/change-log';
import type { StatusEvents } from '../live/status-events';
import type { WatchAlerts } from '../watch-area/watch-area.repository';
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
  /** The log of committed changes of scenes, agreements and interventions, and of due notices. */
  changes: ChangeEvents;
  /** The log of watch-area alerts. */
  watchAlerts: WatchAlerts;
  /** Reads every live log again (a writer's transaction committed). Never rejects. */
  wakeLive(): Promise<void>;
  /** The operation's admission when a transport ran it before building the context (server/http-reads.ts): it is not run again. */
  admission?: Promise<void>;
  /** Whether a transport already tried the compiled read path for this operation (server/http-reads.ts): it is not tried twice. */
  compiledReadTried?: boolean;
}
