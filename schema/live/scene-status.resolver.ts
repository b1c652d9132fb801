import { Arg, Ctx, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../shared/context';
import { SceneStatusChangedFilter, SceneStatusEvent } from './scene-status-event.type';
import { SceneStatusEventService } from './scene-status-event.service';
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
    return new SceneStatusEventService(ctx).cursor();
  }

  @Subscription(() => SceneStatusEvent, {
    description:
      'Every committed status change matching the filter, in order. With `after` (an event id), first every later event the caller missed, then live ones, with no gap and no duplicate.',
    subscribe: ({ args, context }) => {
      const { filter, after } = args as SubscriptionArgs;
      return new SceneStatusEventService(context as Context).subscribe(filter, after);
    },
  })
  sceneStatusChanged(
    @Root() event: StatusEventPayload,
    @Ctx() ctx: Context,
    @Arg('filter', () => SceneStatusChangedFilter, { nullable: true }) _filter?: SceneStatusChangedFilter,
    @Arg('after', () => ID, { nullable: true }) _after?: string,
  ): Promise<SceneStatusEvent> {
    return new SceneStatusEventService(ctx).toEvent(event);
  }
}
