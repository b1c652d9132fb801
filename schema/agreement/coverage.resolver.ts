import { Arg, Ctx, FieldResolver, Float, Query, Resolver, Root } from 'type-graphql';
import { Scene } from '../scene/scene.entity';
import { momentShown } from '../shared/as-of-object';
import type { Context } from '../shared/context';
import { Crs } from '../../db/spatial/crs';
import { GeoJSONScalar } from '../spatial/geojson.scalar';
import { AgreementKind } from './agreement-kind';
import { Agreement } from './agreement.entity';
import { CoverageService } from './coverage.service';
import { MandateGap, SceneCoverage } from './coverage.types';

const MANDATE_KINDS = [AgreementKind.GUARD_MANDATE, AgreementKind.CAMERA_PERMIT];

/** Coverage and validity: which agreements apply where and when, and where they are missing. */
@Resolver(() => Scene)
export class CoverageResolver {
  @FieldResolver(() => SceneCoverage, {
    description:
      'How much of this scene valid agreement areas of `kinds` cover on the day of `at` (default now), the agreements as they stood then; a scene read as it stood is measured with its area then',
  })
  async coverage(
    @Root() scene: Scene,
    @Arg('kinds', () => [AgreementKind], { defaultValue: MANDATE_KINDS }) kinds: AgreementKind[],
    @Arg('at', () => Date, { nullable: true }) at: Date | undefined,
    @Ctx() ctx: Context,
  ): Promise<SceneCoverage> {
    // a scene read as it stood: its area then, and the agreements then unless `at` names another moment
    const asOf = at ? { at, asRecordedAt: null } : momentShown(scene);
    return (await new CoverageService(ctx).coverages([scene], kinds, at ?? asOf?.at ?? new Date(), asOf))[0]!;
  }

  @Query(() => [SceneCoverage], {
    description:
      'Scenes ACTIVE at `at` (default now; scenes and agreements as they then stood) whose area valid agreements of `kind` cover less than `minCoverage` (0..1, default 1: not wholly covered)',
  })
  uncoveredScenes(
    @Arg('kind', () => AgreementKind) kind: AgreementKind,
    @Arg('at', () => Date, { nullable: true }) at: Date | undefined,
    @Arg('minCoverage', () => Float, { defaultValue: 1 }) minCoverage: number,
    @Ctx() ctx: Context,
  ): Promise<SceneCoverage[]> {
    return new CoverageService(ctx).uncoveredScenes(kind, at ?? undefined, minCoverage);
  }

  @Query(() => [MandateGap], {
    description:
      'Interventions running at `at` (default now; interventions and agreements as they then stood) (guard presence, camera surveillance) outside every valid mandate of the kind they need',
  })
  interventionsOutsideMandate(@Arg('at', () => Date, { nullable: true }) at: Date | undefined, @Ctx() ctx: Context): Promise<MandateGap[]> {
    return new CoverageService(ctx).interventionsOutsideMandate(at ?? undefined);
  }

  @Query(() => [Agreement], {
    description:
      'Agreements valid on the day of `at` (default now; as they then stood) whose area covers the point: which apply here, today?',
  })
  agreementsCovering(
    @Arg('point', () => GeoJSONScalar, { description: 'A GeoJSON Point' }) point: unknown,
    @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs,
    @Arg('at', () => Date, { nullable: true }) at: Date | undefined,
    @Ctx() ctx: Context,
  ): Promise<Agreement[]> {
    return new CoverageService(ctx).agreementsCovering(point, crs, at ?? undefined);
  }

  @Query(() => [Agreement], { description: 'Agreements whose validity ends within `withinDays` days from today, soonest first' })
  expiringAgreements(@Arg('withinDays', () => Float) withinDays: number, @Ctx() ctx: Context): Promise<Agreement[]> {
    return new CoverageService(ctx).expiringAgreements(withinDays);
  }
}
