import { Arg, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { Operator } from '../operator/operator.entity';
import type { Context } from '../shared/context';
import { GeoJSONScalar } from '../spatial/geojson.scalar';
import { Crs } from '../../db/spatial/crs';
import type { AreaChange } from '../../db/spatial/geometry-sql';
import { SceneVersion } from './scene-version.type';

@Resolver(() => SceneVersion)
export class SceneVersionResolver {
  @FieldResolver(() => Operator, { nullable: true, description: 'The operator of the subject who recorded it' })
  recordedByOperator(@Root() version: SceneVersion, @Ctx() ctx: Context) {
    return version.recordedByOperatorId ? ctx.loaders.operatorById.load(version.recordedByOperatorId) : null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Area this version added to the one before, on the spheroid, in m²; null for the first',
  })
  async areaGainedSquareMeters(@Root() version: SceneVersion, @Ctx() ctx: Context): Promise<number | null> {
    return (await areaChange(version, Crs.EPSG_4326, ctx))?.gainedSquareMeters ?? null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Area this version took away from the one before, on the spheroid, in m²; null for the first',
  })
  async areaLostSquareMeters(@Root() version: SceneVersion, @Ctx() ctx: Context): Promise<number | null> {
    return (await areaChange(version, Crs.EPSG_4326, ctx))?.lostSquareMeters ?? null;
  }

  @FieldResolver(() => GeoJSONScalar, {
    nullable: true,
    description: 'The area added to the one before (ST_Difference); null when none, or for the first',
  })
  async areaGained(@Root() version: SceneVersion, @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs, @Ctx() ctx: Context) {
    return (await areaChange(version, crs, ctx))?.gained ?? null;
  }

  @FieldResolver(() => GeoJSONScalar, {
    nullable: true,
    description: 'The area taken away from the one before (ST_Difference); null when none, or for the first',
  })
  async areaLost(@Root() version: SceneVersion, @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs, @Ctx() ctx: Context) {
    return (await areaChange(version, crs, ctx))?.lost ?? null;
  }
}

function areaChange(version: SceneVersion, crs: Crs, ctx: Context): Promise<AreaChange | null> {
  return ctx.loaders.spatial.areaChange('scene_version', crs).load(`${version.id}:${version.version}`);
}
