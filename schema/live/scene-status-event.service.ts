import type { Operator } from '../operator/operator.entity';
import type { Scene } from '../scene/scene.entity';
import type { Context } from '../shared/context';
import { boxIn4326 } from '../spatial/spatial-filter';
import type { SceneStatusChangedFilter, SceneStatusEvent } from './scene-status-event.type';
import { SceneStatusOutbox } from './scene-status-outbox.entity';
import { checkAfter } from './event-log';
import type { StatusEventPayload } from './status-events';

/**
 * Live status for one operation: the cursor to resume from, a subscription's checked arguments,
 * and an event as a subscriber sees it. The log itself is `ctx.events` (server/live).
 */
export class SceneStatusEventService {
  constructor(private readonly ctx: Context) {}

  /** The newest committed event id ("0" if none). */
  cursor(): Promise<string> {
    return this.ctx.em.getRepository(SceneStatusOutbox).latestId();
  }

  /**
   * The events matching `filter` after `after` (an event id), then live ones.
   * @throws BadUserInputError for an `after` that is not an event id or a bad box
   */
  async subscribe(
    filter: SceneStatusChangedFilter | undefined,
    after: string | null | undefined,
  ): Promise<AsyncIterableIterator<StatusEventPayload>> {
    checkAfter(after);
    const box = filter?.bbox ? await boxIn4326(this.ctx.em, filter.bbox) : undefined;
    return this.ctx.events.subscribe({ ...filter, box }, after ?? null);
  }

  /**
   * An event as this subscriber sees it: its scene and operator read under the subscriber's row
   * security. Each event runs with a context of its own (server/ws.ts), so these loaders are fresh.
   */
  async toEvent(event: StatusEventPayload): Promise<SceneStatusEvent> {
    const [scene, operator] = await Promise.all([
      this.ctx.loaders.sceneById.load(event.sceneId),
      event.changedByOperatorId ? this.ctx.loaders.operatorById.load(event.changedByOperatorId) : null,
    ]);
    return {
      id: event.id,
      scene: scene as Scene,
      from: event.from,
      to: event.to,
      reason: event.reason,
      changedAt: new Date(event.changedAt),
      changedBy: event.changedBy,
      changedByOperator: operator as Operator | null,
    };
  }
}
