import { changesInPlace, type WatchedPlace } from '../../db/spatial/proximity';
import { POLYGONAL_TYPES } from '../../db/spatial/geojson';
import { visibilityKey } from '../auth/role';
import { asViewer } from '../auth/row-security';
import { checkAfter, type EventSelector } from '../live/event-log';
import type { Context } from '../shared/context';
import { BadUserInputError } from '../shared/errors';
import { normalizeGeometry } from '../spatial/geometry.service';
import { checkRadius } from '../spatial/spatial-filter';
import type { Crs } from '../../db/spatial/crs';
import type { NearInput } from '../spatial/spatial-filter.inputs';
import { latestChangeId, visibleChangeIds, type ChangeAction, type ChangePayload } from './change-log';
import {
  AgreementChange,
  InterventionChange,
  type AgreementChangedFilter,
  type CommitmentDueFilter,
  type InterventionChangedFilter,
} from './change-event.types';

/** The farthest ahead a notice is given: "within N days" takes N from 0 to this. */
export const NOTICE_HORIZON_DAYS = 90;

const DEFAULT_AGREEMENT_CHANGES: ChangeAction[] = ['CREATED', 'CHANGED', 'DELETED'];

/**
 * The live change log for one subscription: its arguments checked, and the selector that picks
 * its events from each batch of the log (ctx.changes, server/live): plain conditions in memory,
 * a place by PostGIS and row security by the database, each asked once per batch for all
 * subscribers asking the same (the same place; the same operator and role).
 */
export class ChangeEventService {
  constructor(private readonly ctx: Context) {}

  /** The newest committed change id ("0" if none), read in the request's own transaction. */
  cursor(): Promise<string> {
    return latestChangeId(this.ctx.em);
  }

  /** @throws BadUserInputError, InvalidGeometryError */
  async interventionChanges(filter: InterventionChangedFilter | undefined, after: string | null | undefined) {
    checkAfter(after);
    const changes = new Set<string>(filter?.changes?.length ? filter.changes : Object.values(InterventionChange));
    const place = await this.placeOf(filter?.within, filter?.near, filter?.crs);
    return this.subscribe(
      (e) =>
        e.subject === 'INTERVENTION' &&
        changes.has(e.action) &&
        overlaps(filter?.sceneIds, e.sceneIds) &&
        (!filter?.kinds?.length || filter.kinds.includes(e.kind!)) &&
        (!filter?.categories?.length || filter.categories.includes(e.category as never)),
      place,
      after,
    );
  }

  /** @throws BadUserInputError, InvalidGeometryError */
  async agreementChanges(filter: AgreementChangedFilter | undefined, after: string | null | undefined) {
    checkAfter(after);
    const withinDays = filter?.expiresWithinDays;
    if (withinDays != null) checkDays(withinDays, 'filter.expiresWithinDays');
    const asked = filter?.changes?.length
      ? filter.changes
      : [...DEFAULT_AGREEMENT_CHANGES, ...(withinDays != null ? [AgreementChange.EXPIRING] : [])];
    if (asked.includes(AgreementChange.EXPIRING) && withinDays == null)
      throw new BadUserInputError(
        'changes: EXPIRING needs filter.expiresWithinDays (how many days before the end)',
        'filter.expiresWithinDays',
      );
    const changes = new Set<string>(asked);
    const parties = this.partiesOf(filter);
    const place = await this.placeOf(filter?.within, filter?.near, filter?.crs);
    return this.subscribe(
      (e) =>
        e.subject === 'AGREEMENT' &&
        changes.has(e.action) &&
        (e.action !== 'EXPIRING' || crosses(e, withinDays!)) &&
        (!filter?.agreementIds?.length || filter.agreementIds.includes(e.subjectId)) &&
        overlaps(filter?.sceneIds, e.sceneIds) &&
        (!filter?.kinds?.length || filter.kinds.includes(e.kind as never)) &&
        overlaps(parties, e.partyIds),
      place,
      after,
    );
  }

  /** @throws BadUserInputError */
  commitmentsDue(withinDays: number, filter: CommitmentDueFilter | undefined, after: string | null | undefined) {
    checkAfter(after);
    checkDays(withinDays, 'withinDays');
    const parties = this.partiesOf(filter);
    return this.subscribe(
      (e) =>
        e.subject === 'COMMITMENT' &&
        e.action === 'DUE' &&
        crosses(e, withinDays) &&
        (!filter?.agreementIds?.length || filter.agreementIds.includes(e.agreementId!)) &&
        overlaps(parties, e.partyIds),
      undefined,
      after,
    );
  }

  // Private:

  private subscribe(matches: (event: ChangePayload) => boolean, place: PlaceQuestion | undefined, after: string | null | undefined) {
    return this.ctx.changes.subscribe(this.selector(matches, place), after ?? null);
  }

  private selector(matches: (event: ChangePayload) => boolean, place: PlaceQuestion | undefined): EventSelector<ChangePayload> {
    const { changes: log, viewer, em } = this.ctx;
    return async (batch) => {
      let picked = batch.filter(matches);
      if (picked.length === 0) return picked;
      const ids = batch.map((event) => event.id);
      if (place) {
        const inside = await log.shared(`place:${place.key}`, batch, () => changesInPlace(em.fork(), ids, place.place));
        picked = picked.filter((event) => inside.has(event.id));
      }
      const visible = await log.shared(`visible:${visibilityKey(viewer)}`, batch, () => {
        const fork = em.fork();
        return asViewer(fork, viewer, () => visibleChangeIds(fork, ids));
      });
      return picked.filter((event) => visible.has(event.id));
    };
  }

  /** The operators whose agreements a filter asks for: those named, and the caller's own with `mine`. */
  private partiesOf(filter: { partyOperatorIds?: string[]; mine?: boolean } | undefined): string[] | undefined {
    const named = filter?.partyOperatorIds ?? [];
    const own = filter?.mine && this.ctx.viewer ? [this.ctx.viewer.operatorId] : [];
    const all = [...named, ...own];
    return all.length ? all : undefined;
  }

  /** A filter's place in WGS 84, validated by PostGIS, with a key for sharing its answers. */
  private async placeOf(within: unknown, near: NearInput | undefined, crs: Crs | undefined): Promise<PlaceQuestion | undefined> {
    if (within == null && !near) return undefined;
    const place: WatchedPlace = {};
    if (within != null)
      place.within = await normalizeGeometry(this.ctx.em, within, crs, { allowed: POLYGONAL_TYPES, field: 'filter.within' });
    if (near) {
      place.near = {
        point: await normalizeGeometry(this.ctx.em, near.point, crs, { allowed: ['Point'], field: 'filter.near.point' }),
        radiusMeters: checkRadius(near.radiusMeters, 'filter.near.radiusMeters'),
      };
    }
    return { place, key: JSON.stringify(place) };
  }
}

interface PlaceQuestion {
  place: WatchedPlace;
  key: string;
}

/** The notice that crosses "within `days`": the countdown reached it with this notice and not before. */
function crosses(event: ChangePayload, days: number): boolean {
  return event.daysLeft !== null && event.daysLeft <= days && (event.previousDaysLeft === null || event.previousDaysLeft > days);
}

function overlaps(wanted: string[] | undefined, present: string[]): boolean {
  return !wanted?.length || wanted.some((id) => present.includes(id));
}

function checkDays(days: number, field: string): void {
  if (!Number.isInteger(days) || days < 0 || days > NOTICE_HORIZON_DAYS)
    throw new BadUserInputError(`${field} must be a whole number of days from 0 to ${NOTICE_HORIZON_DAYS}, got ${days}`, field);
}
