import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Scene } from '../scene/scene.entity';
import type { Context } from '../shared/context';
import { BadUserInputError } from '../shared/errors';
import { IndicatorValue } from './indicator-value.type';

@Resolver(() => Scene)
export class SceneIndicatorResolver {
  @FieldResolver(() => [IndicatorValue], {
    description: 'Indicators (e.g. reported crimes) of the scene’s statistical areas per year, with the municipality’s average beside each',
  })
  indicators(
    @Root() scene: Scene,
    @Arg('names', () => [String], { nullable: true, description: 'Only these indicators, e.g. ["narcotics_total"]' })
    names: string[] | undefined,
    @Arg('fromYear', () => Int, { nullable: true }) fromYear: number | undefined,
    @Arg('toYear', () => Int, { nullable: true }) toYear: number | undefined,
    @Ctx() ctx: Context,
  ): Promise<IndicatorValue[]> {
    if (fromYear != null && toYear != null && toYear < fromYear) {
      throw new BadUserInputError(`toYear (${toYear}) is before fromYear (${fromYear})`, 'toYear');
    }
    return ctx.loaders.indicators({ names: names ?? null, fromYear: fromYear ?? null, toYear: toYear ?? null }).load(scene.id);
  }
}
