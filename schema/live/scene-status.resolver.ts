import { Arg, Ctx, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Operator } from '../operator/operator.entity';
import type { Scene } from '../scene/scene.entity';
import type { Context } from '../shared/context';
import { BadUserInputError } from '../shared/errors';
import { boxIn4326 } from '../spatial/spatial-filter';
import { SceneStatusChangedFilter, SceneStatusEvent } from './scene-status-event.type';
import { SceneStatusOutbox } from './scene-status-outbox.entity';
import type { StatusEventPayload } from './status-events';

interface SubscriptionArgs {
  filter?: SceneStatusChangedFilter;
  after?: string | null;
}

@Resolver(() => SceneStatusEvent)
export class SceneStatusResolver {
  @Query(() => ID, {
    description:
      'The newest committed status event id ("0" if none). Read it before loading scenes, then subscribe with `after` set to it: nothing falls between.',
  })
  sceneStatusEventCursor(@Ctx() ctx: Context): Promise<string> {
    return ctx.em.getRepository(SceneStatusOutbox).latestId();
  }

  @Subscription(() => SceneStatusEvent, {
    description:
      'Every committed status change matching the filter, in order. With `after` (an event id), first every later event the caller missed, then live ones, with no gap and no duplicate.',
    subscribe: async ({ args, context }) => {
      const { filter, after } = args as SubscriptionArgs;
      if (after != null && !/^\d{1,18}$/.test(after))
        throw new BadUserInputError(`after must be an event id, got ${JSON.stringify(after)}`, 'after');
      const box = filter?.bbox ? await boxIn4326((context as Context).em, filter.bbox) : undefined;
      return (context as Context).events.subscribe({ ...filter, box }, after ?? null);
    },
  })
  async sceneStatusChanged(
    @Root() event: StatusEventPayload,
    @Ctx() ctx: Context,
    @Arg('filter', () => SceneStatusChangedFilter, { nullable: true }) _filter?: SceneStatusChangedFilter,
    @Arg('after', () => ID, { nullable: true }) _after?: string,
  ): Promise<SceneStatusEvent> {
    // Each event runs with a context of its own (server/ws.ts), so these loaders are fresh.
    const [scene, operator] = await Promise.all([
      ctx.loaders.sceneById.load(event.sceneId),
      event.changedByOperatorId ? ctx.loaders.operatorById.load(event.changedByOperatorId) : null,
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
