import { Arg, Ctx, Float, Query, Resolver } from 'type-graphql';
import type { Context } from '../shared/context';
import { DisplacementCandidate, findDisplacementCandidates } from './displacement';
import type { Scene } from './scene.entity';

/** Questions across scenes that analysts ask of the status history. */
@Resolver()
export class SceneAnalysisResolver {
  @Query(() => [DisplacementCandidate], {
    description:
      'Scenes that became ACTIVE or EMERGING within `radiusMeters` of a scene that had left ACTIVE at most `withinDays` days before: where did activity move?',
  })
  async displacementCandidates(
    @Arg('radiusMeters', () => Float, { description: 'More than 0, at most 50 000' }) radiusMeters: number,
    @Arg('withinDays', () => Float, { description: 'More than 0, at most 3650' }) withinDays: number,
    @Ctx() ctx: Context,
  ): Promise<DisplacementCandidate[]> {
    const rows = await findDisplacementCandidates(ctx.em, radiusMeters, withinDays);
    const scenes = await ctx.loaders.sceneById.loadMany(rows.flatMap((row) => [row.sceneId, row.originId]));
    return rows.map(({ sceneId: _sceneId, originId: _originId, ...row }, index) => ({
      ...row,
      scene: scenes[2 * index] as Scene,
      origin: scenes[2 * index + 1] as Scene,
    }));
  }
}
