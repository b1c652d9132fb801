import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/role';
import type { StatusEventHub } from '../live/status-event.hub';
import type { Loaders } from './loaders';

/** What every resolver gets. Built once per HTTP request or WebSocket operation (server/context.ts). */
export interface Context {
  /** An entity-manager fork of this request only. */
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  requestId: string;
  /** This instance's log of committed status events (subscriptions read it; writers wake it after commit). */
  events: StatusEventHub;
}
