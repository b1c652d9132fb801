import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ADMINS, WRITERS, requireRole } from '../auth/auth.guard';
import { Role } from '../auth/role';
import { findViewerOperator } from '../operator/viewer-operator';
import type { Context } from '../shared/context';
import { BadUserInputError, ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError } from '../shared/errors';
import { checkEffectiveAt, describeChange } from '../shared/change-moment';
import type { PageArgs } from '../shared/pagination';
import { optionalText, requireText, tagList } from '../shared/validation';
import { areaForWrite, normalizeGeometry } from '../spatial/geometry.service';
import { checkRadius } from '../spatial/spatial-filter';
import { SceneStatusOutbox } from '../live/scene-status-outbox.entity';
import type { DisplacementCandidate } from './displacement-candidate.type';
import type { SceneDistance } from './scene-distance.type';
import type { SceneStatisticsGroup, SceneStatisticsGroupBy } from './scene-statistics';
import type { SceneRepository } from './scene.repository';
import type { AsOf } from '../shared/as-of';
import type { TrendInterval } from './trend-interval';
import type { SceneVersion } from './scene-version.type';
import { sceneVersionOf } from './scene-as-of';
import type { Crs } from '../../db/spatial/crs';
import { ProblemProfile } from './problem-profile.embeddable';
import { SceneStatusChange } from './scene-status-change.entity';
import { allowedTransitions, canTransition, SceneStatus } from './scene-status';
import { Scene } from './scene.entity';
import {
  SceneOrderBy,
  type ArchiveSceneInput,
  type ChangeSceneStatusInput,
  type CreateSceneInput,
  type ProblemProfileInput,
  type SceneFilter,
  type UpdateSceneInput,
} from './scene.inputs';

/** Most scenes `nearestScenes` returns. */
export const MAX_NEAREST = 100;
/** Longest window `displacementCandidates` looks across, in days (ten years). */
export const MAX_WINDOW_DAYS = 3650;

/** @throws BadUserInputError unless 1 <= limit <= MAX_NEAREST */
export function checkNearestLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NEAREST) {
    throw new BadUserInputError(`limit must be between 1 and ${MAX_NEAREST}, got ${limit}`, 'limit');
  }
}

/** Scene rules: registration, edits, archiving, and the only place a status changes. */
export class SceneService {
  constructor(private readonly ctx: Context) {}

  private get em(): EntityManager {
    return this.ctx.em;
  }

  private get scenes(): SceneRepository {
    return this.em.getRepository(Scene);
  }

  /** A scene as it is, or with `asOf` as it stood then (NOT_FOUND: no such scene, or not registered then). */
  async findById(id: string, asOf?: AsOf): Promise<Scene> {
    const scene = await (asOf ? this.ctx.loaders.sceneAsOf(asOf) : this.ctx.loaders.sceneById).load(id);
    if (!scene) throw new NotFoundError('Scene', id);
    return scene;
  }

  /** A page of scenes as they are, or with `asOf` as they stood then. */
  list(filter: SceneFilter | undefined, orderBy: SceneOrderBy, page: PageArgs, count = true, asOf?: AsOf) {
    if (!asOf) return this.scenes.findPage(filter, orderBy, page, count, (ids) => this.ctx.loaders.sceneById.loadMany(ids));
    return this.scenes.findPageAsOf(filter, orderBy, page, count, asOf, (ids) => this.ctx.loaders.sceneAsOf(asOf).loadMany(ids));
  }

  /** Every version of a scene, oldest first. */
  async versions(sceneId: string): Promise<SceneVersion[]> {
    return (await this.ctx.loaders.sceneVersions.load(sceneId)).map(sceneVersionOf);
  }

  /** The `limit` scenes nearest to a point, nearest first, with their distances in metres; with `asOf`, as they stood then. */
  async nearest(point: unknown, crs: Crs, limit: number, filter: SceneFilter | undefined, asOf?: AsOf): Promise<SceneDistance[]> {
    checkNearestLimit(limit);
    const geometry = await normalizeGeometry(this.em, point, crs, { allowed: ['Point'], field: 'point' });
    const rows = await this.scenes.findNearest(geometry, limit, filter, asOf);
    const scenes = await (asOf ? this.ctx.loaders.sceneAsOf(asOf) : this.ctx.loaders.sceneById).loadMany(rows.map((row) => row.id));
    return rows.map((row, index) => ({ scene: scenes[index] as Scene, distanceMeters: row.distance }));
  }

  /** Scene counts and total area per group, as the scenes are now or, with `asOf`, as they stood then. */
  statistics(groupBy: SceneStatisticsGroupBy, asOf: AsOf | undefined, filter: SceneFilter | undefined): Promise<SceneStatisticsGroup[]> {
    return this.scenes.statistics(groupBy, asOf, filter);
  }

  /** Scene counts and total areas per group at each moment from `from` to `to`, as they then stood (SceneRepository.areaTrend). */
  areaTrend(groupBy: SceneStatisticsGroupBy, from: Date, to: Date, interval: TrendInterval, filter: SceneFilter | undefined) {
    return this.scenes.areaTrend(groupBy, from, to, interval, filter);
  }

  /**
   * Scenes that became ACTIVE or EMERGING within `radiusMeters` of a scene that had left ACTIVE
   * at most `withinDays` days before (SceneRepository.findDisplacementCandidates).
   * @throws BadUserInputError for a radius or window out of range
   */
  async displacementCandidates(radiusMeters: number, withinDays: number, asOf?: AsOf): Promise<DisplacementCandidate[]> {
    const radius = checkRadius(radiusMeters, 'radiusMeters');
    if (!Number.isFinite(withinDays) || withinDays <= 0 || withinDays > MAX_WINDOW_DAYS) {
      throw new BadUserInputError(`withinDays must be more than 0 and at most ${MAX_WINDOW_DAYS}, got ${withinDays}`, 'withinDays');
    }
    const rows = await this.scenes.findDisplacementCandidates(radius, withinDays, asOf);
    const byId = asOf ? this.ctx.loaders.sceneAsOf(asOf) : this.ctx.loaders.sceneById;
    const scenes = await byId.loadMany(rows.flatMap((row) => [row.sceneId, row.originId]));
    return rows.map(({ sceneId: _sceneId, originId: _originId, ...row }, index) => ({
      ...row,
      scene: scenes[2 * index] as Scene,
      origin: scenes[2 * index + 1] as Scene,
    }));
  }

  /** Registers a scene. It starts EMERGING unless an ADMIN gives another status. */
  async create(input: CreateSceneInput): Promise<Scene> {
    const viewer = requireRole(this.ctx, WRITERS, 'createScene');
    const status = input.status ?? SceneStatus.EMERGING;
    if (status !== SceneStatus.EMERGING && viewer.role !== Role.ADMIN) {
      throw new ForbiddenError(`Only ADMIN may register a scene as ${status}; new scenes start EMERGING`);
    }
    const operator = await findViewerOperator(this.em, viewer);
    const area = areaForWrite(input.area, input.crs);
    const scene = new Scene(requireText(input.name, 'name'), requireText(input.municipality, 'municipality'), area);
    scene.district = optionalText(input.district, 'district', 200);
    scene.policeArea = optionalText(input.policeArea, 'policeArea', 200);
    scene.statAreas = tagList(input.statAreas, 'statAreas');
    scene.problemProfile = toProblemProfile(input.problemProfile);
    scene.status = status;
    scene.statusSince = new Date();
    const change = new SceneStatusChange(ref(scene), 1, null, status, optionalText(input.reason, 'reason', 2000) ?? 'Scene registered');
    change.situationNote = optionalText(input.situationNote, 'situationNote');
    change.changedAt = scene.statusSince;
    change.changedBy = viewer.subject;
    change.changedByOperator = ref(operator);
    await this.em.transactional(async (tx) => {
      await describeChange(tx, scene.statusSince!, viewer.subject);
      tx.persist(scene);
      tx.persist(change);
      await tx.flush();
      await tx.getRepository(SceneStatusOutbox).append(eventOf(change, scene.id, operator.id));
      await tx.refresh(scene); // the generated area and the perimeter formula come from the database
    });
    return scene; // subscribers learn of it once the request's transaction commits (server/operation/viewer-transaction.ts)
  }

  /** Edits a scene's facts or area: a new version, from `effectiveAt` (default now). */
  async update(input: UpdateSceneInput): Promise<Scene> {
    const viewer = requireRole(this.ctx, ADMINS, 'updateScene');
    const area = input.area != null ? areaForWrite(input.area, input.crs) : undefined;
    const effectiveAt = checkEffectiveAt(input.effectiveAt);
    return this.em.transactional(async (tx) => {
      const scene = await tx.getRepository(Scene).lockForUpdate(input.id, input.expectedVersion);
      await describeChange(tx, effectiveAt, viewer.subject);
      if (input.name != null) scene.name = requireText(input.name, 'name');
      if (input.municipality != null) scene.municipality = requireText(input.municipality, 'municipality');
      if (input.district !== undefined) scene.district = optionalText(input.district, 'district', 200);
      if (input.policeArea !== undefined) scene.policeArea = optionalText(input.policeArea, 'policeArea', 200);
      if (input.statAreas != null) scene.statAreas = tagList(input.statAreas, 'statAreas');
      if (input.problemProfile != null) scene.problemProfile = toProblemProfile(input.problemProfile);
      if (area) scene.area = area;
      await tx.flush();
      await tx.refresh(scene);
      return scene;
    });
  }

  /**
   * Moves a scene along its lifecycle: checks the transition table and the caller's version,
   * then bumps the version and writes the history row in one transaction, under a row lock
   * so that of concurrent writers holding the same version exactly one wins.
   */
  async changeStatus(input: ChangeSceneStatusInput): Promise<Scene> {
    const viewer = requireRole(this.ctx, ADMINS, 'changeSceneStatus');
    const reason = requireText(input.reason, 'reason', 2000);
    const situationNote = optionalText(input.situationNote, 'situationNote');
    const effectiveAt = checkEffectiveAt(input.effectiveAt);
    const operator = await findViewerOperator(this.em, viewer);
    const changed = await this.em.transactional(async (tx) => {
      const scene = await tx.getRepository(Scene).lockForUpdate(input.sceneId, input.expectedVersion);
      assertCanTransition(scene, input.status);
      // A moment before the scene's latest version (its current status included) is refused by the version trigger.
      await describeChange(tx, effectiveAt, viewer.subject);
      const change = new SceneStatusChange(ref(scene), scene.version + 1, scene.status, input.status, reason);
      change.situationNote = situationNote;
      change.changedAt = effectiveAt;
      change.changedBy = viewer.subject;
      change.changedByOperator = ref(operator);
      scene.status = input.status;
      scene.statusSince = effectiveAt;
      tx.persist(change);
      await tx.flush();
      await tx.getRepository(SceneStatusOutbox).append(eventOf(change, scene.id, operator.id));
      return scene;
    });
    // Subscribers on this instance learn once the request's transaction commits (server/operation/viewer-transaction.ts),
    // other instances through the NOTIFY sent at commit.
    return changed;
  }

  /** Hides a scene from lists (it stays readable by id, with its history). */
  async archive(input: ArchiveSceneInput): Promise<Scene> {
    const viewer = requireRole(this.ctx, ADMINS, 'archiveScene');
    return this.em.transactional(async (tx) => {
      const scene = await tx.getRepository(Scene).lockForUpdate(input.id, input.expectedVersion);
      if (scene.archivedAt) throw new ConflictError(`Scene ${scene.id} is already archived (since ${scene.archivedAt.toISOString()})`);
      scene.archivedAt = new Date();
      await describeChange(tx, scene.archivedAt, viewer.subject);
      await tx.flush();
      return scene;
    });
  }
}

/**
 * When a change took effect: `effectiveAt`, default now.
 * @throws BadUserInputError for a moment in the future (beyond the clock skew tolerated)
 */
/** @throws InvalidTransitionError naming the scene, both statuses and what is allowed */
export function assertCanTransition(scene: Pick<Scene, 'id' | 'status'>, to: SceneStatus): void {
  if (canTransition(scene.status, to)) return;
  const allowed = allowedTransitions(scene.status);
  throw new InvalidTransitionError(
    `Scene ${scene.id} cannot move from ${scene.status} to ${to}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`,
    { from: scene.status, to, allowed },
  );
}

// Private:

function eventOf(change: SceneStatusChange, sceneId: string, operatorId: string) {
  return {
    sceneId,
    from: change.from,
    to: change.to,
    reason: change.reason,
    changedAt: change.changedAt!,
    changedBy: change.changedBy,
    changedByOperatorId: operatorId,
  };
}

function toProblemProfile(input: ProblemProfileInput | undefined): ProblemProfile {
  const profile = new ProblemProfile();
  profile.description = optionalText(input?.description, 'problemProfile.description');
  profile.substances = tagList(input?.substances, 'problemProfile.substances');
  profile.crimeKinds = tagList(input?.crimeKinds, 'problemProfile.crimeKinds');
  profile.targetGroups = tagList(input?.targetGroups, 'problemProfile.targetGroups');
  profile.tags = tagList(input?.tags, 'problemProfile.tags');
  return profile;
}
