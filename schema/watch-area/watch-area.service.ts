import { ANY_SIMPLE_TYPES, POLYGONAL_TYPES, type Geometry } from '../../db/spatial/geojson';
import { Crs } from '../../db/spatial/crs';
import { noteWrite } from '../audit/audit-trail';
import { requireRole } from '../auth/auth.guard';
import { Role, visibilityKey } from '../auth/role';
import { asViewer } from '../auth/row-security';
import { checkAfter } from '../live/event-log';
import type { Context } from '../shared/context';
import { BadUserInputError, ConflictError, NotFoundError } from '../shared/errors';
import { normalizeGeometry } from '../spatial/geometry.service';
import { MAX_RADIUS_METERS } from '../spatial/spatial-filter';
import { WatchAreaRepository, type WatchAlertPayload } from './watch-area.repository';
import { WatchSubject, type CreateWatchAreaInput, type UpdateWatchAreaInput, type WatchArea } from './watch-area.types';

/** Who may keep watch areas: every role that sees more than scenes. */
const WATCHERS = [Role.ADMIN, Role.EDITOR, Role.ANALYST] as const;
/** Watch areas one operator may keep. */
export const MAX_WATCH_AREAS = 200;

/**
 * Watch areas: an operator's named areas (a mandate polygon, "500 m around this school"), and the
 * alerts raised in them. The alert itself is raised by the database in the changing transaction
 * (db/migrations/change-log.ts); here are the rules for keeping areas and the subscription.
 */
export class WatchAreaService {
  constructor(private readonly ctx: Context) {}

  list(): Promise<WatchArea[]> {
    requireRole(this.ctx, WATCHERS, 'watchAreas');
    return WatchAreaRepository.list(this.ctx.em);
  }

  /** One of the caller's operator's areas, or null (another operator's areas are not visible). */
  find(id: string): Promise<WatchArea | null> {
    return WatchAreaRepository.findById(this.ctx.em, id);
  }

  /** @throws BadUserInputError, InvalidGeometryError, FORBIDDEN */
  async create(input: CreateWatchAreaInput): Promise<WatchArea> {
    const viewer = requireRole(this.ctx, WATCHERS, 'createWatchArea');
    const geometry = await this.geometryOf(input.area, input.crs);
    const radiusMeters = checkReach(geometry, input.radiusMeters ?? 0);
    if ((await WatchAreaRepository.count(this.ctx.em)) >= MAX_WATCH_AREAS)
      throw new BadUserInputError(`An operator keeps at most ${MAX_WATCH_AREAS} watch areas; delete one first`, 'name');
    const name = checkName(input.name);
    await this.assertNameFree(name, null);
    const area = await WatchAreaRepository.insert(this.ctx.em, {
      operatorId: viewer.operatorId,
      name,
      geometry,
      radiusMeters,
      subjects: checkSubjects(input.subjects),
      createdBy: viewer.subject,
    });
    noteWrite('WatchArea', area.id, null, { name, radiusMeters, subjects: area.subjects });
    return area;
  }

  /** @throws NotFoundError, ConflictError, BadUserInputError, InvalidGeometryError */
  async update(input: UpdateWatchAreaInput): Promise<WatchArea> {
    requireRole(this.ctx, WATCHERS, 'updateWatchArea');
    const current = await this.found(input.id);
    const geometry = input.area != null ? await this.geometryOf(input.area, input.crs) : undefined;
    if (input.radiusMeters != null || geometry) {
      const kept = geometry ?? (await this.storedGeometry(input.id));
      checkReach(kept, input.radiusMeters ?? current.radiusMeters);
    }
    const name = input.name != null ? checkName(input.name) : undefined;
    if (name) await this.assertNameFree(name, input.id);
    const updated = await WatchAreaRepository.update(this.ctx.em, input.id, input.expectedVersion, {
      name,
      geometry,
      radiusMeters: input.radiusMeters ?? undefined,
      subjects: input.subjects ? checkSubjects(input.subjects) : undefined,
    });
    if (!updated)
      throw new ConflictError(`Watch area ${input.id} is at version ${current.version}, not ${input.expectedVersion}`, {
        field: 'expectedVersion',
        currentVersion: current.version,
      });
    noteWrite(
      'WatchArea',
      input.id,
      { name: current.name, radiusMeters: current.radiusMeters },
      { name: updated.name, radiusMeters: updated.radiusMeters },
    );
    return updated;
  }

  /** Deletes the area; its alerts go with it. @throws NotFoundError */
  async delete(id: string): Promise<WatchArea> {
    requireRole(this.ctx, WATCHERS, 'deleteWatchArea');
    const current = await this.found(id);
    await WatchAreaRepository.delete(this.ctx.em, id);
    noteWrite('WatchArea', id, { name: current.name }, null);
    return current;
  }

  /** The newest alert id ("0" if none), read in the request's own transaction. */
  cursor(): Promise<string> {
    return WatchAreaRepository.latestAlertId(this.ctx.em);
  }

  /**
   * The caller's operator's alerts after `after` (an alert id), then live ones: each about
   * something the caller may see (row security on the alert and on the change it is about),
   * decided once per batch for every subscriber of the same operator and role.
   */
  subscribe(after: string | null | undefined): AsyncIterableIterator<WatchAlertPayload> {
    const viewer = requireRole(this.ctx, WATCHERS, 'watchAreaAlerts');
    checkAfter(after);
    const { watchAlerts: log, em } = this.ctx;
    return log.subscribe(async (batch) => {
      const own = batch.filter((alert) => alert.operatorId === viewer.operatorId);
      if (own.length === 0) return own;
      const visible = await log.shared(`visible:${visibilityKey(viewer)}`, batch, () => {
        const fork = em.fork();
        return asViewer(fork, viewer, () =>
          WatchAreaRepository.visibleAlertIds(
            fork,
            batch.map((alert) => alert.id),
          ),
        );
      });
      return own.filter((alert) => visible.has(alert.id));
    }, after ?? null);
  }

  // Private:

  private async found(id: string): Promise<WatchArea> {
    const area = await WatchAreaRepository.findById(this.ctx.em, id);
    if (!area) throw new NotFoundError('WatchArea', id);
    return area;
  }

  private async storedGeometry(id: string): Promise<Geometry> {
    return (await this.ctx.loaders.spatial.geometry('watch_area.area', 'self', Crs.EPSG_4326).load(id))!;
  }

  private geometryOf(value: unknown, crs: Crs): Promise<Geometry> {
    return normalizeGeometry(this.ctx.em, value, crs, { allowed: ANY_SIMPLE_TYPES, field: 'area' });
  }

  private async assertNameFree(name: string, except: string | null): Promise<void> {
    const taken = (await WatchAreaRepository.list(this.ctx.em)).some((area) => area.name === name && area.id !== except);
    if (taken) throw new BadUserInputError(`Your operator already has a watch area named "${name}"`, 'name');
  }
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 200)
    throw new BadUserInputError(`name must be 1 to 200 characters, got ${trimmed.length}`, 'name');
  return trimmed;
}

/** A polygon may be watched as it is (0) or with a reach; a point or line needs one. */
function checkReach(geometry: Geometry, radiusMeters: number): number {
  const polygonal = (POLYGONAL_TYPES as readonly string[]).includes(geometry.type);
  const least = polygonal ? 0 : Number.MIN_VALUE;
  if (!Number.isFinite(radiusMeters) || radiusMeters < least || radiusMeters > MAX_RADIUS_METERS) {
    const expected = polygonal
      ? `0 to ${MAX_RADIUS_METERS}`
      : `more than 0 and at most ${MAX_RADIUS_METERS} (a ${geometry.type} has no inside)`;
    throw new BadUserInputError(`radiusMeters must be ${expected} metres, got ${radiusMeters}`, 'radiusMeters');
  }
  return radiusMeters;
}

function checkSubjects(subjects: WatchSubject[] | undefined): WatchSubject[] {
  if (subjects && subjects.length === 0)
    throw new BadUserInputError('subjects must name at least one of SCENE, AGREEMENT, INTERVENTION', 'subjects');
  return [...new Set(subjects ?? Object.values(WatchSubject))];
}
