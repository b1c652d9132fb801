import { Arg, Ctx, FieldResolver, Float, Query, Resolver, Root } from 'type-graphql';
import type { Intervention } from '../intervention/intervention.entity';
import { Scene } from '../scene/scene.entity';
import type { Context } from '../shared/context';
import { BadUserInputError } from '../shared/errors';
import { Crs } from '../spatial/crs';
import { GeoJSONScalar } from '../spatial/geojson.scalar';
import { normalizeGeometry } from '../spatial/geometry.service';
import { AgreementKind } from './agreement-kind';
import { Agreement } from './agreement.entity';
import { stockholmDay } from './agreement.service';
import {
  agreementIdsCoveringPoint,
  agreementIdsExpiring,
  coverOfScenes,
  interventionsOutsideMandates,
  scenesBelowCoverage,
} from './coverage.repository';
import { MandateGap, SceneCoverage } from './coverage.types';

const MANDATE_KINDS = [AgreementKind.GUARD_MANDATE, AgreementKind.CAMERA_PERMIT];

/** Coverage and validity: which agreements apply where and when, and where they are missing. */
@Resolver(() => Scene)
export class CoverageResolver {
  @FieldResolver(() => SceneCoverage, {
    description: 'How much of this scene valid agreement areas of `kinds` cover on the day of `at` (default now)',
  })
  async coverage(
    @Root() scene: Scene,
    @Arg('kinds', () => [AgreementKind], { defaultValue: MANDATE_KINDS }) kinds: AgreementKind[],
    @Arg('at', () => Date, { nullable: true }) at: Date | undefined,
    @Ctx() ctx: Context,
  ): Promise<SceneCoverage> {
    return (await coverages(ctx, [scene], kinds, at ?? new Date()))[0]!;
  }

  @Query(() => [SceneCoverage], {
    description:
      'Scenes ACTIVE at `at` whose area valid agreements of `kind` cover less than `minCoverage` (0..1, default 1: not wholly covered)',
  })
  async uncoveredScenes(
    @Arg('kind', () => AgreementKind) kind: AgreementKind,
    @Arg('at', () => Date, { nullable: true }) at: Date | undefined,
    @Arg('minCoverage', () => Float, { defaultValue: 1 }) minCoverage: number,
    @Ctx() ctx: Context,
  ): Promise<SceneCoverage[]> {
    if (!(minCoverage > 0 && minCoverage <= 1))
      throw new BadUserInputError(`minCoverage must be more than 0 and at most 1, got ${minCoverage}`, 'minCoverage');
    const moment = at ?? new Date();
    const rows = await scenesBelowCoverage(ctx.em, kind, moment, stockholmDay(moment), minCoverage);
    const scenes = (await ctx.loaders.sceneById.loadMany(rows.map((row) => row.id))) as Scene[];
    return coverages(ctx, scenes, [kind], moment);
  }

  @Query(() => [MandateGap], {
    description: 'Interventions running at `at` (guard presence, camera surveillance) outside every valid mandate of the kind they need',
  })
  async interventionsOutsideMandate(
    @Arg('at', () => Date, { nullable: true }) at: Date | undefined,
    @Ctx() ctx: Context,
  ): Promise<MandateGap[]> {
    const moment = at ?? new Date();
    const rows = await interventionsOutsideMandates(ctx.em, moment, stockholmDay(moment));
    const interventions = await ctx.loaders.interventionById.loadMany(rows.map((row) => row.id));
    return rows.map((row, index) => ({ ...row, intervention: interventions[index] as Intervention }));
  }

  @Query(() => [Agreement], {
    description: 'Agreements valid on the day of `at` (default now) whose area covers the point: which apply here, today?',
  })
  async agreementsCovering(
    @Arg('point', () => GeoJSONScalar, { description: 'A GeoJSON Point' }) point: unknown,
    @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs,
    @Arg('at', () => Date, { nullable: true }) at: Date | undefined,
    @Ctx() ctx: Context,
  ): Promise<Agreement[]> {
    const geometry = await normalizeGeometry(ctx.em, point, crs, { allowed: ['Point'], field: 'point' });
    const rows = await agreementIdsCoveringPoint(ctx.em, JSON.stringify(geometry), stockholmDay(at ?? new Date()));
    return (await ctx.loaders.agreementById.loadMany(rows.map((row) => row.id))) as Agreement[];
  }

  @Query(() => [Agreement], { description: 'Agreements whose validity ends within `withinDays` days from today, soonest first' })
  async expiringAgreements(@Arg('withinDays', () => Float) withinDays: number, @Ctx() ctx: Context): Promise<Agreement[]> {
    if (!(withinDays >= 0 && withinDays <= 3650))
      throw new BadUserInputError(`withinDays must be between 0 and 3650, got ${withinDays}`, 'withinDays');
    const now = new Date();
    const rows = await agreementIdsExpiring(ctx.em, stockholmDay(now), stockholmDay(new Date(now.getTime() + withinDays * 86_400_000)));
    return (await ctx.loaders.agreementById.loadMany(rows.map((row) => row.id))) as Agreement[];
  }
}

async function coverages(ctx: Context, scenes: Scene[], kinds: AgreementKind[], at: Date): Promise<SceneCoverage[]> {
  if (scenes.length === 0) return [];
  const rows = await coverOfScenes(
    ctx.em,
    scenes.map((scene) => scene.id),
    kinds,
    stockholmDay(at),
  );
  const agreements = await ctx.loaders.agreementById.loadMany(rows.filter((row) => !row.union).map((row) => row.agreementId!));
  const byId = new Map((agreements as Agreement[]).map((agreement) => [agreement.id, agreement]));
  return scenes.map((scene) => {
    const mine = rows.filter((row) => row.sceneId === scene.id);
    const union = mine.find((row) => row.union);
    return {
      scene,
      fraction: Math.min(1, union?.fraction ?? 0),
      coveredSquareMeters: union?.coveredSquareMeters ?? 0,
      agreements: mine
        .filter((row) => !row.union)
        .map((row) => ({ agreement: byId.get(row.agreementId!)!, fraction: Math.min(1, row.fraction) })),
    };
  });
}
