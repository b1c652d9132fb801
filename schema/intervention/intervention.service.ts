import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Agreement } from '../agreement/agreement.entity';
import { WRITERS, requireRole } from '../auth/auth.guard';
import { Role } from '../auth/role';
import { Operator } from '../operator/operator.entity';
import { findViewerOperator } from '../operator/viewer-operator';
import { Scene } from '../scene/scene.entity';
import type { Context } from '../shared/context';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../shared/errors';
import { checkNotFuture, type AsOf } from '../shared/as-of';
import { checkEffectiveAt, describeChange } from '../shared/change-moment';
import type { PageArgs } from '../shared/pagination';
import { optionalText, requireOrder, requireText } from '../shared/validation';
import { Crs } from '../../db/spatial/crs';
import { ANY_SIMPLE_TYPES } from '../../db/spatial/geojson';
import { geometryForWrite } from '../spatial/geometry.service';
import type { InterventionStatisticsGroup, InterventionStatisticsGroupBy } from './intervention-statistics';
import type { InterventionRepository } from './intervention.repository';
import { interventionVersionOf, type InterventionVersion } from './intervention-version.type';
import { InterventionOperator } from './intervention-operator.entity';
import { InterventionShare } from './intervention-share.entity';
import { Intervention } from './intervention.entity';
import {
  InterventionOrderBy,
  type CreateInterventionInput,
  type DeleteInterventionInput,
  type ShareInterventionInput,
  type InterventionFilter,
  type UpdateInterventionInput,
} from './intervention.inputs';

const KIND_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/** Interventions. The owner is the caller's operator; EDITORs change only what their operator owns. */
export class InterventionService {
  constructor(private readonly ctx: Context) {}

  private get em(): EntityManager {
    return this.ctx.em;
  }

  private get interventions(): InterventionRepository {
    return this.em.getRepository(Intervention);
  }

  /** An intervention as it is, or with `asOf` as it stood then. NOT_FOUND when there is none (then) the caller may see. */
  async findById(id: string, asOf?: AsOf): Promise<Intervention> {
    if (asOf) checkNotFuture(asOf);
    const intervention = await (asOf ? this.ctx.loaders.interventionAsOf(asOf) : this.ctx.loaders.interventionById).load(id);
    if (!intervention) throw new NotFoundError('Intervention', id);
    return intervention;
  }

  list(filter: InterventionFilter | undefined, orderBy: InterventionOrderBy, page: PageArgs, count = true, asOf?: AsOf) {
    if (asOf) {
      const load = (ids: readonly string[]) => this.ctx.loaders.interventionAsOf(asOf).loadMany(ids);
      return this.interventions.findPageAsOf(filter, orderBy, page, count, asOf, load);
    }
    return this.interventions.findPage(filter, orderBy, page, count, (ids) => this.ctx.loaders.interventionById.loadMany(ids));
  }

  /** Every version of the intervention the caller may see (row security on its history), oldest first. */
  async versions(interventionId: string): Promise<InterventionVersion[]> {
    return (await this.ctx.loaders.interventionVersions.load(interventionId)).map(interventionVersionOf);
  }

  /** Counts per group of what the caller may see (row security); with `asOf`, as things stood then. */
  statistics(
    groupBy: InterventionStatisticsGroupBy,
    filter: InterventionFilter | undefined,
    asOf?: AsOf,
  ): Promise<InterventionStatisticsGroup[]> {
    return this.interventions.statistics(groupBy, filter, asOf);
  }

  async create(input: CreateInterventionInput): Promise<Intervention> {
    const viewer = requireRole(this.ctx, WRITERS, 'createIntervention');
    const owner = await findViewerOperator(this.em, viewer);
    const scene = await this.em.getRepository(Scene).findByIdOrFail(input.sceneId);
    const location = geometryForWrite(input.location, input.crs, { allowed: ANY_SIMPLE_TYPES, field: 'location' });
    const intervention = new Intervention({
      scene: ref(scene),
      owner: ref(owner),
      category: input.category,
      kind: requireKind(input.kind),
      title: requireText(input.title, 'title'),
      location,
      startsAt: input.startsAt,
    });
    intervention.description = optionalText(input.description, 'description');
    intervention.endsAt = input.endsAt ?? null;
    requireOrder(intervention.startsAt, intervention.endsAt, ['startsAt', 'endsAt']);
    intervention.recurrence = optionalText(input.recurrence, 'recurrence', 500);
    intervention.sensitivity = input.sensitivity;
    if (input.agreementId) intervention.agreement = ref(await this.em.getRepository(Agreement).findByIdOrFail(input.agreementId));
    const participants = await this.findParticipants(input.operatorIds ?? [], owner.id);
    await this.em.transactional(async (tx) => {
      await describeChange(tx, null, viewer.subject);
      tx.persist(intervention);
      participants.forEach((operator) => tx.persist(new InterventionOperator(ref(intervention), ref(operator))));
    });
    return intervention;
  }

  async update(input: UpdateInterventionInput): Promise<Intervention> {
    const current = await this.assertMayWrite(input.id, 'updateIntervention');
    const location =
      input.location != null ? geometryForWrite(input.location, input.crs, { allowed: ANY_SIMPLE_TYPES, field: 'location' }) : undefined;
    const scene = input.sceneId ? await this.em.getRepository(Scene).findByIdOrFail(input.sceneId) : undefined;
    const agreement = input.agreementId ? await this.em.getRepository(Agreement).findByIdOrFail(input.agreementId) : undefined;
    const participants = input.operatorIds ? await this.findParticipants(input.operatorIds, current.owner.id) : undefined;
    const effectiveAt = checkEffectiveAt(input.effectiveAt);
    return this.em.transactional(async (tx) => {
      const intervention = await tx.getRepository(Intervention).lockForUpdate(input.id, input.expectedVersion);
      await describeChange(tx, effectiveAt, this.ctx.viewer!.subject);
      if (scene) intervention.scene = ref(scene);
      if (input.title != null) intervention.title = requireText(input.title, 'title');
      if (input.category != null) intervention.category = input.category;
      if (input.kind != null) intervention.kind = requireKind(input.kind);
      if (input.description !== undefined) intervention.description = optionalText(input.description, 'description');
      if (location) intervention.location = location;
      if (input.startsAt != null) intervention.startsAt = input.startsAt;
      if (input.endsAt !== undefined) intervention.endsAt = input.endsAt;
      requireOrder(intervention.startsAt, intervention.endsAt, ['startsAt', 'endsAt']);
      if (input.recurrence !== undefined) intervention.recurrence = optionalText(input.recurrence, 'recurrence', 500);
      if (input.sensitivity != null) intervention.sensitivity = input.sensitivity;
      if (agreement) intervention.agreement = ref(agreement);
      else if (input.agreementId === null) intervention.agreement = null;
      if (participants) {
        await tx.nativeDelete(InterventionOperator, { intervention: intervention.id });
        participants.forEach((operator) => tx.persist(new InterventionOperator(ref(intervention), ref(operator))));
      }
      await tx.flush();
      return intervention;
    });
  }

  /** Deletes an intervention and returns it as it was. */
  async delete(input: DeleteInterventionInput): Promise<Intervention> {
    await this.assertMayWrite(input.id, 'deleteIntervention');
    return this.em.transactional(async (tx) => {
      const intervention = await tx.getRepository(Intervention).lockForUpdate(input.id, input.expectedVersion);
      // the answer is the intervention as it was: its location is read before the row goes
      const location = await this.ctx.loaders.spatial.geometry('intervention.location', 'self', Crs.EPSG_4326).load(intervention.id);
      await describeChange(tx, null, this.ctx.viewer!.subject);
      tx.remove(intervention);
      await tx.flush();
      intervention.location = location!;
      return intervention;
    });
  }

  /** Lets one more operator see a RESTRICTED (or any) intervention: its owner's EDITORs, or ADMIN. */
  async share(input: ShareInterventionInput): Promise<Intervention> {
    const intervention = await this.assertMayWrite(input.interventionId, 'shareIntervention');
    const operator = await this.em.getRepository(Operator).findByIdOrFail(input.operatorId);
    if (operator.id === intervention.owner.id) throw new BadUserInputError('An intervention is always visible to its owner', 'operatorId');
    const existing = await this.em.findOne(InterventionShare, { intervention: intervention.id, operator: operator.id });
    if (existing) throw new ConflictError(`Intervention ${intervention.id} is already shared with operator ${operator.id}`);
    await this.em.transactional(async (tx) => {
      tx.persist(new InterventionShare(ref(intervention), ref(operator), this.ctx.viewer!.subject));
    });
    return intervention;
  }

  /** Stops sharing an intervention with an operator. */
  async unshare(input: ShareInterventionInput): Promise<Intervention> {
    const intervention = await this.assertMayWrite(input.interventionId, 'unshareIntervention');
    const existing = await this.em.findOne(InterventionShare, { intervention: intervention.id, operator: input.operatorId });
    if (!existing) throw new NotFoundError(`Share of intervention ${intervention.id} with operator`, input.operatorId);
    await this.em.transactional(async (tx) => {
      tx.remove(existing);
    });
    return intervention;
  }

  /** Operators the intervention is explicitly shared with. */
  sharedWith(intervention: Pick<Intervention, 'id'>): Promise<Operator[]> {
    return this.interventions.sharedWith(intervention.id);
  }

  /** ADMIN always; EDITOR when its operator owns the intervention. */
  private async assertMayWrite(id: string, action: string): Promise<Intervention> {
    const viewer = requireRole(this.ctx, WRITERS, action);
    const intervention = await this.findById(id);
    if (viewer.role !== Role.ADMIN && intervention.owner.id !== viewer.operatorId) {
      throw new ForbiddenError(`${action}: intervention ${id} is owned by operator ${intervention.owner.id}, not ${viewer.operatorId}`);
    }
    return intervention;
  }

  private async findParticipants(ids: readonly string[], ownerId: string): Promise<Operator[]> {
    return this.em.getRepository(Operator).findAllOrFail(ids.filter((id) => id !== ownerId));
  }
}

function requireKind(kind: string): string {
  const code = kind.trim();
  if (!KIND_CODE.test(code)) {
    throw new BadUserInputError(`kind must be an UPPER_SNAKE code such as CAMERA_SURVEILLANCE, got ${JSON.stringify(kind)}`, 'kind');
  }
  return code;
}
