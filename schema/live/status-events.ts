import type { SceneStatus } from '../scene/scene-status';

/**
 * A committed status change as the live path carries it from the outbox to each subscriber:
 * ids and strings only, small and serialisable; resolved to the GraphQL type `SceneStatusEvent`
 * per subscriber (scene-status.resolver.ts), under that subscriber's row security.
 */
export interface StatusEventPayload {
  /** The outbox id: increases with every committed change. */
  id: string;
  sceneId: string;
  /** The scene's municipality when the event was read (for filters). */
  municipality: string;
  from: SceneStatus | null;
  to: SceneStatus;
  reason: string;
  /** ISO 8601 */
  changedAt: string;
  changedBy: string | null;
  changedByOperatorId: string | null;
}

/** Which events a subscriber receives; all given conditions must hold. */
export interface StatusEventFilter {
  sceneIds?: string[];
  municipality?: string[];
  /** Matches an event whose `from` or `to` is among these. */
  statuses?: string[];
  /** WGS 84 box; a scene matches when its area intersects it (decided by PostGIS). */
  box?: { minX: number; minY: number; maxX: number; maxY: number };
}

/**
 * The ordered log of committed status events, as resolvers and writers use it (each operation's
 * context holds it; server/live/status-event.hub.ts is the implementation).
 */
export interface StatusEvents {
  /** Events matching `filter` in id order: those after `after` first, then live ones; from now on without `after`. */
  subscribe(filter: StatusEventFilter, after: string | null, signal?: AbortSignal): AsyncIterableIterator<StatusEventPayload>;
  /** Read the outbox again now (a writer's transaction committed). Never rejects. */
  wake(): Promise<void>;
}
