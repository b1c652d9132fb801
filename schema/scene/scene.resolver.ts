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
import { AsOfArgs, asOfFrom } from '../shared/as-of';
import { TrendInterval } from './trend-interval';
import { SceneAreaTrendPoint, SceneVersion } from './scene-version.type';
import { geometryKey, momentShown, versionShown } from '../shared/as-of-object';
import type { GeometrySource } from '../../db/spatial/geometry-sql';
import { ArchiveSceneInput, ChangeSceneStatusInput, CreateSceneInput, SceneFilter, SceneOrderBy, UpdateSceneInput } from './scene.inputs';
import { SceneService } from './scene.service';

@ObjectType()
export class SceneConnection extends createConnectionType(Scene, 'Scene') {}

/** Where a scene's area is read: the scene row, or the version an as-of scene shows. */
function areaSource(scene: Scene): GeometrySource {
  return versionShown(scene) === undefined ? 'scene.area' : 'scene_version.area';
}

@Resolver(() => Scene)
export class SceneResolver {
  @Query(() => Scene, {
    description:
      'A scene by id (archived ones too); with `at` and/or `asRecordedAt`, as it stood then (its fields and area; its relations as they are now). NOT_FOUND if there is none (then)',
  })
  scene(@Arg('id', () => ID) id: string, @Args() moment: AsOfArgs, @Ctx() ctx: Context): Promise<Scene> {
    return new SceneService(ctx).findById(id, asOfFrom(moment));
  }

  @Query(() => SceneConnection, {
    description:
      'Scenes, filtered and ordered, a page at a time; with `at` and/or `asRecordedAt`, as they stood then (the filter applies to them as they were)',
  })
  scenes(
    @Arg('filter', () => SceneFilter, { nullable: true }) filter: SceneFilter | undefined,
    @Arg('orderBy', () => SceneOrderBy, { defaultValue: SceneOrderBy.NAME_ASC }) orderBy: SceneOrderBy,
    @Args() page: PageArgs,
    @Args() moment: AsOfArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ) {
    return new SceneService(ctx).list(filter, orderBy, page, selects(info, 'totalCount'), asOfFrom(moment));
  }

  @Query(() => [SceneDistance], {
    description:
      'The scenes nearest to a point, nearest first, with distances in metres on the spheroid; with `at` and/or `asRecordedAt`, the scenes (areas, statuses) as they stood then',
  })
  nearestScenes(
    @Arg('point', () => GeoJSONScalar, { description: 'A GeoJSON Point' }) point: unknown,
    @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs,
    @Arg('limit', () => Int, { defaultValue: 10, description: 'At most 100' }) limit: number,
    @Arg('filter', () => SceneFilter, { nullable: true }) filter: SceneFilter | undefined,
    @Args() moment: AsOfArgs,
    @Ctx() ctx: Context,
  ): Promise<SceneDistance[]> {
    return new SceneService(ctx).nearest(point, crs, limit, filter, asOfFrom(moment));
  }

  @Query(() => [SceneStatisticsGroup], {
    description:
      'Scene counts and total area per status, municipality or police area: as the scenes are now, or with `at` and/or `asRecordedAt` as they stood then (status, area and the rest as they were). Archived scenes are not counted.',
  })
  sceneStatistics(
    @Arg('groupBy', () => SceneStatisticsGroupBy) groupBy: SceneStatisticsGroupBy,
    @Args() moment: AsOfArgs,
    @Arg('filter', () => SceneFilter, { nullable: true }) filter: SceneFilter | undefined,
    @Ctx() ctx: Context,
  ): Promise<SceneStatisticsGroup[]> {
    return new SceneService(ctx).statistics(groupBy, asOfFrom(moment), filter);
  }

  @Query(() => [SceneAreaTrendPoint], {
    description:
      'Scene counts and total area per group at each moment from `from` to `to` every `interval` (at most 121 moments), as the scenes then stood: "did the active scenes shrink during 2023?" in one query',
  })
  sceneAreaTrend(
    @Arg('groupBy', () => SceneStatisticsGroupBy) groupBy: SceneStatisticsGroupBy,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('interval', () => TrendInterval, { defaultValue: TrendInterval.MONTH }) interval: TrendInterval,
    @Arg('filter', () => SceneFilter, { nullable: true }) filter: SceneFilter | undefined,
    @Ctx() ctx: Context,
  ): Promise<SceneAreaTrendPoint[]> {
    return new SceneService(ctx).areaTrend(groupBy, from, to, interval, filter);
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
    if (crs === Crs.EPSG_4326 && held !== undefined) return held;
    return ctx.loaders.spatial.geometry(areaSource(scene), 'self', crs).load(geometryKey(scene));
  }

  @FieldResolver(() => GeoJSONScalar, { description: 'The area’s centroid, a Point' })
  centroid(@Root() scene: Scene, @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs, @Ctx() ctx: Context) {
    return ctx.loaders.spatial.geometry(areaSource(scene), 'centroid', crs).load(geometryKey(scene));
  }

  @FieldResolver(() => Float, { description: 'Perimeter on the spheroid, in metres' })
  async perimeterMeters(@Root() scene: Scene, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.spatial.perimeter(areaSource(scene)).load(geometryKey(scene)))!;
  }

  @FieldResolver(() => Boolean)
  archived(@Root() scene: Scene): boolean {
    return scene.archivedAt !== null;
  }

  @FieldResolver(() => [SceneVersion], {
    description:
      'Every version of the scene, oldest first: what changed, when it took effect, who recorded it, and the scene as it then stood',
  })
  versions(@Root() scene: Scene, @Ctx() ctx: Context): Promise<SceneVersion[]> {
    return new SceneService(ctx).versions(scene.id);
  }

  @FieldResolver(() => SceneStatusChangeConnection, { description: 'The status changes, oldest first, a page at a time' })
  statusHistory(@Root() scene: Scene, @Args() args: ForwardPageArgs, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context) {
    return statusHistoryOf(ctx, scene.id, args, selects(info, 'totalCount'), momentShown(scene));
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
    const asOf = momentShown(scene);
    return interventionsUnder(ctx, parent, scene.id, args, selects(info, 'totalCount'), nodeFields(info), { withinMeters, asOf });
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
    return agreementsOfScene(ctx, scene.id, args, selects(info, 'totalCount'), momentShown(scene));
  }
}
