import { Arg, Args, Ctx, Float, Query, Resolver } from 'type-graphql';
import { AsOfArgs, asOfFrom } from '../shared/as-of';
import type { Context } from '../shared/context';
import { DisplacementCandidate } from './displacement-candidate.type';
import { SceneService } from './scene.service';

/** Questions across scenes that analysts ask of the status history. */
@Resolver()
export class SceneAnalysisResolver {
  @Query(() => [DisplacementCandidate], {
    description:
      'Scenes that became ACTIVE or EMERGING within `radiusMeters` of a scene that had left ACTIVE at most `withinDays` days before: where did activity move? With `at` and/or `asRecordedAt`: the moves known then, the areas as they then stood',
  })
  displacementCandidates(
    @Arg('radiusMeters', () => Float, { description: 'More than 0, at most 50 000' }) radiusMeters: number,
    @Arg('withinDays', () => Float, { description: 'More than 0, at most 3650' }) withinDays: number,
    @Args() moment: AsOfArgs,
    @Ctx() ctx: Context,
  ): Promise<DisplacementCandidate[]> {
    return new SceneService(ctx).displacementCandidates(radiusMeters, withinDays, asOfFrom(moment));
  }
}
