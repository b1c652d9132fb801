import type { Intervention } from '../intervention/intervention.entity';
import type { Scene } from '../scene/scene.entity';
import type { AsOf } from '../shared/as-of';
import { momentShown } from '../shared/as-of-object';
import type { Context } from '../shared/context';
import { BadUserInputError } from '../shared/errors';
import type { Crs } from '../../db/spatial/crs';
import { normalizeGeometry } from '../spatial/geometry.service';
import type { AgreementKind } from './agreement-kind';
import { Agreement } from './agreement.entity';
import type { AgreementRepository } from './agreement.repository';
import { stockholmDay } from './agreement.service';
import type { MandateGap, SceneCoverage } from './coverage.types';

/** Longest look ahead for expiring agreements, in days (ten years). */
const MAX_EXPIRY_DAYS = 3650;

/**
 * Coverage and validity: which agreements apply where and when, and where they are missing.
 * Validity is by Stockholm calendar day; the SQL is AgreementRepository's.
 */
export class CoverageService {
  constructor(private readonly ctx: Context) {}

  private get agreements(): AgreementRepository {
    return this.ctx.em.getRepository(Agreement);
  }

  /**
   * How much of each scene valid agreement areas of `kinds` cover on the day of `at`, in the
   * scenes' order; with `asOf`, the agreements as they stood then. Scenes read as they stood
   * (all of one moment) are measured with their areas then.
   */
  async coverages(scenes: readonly Scene[], kinds: readonly AgreementKind[], at: Date, asOf?: AsOf): Promise<SceneCoverage[]> {
    if (scenes.length === 0) return [];
    const rows = await this.agreements.coverOfScenes(
      scenes.map((scene) => scene.id),
      kinds,
      stockholmDay(at),
      { agreementsAsOf: asOf, scenesAsOf: momentShown(scenes[0]!) },
    );
    const byIdLoader = asOf ? this.ctx.loaders.agreementAsOf(asOf) : this.ctx.loaders.agreementById;
    const covering = await byIdLoader.loadMany(rows.filter((row) => !row.union).map((row) => row.agreementId!));
    const byId = new Map((covering as Agreement[]).map((agreement) => [agreement.id, agreement]));
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

  /**
   * Scenes ACTIVE now, or with `at` as things stood then, whose area valid agreements of `kind`
   * cover less than `minCoverage`.
   * @throws BadUserInputError unless 0 < minCoverage <= 1
   */
  async uncoveredScenes(kind: AgreementKind, at: Date | undefined, minCoverage: number): Promise<SceneCoverage[]> {
    if (!(minCoverage > 0 && minCoverage <= 1)) {
      throw new BadUserInputError(`minCoverage must be more than 0 and at most 1, got ${minCoverage}`, 'minCoverage');
    }
    const asOf = at ? { at, asRecordedAt: null } : undefined;
    const day = stockholmDay(at ?? new Date());
    const ids = await this.agreements.findSceneIdsBelowCoverage(kind, day, minCoverage, asOf);
    const scenes = (await (asOf ? this.ctx.loaders.sceneAsOf(asOf) : this.ctx.loaders.sceneById).loadMany(ids)) as Scene[];
    return this.coverages(scenes, [kind], at ?? new Date(), asOf);
  }

  /** Interventions running now, or at `at` as things stood then, outside every valid mandate of the kind they need. */
  async interventionsOutsideMandate(at: Date | undefined): Promise<MandateGap[]> {
    const asOf = at ? { at, asRecordedAt: null } : undefined;
    const moment = at ?? new Date();
    const rows = await this.agreements.findInterventionsOutsideMandates(moment, stockholmDay(moment), asOf);
    const byId = asOf ? this.ctx.loaders.interventionAsOf(asOf) : this.ctx.loaders.interventionById;
    const interventions = await byId.loadMany(rows.map((row) => row.id));
    return rows.map((row, index) => ({
      ...row,
      requiredKind: row.requiredKind as AgreementKind,
      intervention: interventions[index] as Intervention,
    }));
  }

  /** Agreements valid today, or on the day of `at` as they stood then, whose area covers the point. */
  async agreementsCovering(point: unknown, crs: Crs, at: Date | undefined): Promise<Agreement[]> {
    const geometry = await normalizeGeometry(this.ctx.em, point, crs, { allowed: ['Point'], field: 'point' });
    const asOf = at ? { at, asRecordedAt: null } : undefined;
    const ids = await this.agreements.findIdsCoveringPoint(geometry, stockholmDay(at ?? new Date()), asOf);
    return (await (asOf ? this.ctx.loaders.agreementAsOf(asOf) : this.ctx.loaders.agreementById).loadMany(ids)) as Agreement[];
  }

  /**
   * Agreements whose validity ends within `withinDays` days from today, soonest first.
   * @throws BadUserInputError unless 0 <= withinDays <= 3650
   */
  async expiringAgreements(withinDays: number): Promise<Agreement[]> {
    if (!(withinDays >= 0 && withinDays <= MAX_EXPIRY_DAYS)) {
      throw new BadUserInputError(`withinDays must be between 0 and ${MAX_EXPIRY_DAYS}, got ${withinDays}`, 'withinDays');
    }
    const now = new Date();
    const ids = await this.agreements.findExpiringIds(stockholmDay(now), stockholmDay(new Date(now.getTime() + withinDays * 86_400_000)));
    return (await this.ctx.loaders.agreementById.loadMany(ids)) as Agreement[];
  }
}
