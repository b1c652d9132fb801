import { LockMode, QueryOrder, raw, ref, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager, QBFilterQuery } from '@mikro-orm/postgresql';
import { ADMINS, WRITERS, requireRole } from '../auth/auth.guard';
import { Role } from '../auth/role';
import { findViewerOperator } from '../operator/viewer-operator';
import type { Context } from '../shared/context';
import { BadUserInputError, ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError } from '../shared/errors';
import { paginate, type PageArgs } from '../shared/pagination';
import { optionalText, requireText, tagList } from '../shared/validation';
import { POLYGONAL_TYPES, type MultiPolygon } from '../spatial/geojson';
import { normalizeGeometry } from '../spatial/geometry.service';
import { spatialConditions } from '../spatial/spatial-filter';
import { appendStatusEvent } from '../live/status-event.repository';
import { POINT_PARAM, type DistanceRow } from '../spatial/proximity.repository';
import type { SceneDistance } from './scene-distance.type';
import { withConditions } from '../shared/conditions';
import type { Crs } from '../spatial/crs';
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

/** Clock skew tolerated for `effectiveAt`, so a client's "now" is not refused as future. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Most scenes `nearestScenes` returns. */
const MAX_NEAREST = 100;

const ORDERINGS: Record<SceneOrderBy, QueryOrderMap<Scene>> = {
  [SceneOrderBy.NAME_ASC]: { name: 'asc', id: 'asc' },
  [SceneOrderBy.NAME_DESC]: { name: 'desc', id: 'desc' },
  [SceneOrderBy.CREATED_AT_DESC]: { createdAt: 'desc', id: 'desc' },
  [SceneOrderBy.UPDATED_AT_DESC]: { updatedAt: 'desc', id: 'desc' },
  [SceneOrderBy.MUNICIPALITY_ASC]: { municipality: 'asc', name: 'asc', id: 'asc' },
};

/** Scene rules: registration, edits, archiving, and the only place a status changes. */
export class SceneService {
  constructor(private readonly ctx: Context) {}

  private get em(): EntityManager {
    return this.ctx.em;
  }

  async findById(id: string): Promise<Scene> {
    const scene = await this.ctx.loaders.sceneById.load(id);
    if (!scene) throw new NotFoundError('Scene', id);
    return scene;
  }

  async list(filter: SceneFilter | undefined, orderBy: SceneOrderBy, page: PageArgs) {
    const where = await sceneWhere(this.em, filter);
    return paginate(this.em, Scene, where, { key: orderBy, orderBy: ORDERINGS[orderBy] }, page);
  }

  /**
   * The `limit` scenes nearest to a point, nearest first. Candidates come from the KNN operator
   * on the geography index (sphere distance); the answer is re-ranked by the spheroid distance.
   */
  async nearest(point: unknown, crs: Crs, limit: number, filter: SceneFilter | undefined): Promise<SceneDistance[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NEAREST) {
      throw new BadUserInputError(`limit must be between 1 and ${MAX_NEAREST}, got ${limit}`, 'limit');
    }
    const geometry = await normalizeGeometry(this.em, point, crs, { allowed: ['Point'], field: 'point' });
    const json = JSON.stringify(geometry);
    const where = await sceneWhere(this.em, filter);
    const rows = await this.em
      .createQueryBuilder(Scene, 's')
      .select(['s.id', raw(`ST_Distance(s.area::geography, ${POINT_PARAM}::geography) as distance`, [json])])
      .where(where as QBFilterQuery<Scene>)
      .orderBy({ [raw(`s.area::geography <-> ${POINT_PARAM}::geography`, [json])]: QueryOrder.ASC })
      .limit(limit * 2 + 10)
      .execute<DistanceRow[]>('all', false);
    const nearest = rows.sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id)).slice(0, limit);
    const scenes = await this.ctx.loaders.sceneById.loadMany(nearest.map((row) => row.id));
    return nearest.map((row, index) => ({ scene: scenes[index] as Scene, distanceMeters: row.distance }));
  }

  /** Registers a scene. It starts EMERGING unless an ADMIN gives another status. */
  async create(input: CreateSceneInput): Promise<Scene> {
    const viewer = requireRole(this.ctx, WRITERS, 'createScene');
    const status = input.status ?? SceneStatus.EMERGING;
    if (status !== SceneStatus.EMERGING && viewer.role !== Role.ADMIN) {
      throw new ForbiddenError(`Only ADMIN may register a scene as ${status}; new scenes start EMERGING`);
    }
    const operator = await findViewerOperator(this.em, viewer);
    const area = await this.normalizeArea(input.area, input.crs);
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
      tx.persist(scene);
      tx.persist(change);
      await tx.flush();
      await appendStatusEvent(tx, eventOf(change, scene.id, operator.id));
    });
    void this.ctx.events.wake();
    return scene;
  }

  async update(input: UpdateSceneInput): Promise<Scene> {
    requireRole(this.ctx, ADMINS, 'updateScene');
    const area = input.area != null ? await this.normalizeArea(input.area, input.crs) : undefined;
    return this.em.transactional(async (tx) => {
      const scene = await lockScene(tx, input.id, input.expectedVersion);
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
    const effectiveAt = input.effectiveAt ?? new Date();
    if (effectiveAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw new BadUserInputError(`effectiveAt ${effectiveAt.toISOString()} is in the future`, 'effectiveAt');
    }
    const operator = await findViewerOperator(this.em, viewer);
    const changed = await this.em.transactional(async (tx) => {
      const scene = await lockScene(tx, input.sceneId, input.expectedVersion);
      assertCanTransition(scene, input.status);
      if (scene.statusSince && effectiveAt < scene.statusSince) {
        throw new BadUserInputError(
          `effectiveAt ${effectiveAt.toISOString()} is before the current status took effect (${scene.statusSince.toISOString()})`,
          'effectiveAt',
        );
      }
      const change = new SceneStatusChange(ref(scene), scene.version + 1, scene.status, input.status, reason);
      change.situationNote = situationNote;
      change.changedAt = effectiveAt;
      change.changedBy = viewer.subject;
      change.changedByOperator = ref(operator);
      scene.status = input.status;
      scene.statusSince = effectiveAt;
      tx.persist(change);
      await tx.flush();
      await appendStatusEvent(tx, eventOf(change, scene.id, operator.id));
      return scene;
    });
    // Subscribers on this instance learn at once; other instances through the NOTIFY sent at commit.
    void this.ctx.events.wake();
    return changed;
  }

  /** Hides a scene from lists (it stays readable by id, with its history). */
  async archive(input: ArchiveSceneInput): Promise<Scene> {
    requireRole(this.ctx, ADMINS, 'archiveScene');
    return this.em.transactional(async (tx) => {
      const scene = await lockScene(tx, input.id, input.expectedVersion);
      if (scene.archivedAt) throw new ConflictError(`Scene ${scene.id} is already archived (since ${scene.archivedAt.toISOString()})`);
      scene.archivedAt = new Date();
      await tx.flush();
      return scene;
    });
  }

  private async normalizeArea(area: unknown, crs: Crs): Promise<MultiPolygon> {
    return (await normalizeGeometry(this.em, area, crs, { allowed: POLYGONAL_TYPES, field: 'area', toMulti: true })) as MultiPolygon;
  }
}

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

async function lockScene(tx: EntityManager, id: string, expectedVersion: number | null | undefined): Promise<Scene> {
  const scene = await tx.findOne(Scene, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!scene) throw new NotFoundError('Scene', id);
  if (expectedVersion != null && scene.version !== expectedVersion) {
    throw new ConflictError(`Scene ${id} is at version ${scene.version}, not the expected ${expectedVersion}; reload it and try again`, {
      currentVersion: scene.version,
    });
  }
  return scene;
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

/** The non-spatial part of a SceneFilter as MikroORM conditions. */
/**
 * The conditions of a SceneFilter, spatial ones included (validated: INVALID_GEOMETRY,
 * BAD_USER_INPUT): for lists, nearest, statistics and exports alike.
 */
export async function sceneWhere(em: EntityManager, filter: SceneFilter | undefined): Promise<FilterQuery<Scene>> {
  return withConditions(toWhere(filter), await spatialConditions<Scene>(em, filter?.spatial, 'area'));
}

function toWhere(filter: SceneFilter | undefined): FilterQuery<Scene> {
  const where: FilterQuery<Scene> & Record<string, unknown> = {};
  if (!filter?.includeArchived) where.archivedAt = null;
  if (filter?.status?.length) where.status = { $in: filter.status };
  if (filter?.municipality?.length) where.municipality = { $in: filter.municipality };
  if (filter?.policeArea?.length) where.policeArea = { $in: filter.policeArea };
  if (filter?.district?.length) where.district = { $in: filter.district };
  if (filter?.nameContains) where.name = { $ilike: `%${escapeLike(filter.nameContains)}%` };
  if (filter?.statArea) where.statAreas = { $contains: [filter.statArea] };
  return where;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
