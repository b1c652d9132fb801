import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Agreement } from '../agreement/agreement.entity';
import { Intervention } from '../intervention/intervention.entity';
import type { Context } from '../shared/context';
import { createConnectionType, PageArgs } from '../shared/pagination';
import { Crs } from '../spatial/crs';
import { GeoJSONScalar } from '../spatial/geojson.scalar';
import { SceneDistance } from './scene-distance.type';
import { SceneStatisticsGroup, SceneStatisticsGroupBy } from './scene-statistics';
import { sceneStatistics } from './scene-statistics.service';
import { SceneStatusChange } from './scene-status-change.entity';
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
    @Ctx() ctx: Context,
  ) {
    return new SceneService(ctx).list(filter, orderBy, page);
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
      'Scene counts and total area per status, municipality or police area, as the status history says things stood at `at` (default now)',
  })
  sceneStatistics(
    @Arg('groupBy', () => SceneStatisticsGroupBy) groupBy: SceneStatisticsGroupBy,
    @Arg('at', () => Date, { nullable: true }) at: Date | undefined,
    @Arg('filter', () => SceneFilter, { nullable: true }) filter: SceneFilter | undefined,
    @Ctx() ctx: Context,
  ): Promise<SceneStatisticsGroup[]> {
    return sceneStatistics(ctx.em, groupBy, at ?? new Date(), filter);
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
    return crs === Crs.EPSG_4326 ? scene.area : ctx.loaders.spatial.geometry('scene.area', 'self', crs).load(scene.id);
  }

  @FieldResolver(() => GeoJSONScalar, { description: 'The area’s centroid, a Point' })
  centroid(@Root() scene: Scene, @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs, @Ctx() ctx: Context) {
    return ctx.loaders.spatial.geometry('scene.area', 'centroid', crs).load(scene.id);
  }

  @FieldResolver(() => Boolean)
  archived(@Root() scene: Scene): boolean {
    return scene.archivedAt !== null;
  }

  @FieldResolver(() => [SceneStatusChange], { description: 'Every status change, oldest first' })
  statusHistory(@Root() scene: Scene, @Ctx() ctx: Context) {
    return ctx.loaders.statusHistoryBySceneId.load(scene.id);
  }

  @FieldResolver(() => [Intervention], {
    description:
      'Interventions registered at this scene, newest first; with `withinMeters`, instead every intervention (of any scene) located within that distance of the area, 0 meaning inside or touching it',
  })
  async interventions(
    @Root() scene: Scene,
    @Arg('withinMeters', () => Float, { nullable: true }) withinMeters: number | undefined,
    @Ctx() ctx: Context,
  ): Promise<Intervention[]> {
    if (withinMeters == null) return ctx.loaders.interventionsBySceneId.load(scene.id);
    const rows = await ctx.loaders.spatial.interventionsNearScene(withinMeters).load(scene.id);
    return (await ctx.loaders.interventionById.loadMany(rows.map((row) => row.id))) as Intervention[];
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

  @FieldResolver(() => [Agreement], { description: 'Agreements about this scene, newest first' })
  async agreements(@Root() scene: Scene, @Ctx() ctx: Context): Promise<Agreement[]> {
    const links = await ctx.loaders.agreementsBySceneId.load(scene.id);
    return links.map((link) => link.agreement.getEntity());
  }
}
