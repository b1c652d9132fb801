import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Agreement } from '../agreement/agreement.entity';
import { Operator } from '../operator/operator.entity';
import { Scene } from '../scene/scene.entity';
import { AsOfArgs, asOfFrom } from '../shared/as-of';
import { geometryKey, momentShown, versionShown } from '../shared/as-of-object';
import type { Context } from '../shared/context';
import { selects } from '../shared/selection';
import { PageArgs } from '../shared/pagination';
import { Crs } from '../../db/spatial/crs';
import { geometryAsStored } from '../../db/spatial/geometry.type';
import { transformGeometry } from '../../db/spatial/geometry-sql';
import { GeoJSONScalar } from '../spatial/geojson.scalar';
import { operatorIdsShown } from './intervention-versions';
import { InterventionConnection } from './intervention.connection';
import { Intervention } from './intervention.entity';
import {
  CreateInterventionInput,
  DeleteInterventionInput,
  ShareInterventionInput,
  InterventionFilter,
  InterventionOrderBy,
  UpdateInterventionInput,
} from './intervention.inputs';
import { InterventionService } from './intervention.service';
import { InterventionStatisticsGroup, InterventionStatisticsGroupBy } from './intervention-statistics';

/**
 * What the field resolvers read of an intervention: an entity or a plain row of a list
 * (intervention.rows.ts). A type alias, so that type-graphql hands the object over as it is
 * instead of copying it into a new entity.
 */
type InterventionNode = Pick<Intervention, 'id' | 'scene' | 'owner' | 'agreement' | 'location'>;

@Resolver(() => Intervention)
export class InterventionResolver {
  @Query(() => Intervention, {
    description:
      'An intervention by id; with `at` and/or `asRecordedAt`, as it stood then, with its relations then. NOT_FOUND if there is none (then) you may see',
  })
  intervention(@Arg('id', () => ID) id: string, @Args() moment: AsOfArgs, @Ctx() ctx: Context): Promise<Intervention> {
    return new InterventionService(ctx).findById(id, asOfFrom(moment));
  }

  @Query(() => InterventionConnection)
  interventions(
    @Arg('filter', () => InterventionFilter, { nullable: true }) filter: InterventionFilter | undefined,
    @Arg('orderBy', () => InterventionOrderBy, { defaultValue: InterventionOrderBy.STARTS_AT_DESC }) orderBy: InterventionOrderBy,
    @Args() page: PageArgs,
    @Args() moment: AsOfArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ) {
    return new InterventionService(ctx).list(filter, orderBy, page, selects(info, 'totalCount'), asOfFrom(moment));
  }

  @Query(() => [InterventionStatisticsGroup], {
    description:
      'Interventions counted per category, kind, sensitivity, owner or scene, largest group first; only those the caller may see; with `at` and/or `asRecordedAt`, as they stood then',
  })
  async interventionStatistics(
    @Arg('groupBy', () => InterventionStatisticsGroupBy) groupBy: InterventionStatisticsGroupBy,
    @Arg('filter', () => InterventionFilter, { nullable: true }) filter: InterventionFilter | undefined,
    @Args() moment: AsOfArgs,
    @Ctx() ctx: Context,
  ): Promise<InterventionStatisticsGroup[]> {
    return new InterventionService(ctx).statistics(groupBy, filter, asOfFrom(moment));
  }

  @Mutation(() => Intervention, { description: 'Registers an intervention owned by the caller’s operator (EDITOR, ADMIN)' })
  createIntervention(@Arg('input') input: CreateInterventionInput, @Ctx() ctx: Context): Promise<Intervention> {
    return new InterventionService(ctx).create(input);
  }

  @Mutation(() => Intervention, { description: 'Changes an intervention (its owner’s EDITORs, or ADMIN)' })
  updateIntervention(@Arg('input') input: UpdateInterventionInput, @Ctx() ctx: Context): Promise<Intervention> {
    return new InterventionService(ctx).update(input);
  }

  @Mutation(() => Intervention, { description: 'Deletes an intervention and returns it as it was' })
  deleteIntervention(@Arg('input') input: DeleteInterventionInput, @Ctx() ctx: Context): Promise<Intervention> {
    return new InterventionService(ctx).delete(input);
  }

  @Mutation(() => Intervention, { description: 'Shares an intervention with one more operator (its owner’s EDITORs, or ADMIN)' })
  shareIntervention(@Arg('input') input: ShareInterventionInput, @Ctx() ctx: Context): Promise<Intervention> {
    return new InterventionService(ctx).share(input);
  }

  @Mutation(() => Intervention, { description: 'Stops sharing an intervention with an operator' })
  unshareIntervention(@Arg('input') input: ShareInterventionInput, @Ctx() ctx: Context): Promise<Intervention> {
    return new InterventionService(ctx).unshare(input);
  }

  @FieldResolver(() => [Operator], {
    description: 'Operators it is explicitly shared with (for RESTRICTED: the only ones besides the owner that see it)',
  })
  sharedWith(@Root() intervention: InterventionNode, @Ctx() ctx: Context): Promise<Operator[]> {
    return new InterventionService(ctx).sharedWith(intervention);
  }

  @FieldResolver(() => GeoJSONScalar, { description: 'Where: a point, line or polygon' })
  async location(
    @Root() intervention: InterventionNode,
    @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs,
    @Ctx() ctx: Context,
  ) {
    // Lists read the location only when they see it selected; otherwise (another CRS, or just written) it is read here.
    const held = geometryAsStored(intervention.location);
    if (crs === Crs.EPSG_4326 && held !== undefined) return held;
    const source = versionShown(intervention) === undefined ? 'intervention.location' : 'intervention_version.location';
    const stored = await ctx.loaders.spatial.geometry(source, 'self', crs).load(geometryKey(intervention));
    // an intervention this operation deleted: its location as it was, in the CRS asked for
    return stored ?? (held ? transformGeometry(ctx.em, held, crs) : null);
  }

  @FieldResolver(() => Scene)
  async scene(@Root() intervention: InterventionNode, @Ctx() ctx: Context) {
    const asOf = momentShown(intervention);
    // a scene registered after the moment (its intervention began before it): as it is now
    const then = asOf ? await ctx.loaders.sceneAsOf(asOf).load(intervention.scene.id) : null;
    return then ?? ctx.loaders.sceneById.load(intervention.scene.id);
  }

  @FieldResolver(() => Operator, { description: 'The operator that registered and owns it' })
  owner(@Root() intervention: InterventionNode, @Ctx() ctx: Context) {
    return ctx.loaders.operatorRowById.load(intervention.owner.id);
  }

  @FieldResolver(() => [Operator], { description: 'Participating operators besides the owner' })
  async operators(@Root() intervention: InterventionNode, @Ctx() ctx: Context): Promise<Operator[]> {
    const shown = operatorIdsShown(intervention);
    if (shown) return sortedByName((await ctx.loaders.operatorById.loadMany(shown)).filter((o): o is Operator => o instanceof Operator));
    const links = await ctx.loaders.operatorsByInterventionId.load(intervention.id);
    return links.map((link) => link.operator.getEntity());
  }

  @FieldResolver(() => Agreement, { nullable: true })
  async agreement(@Root() intervention: InterventionNode, @Ctx() ctx: Context) {
    if (!intervention.agreement) return null;
    const asOf = momentShown(intervention);
    const then = asOf ? await ctx.loaders.agreementAsOf(asOf).load(intervention.agreement.id) : null;
    return then ?? ctx.loaders.agreementById.load(intervention.agreement.id);
  }
}

function sortedByName(operators: Operator[]): Operator[] {
  return operators.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
