import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AgreementConnection, agreementsOfScene, NestedAgreementArgs } from '../agreement/agreement.connection';
import { InterventionConnection, NestedInterventionArgs } from '../intervention/intervention.connection';
import { interventionsUnder } from '../intervention/nested-interventions';
import type { Context } from '../shared/context';
import { nodeFields, selects } from '../shared/selection';
import { createConnectionType, ForwardPageArgs, PageArgs } from '../shared/pagination';
import { Crs } from '../../db/spatial/crs';
import { geometryAsStored } from '../../db/spatial/geometry.type';
import { GeoJSONScalar } from '../spatial/geojson.scalar';
import { SceneDistance } from './scene-distance.type';
import { SceneStatisticsGroup, SceneStatisticsGroupBy } from './scene-statistics';
import { SceneStatusChangeConnection, statusHistoryOf } from './status-history';
import { Scene } from './scene.entity';
import { ArchiveSceneInput, ChangeSceneStatusInput, CreateSceneInput, SceneFilter, SceneOrderBy, UpdateSceneInput } from './scene.inputs';
import { SceneService } from './scene.service';

@ObjectType()
export class SceneConnection extends createConnectionType(Scene, 'Scene') {}

@Resolver(() => Scene)
export class SceneResolver {
  @Query(() => Scene, { description: 'A scene by id (archived ones too); NOT_FOUND if there is none' })
  scene(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Scene> {
    return new SceneService(ctx).findById(id);
  }

  @Query(() => SceneConnection, { description: 'Scenes, filtered and ordered, a page at a time' })
  scenes(
    @Arg('filter', () => SceneFilter, { nullable: true }) filter: SceneFilter | undefined,
    @Arg('orderBy', () => SceneOrderBy, { defaultValue: SceneOrderBy.NAME_ASC }) orderBy: SceneOrderBy,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ) {
    return new SceneService(ctx).list(filter, orderBy, page, selects(info, 'totalCount'));
  }

  @Query(() => [SceneDistance], { description: 'The scenes nearest to a point, nearest first, with distances in metres on the spheroid' })
  nearestScenes(
    @Arg('point', () => GeoJSONScalar, { description: 'A GeoJSON Point' }) point: unknown,
    @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs,
    @Arg('limit', () => Int, { defaultValue: 10, description: 'At most 100' }) limit: number,
    @Arg('filter', () => SceneFilter, { nullable: true }) filter: SceneFilter | undefined,
    @Ctx() ctx: Context,
  ): Promise<SceneDistance[]> {
    return new SceneService(ctx).nearest(point, crs, limit, filter);
  }

  @Query(() => [SceneStatisticsGroup], {
    description:
      'Scene counts and total area per status, municipality or police area: as the status history says things stood at `at`, or as the scenes are now when `at` is not given',
  })
  sceneStatistics(
    @Arg('groupBy', () => SceneStatisticsGroupBy) groupBy: SceneStatisticsGroupBy,
    @Arg('at', () => Date, { nullable: true }) at: Date | undefined,
    @Arg('filter', () => SceneFilter, { nullable: true }) filter: SceneFilter | undefined,
    @Ctx() ctx: Context,
  ): Promise<SceneStatisticsGroup[]> {
    return new SceneService(ctx).statistics(groupBy, at ?? undefined, filter);
  }

  @Mutation(() => Scene, { description: 'Registers a scene (EDITOR, ADMIN). It starts EMERGING unless an ADMIN says otherwise.' })
  createScene(@Arg('input') input: CreateSceneInput, @Ctx() ctx: Context): Promise<Scene> {
    return new SceneService(ctx).create(input);
  }

  @Mutation(() => Scene, { description: 'Edits a scene’s facts or area (ADMIN; EDITORs propose scenes with createScene)' })
  updateScene(@Arg('input') input: UpdateSceneInput, @Ctx() ctx: Context): Promise<Scene> {
    return new SceneService(ctx).update(input);
  }

  @Mutation(() => Scene, { description: 'Moves a scene along its lifecycle; INVALID_TRANSITION or CONFLICT otherwise' })
  changeSceneStatus(@Arg('input') input: ChangeSceneStatusInput, @Ctx() ctx: Context): Promise<Scene> {
    return new SceneService(ctx).changeStatus(input);
  }

  @Mutation(() => Scene, { description: 'Archives a scene (ADMIN): hidden from lists, still readable by id' })
  archiveScene(@Arg('input') input: ArchiveSceneInput, @Ctx() ctx: Context): Promise<Scene> {
    return new SceneService(ctx).archive(input);
  }

  @FieldResolver(() => GeoJSONScalar, { description: 'The area, a MultiPolygon' })
  area(@Root() scene: Scene, @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs, @Ctx() ctx: Context) {
    // The area is read only when asked for (a lazy property): here, in the CRS asked for, unless the entity holds it as stored.
    const held = geometryAsStored(scene.area);
    return crs === Crs.EPSG_4326 && held !== undefined ? held : ctx.loaders.spatial.geometry('scene.area', 'self', crs).load(scene.id);
  }

  @FieldResolver(() => GeoJSONScalar, { description: 'The area’s centroid, a Point' })
  centroid(@Root() scene: Scene, @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs, @Ctx() ctx: Context) {
    return ctx.loaders.spatial.geometry('scene.area', 'centroid', crs).load(scene.id);
  }

  @FieldResolver(() => Float, { description: 'Perimeter on the spheroid, in metres' })
  async perimeterMeters(@Root() scene: Scene, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.spatial.perimeter('scene.area').load(scene.id))!;
  }

  @FieldResolver(() => Boolean)
  archived(@Root() scene: Scene): boolean {
    return scene.archivedAt !== null;
  }

  @FieldResolver(() => SceneStatusChangeConnection, { description: 'The status changes, oldest first, a page at a time' })
  statusHistory(@Root() scene: Scene, @Args() args: ForwardPageArgs, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context) {
    return statusHistoryOf(ctx, scene.id, args, selects(info, 'totalCount'));
  }

  @FieldResolver(() => InterventionConnection, {
    description:
      'Interventions registered at this scene, a page at a time (newest first by default); with `withinMeters`, instead every intervention (of any scene) located within that distance of the area, 0 meaning inside or touching it',
  })
  interventions(
    @Root() scene: Scene,
    @Args() args: NestedInterventionArgs,
    @Arg('withinMeters', () => Float, { nullable: true }) withinMeters: number | undefined,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ) {
    const parent = withinMeters == null ? 'scene' : 'sceneArea';
    return interventionsUnder(ctx, parent, scene.id, args, selects(info, 'totalCount'), nodeFields(info), withinMeters ?? undefined);
  }

  @FieldResolver(() => [SceneDistance], { description: 'Other scenes within `radiusMeters` of this one’s area, nearest first' })
  async nearbyScenes(
    @Root() scene: Scene,
    @Arg('radiusMeters', () => Float, { description: 'More than 0, at most 50 000' }) radiusMeters: number,
    @Ctx() ctx: Context,
  ): Promise<SceneDistance[]> {
    const rows = await ctx.loaders.spatial.scenesNearScene(radiusMeters).load(scene.id);
    const scenes = await ctx.loaders.sceneById.loadMany(rows.map((row) => row.id));
    return rows.map((row, index) => ({ scene: scenes[index] as Scene, distanceMeters: row.distance }));
  }

  @FieldResolver(() => AgreementConnection, { description: 'Agreements about this scene, a page at a time (newest first by default)' })
  agreements(@Root() scene: Scene, @Args() args: NestedAgreementArgs, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context) {
    return agreementsOfScene(ctx, scene.id, args, selects(info, 'totalCount'));
  }
}
