import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { WRITERS, requireRole } from '../auth/auth.guard';
import { Role } from '../auth/role';
import { Operator } from '../operator/operator.entity';
import { Scene } from '../scene/scene.entity';
import type { Context } from '../shared/context';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../shared/errors';
import { checkNotFuture, type AsOf } from '../shared/as-of';
import { checkEffectiveAt, describeChange } from '../shared/change-moment';
import type { PageArgs } from '../shared/pagination';
import { optionalText, requireDate, requireOrder, requireText } from '../shared/validation';
import { areaForWrite } from '../spatial/geometry.service';
import type { AgreementRepository } from './agreement.repository';
import { agreementVersionOf, type AgreementVersion } from './agreement-version.type';
import { AgreementParty } from './agreement-party.entity';
import { AgreementScene } from './agreement-scene.entity';
import { Agreement } from './agreement.entity';
import { Commitment } from './commitment.entity';
import { AgreementPartyStatus } from './agreement-kind';
import {
  AgreementOrderBy,
  type AgreementPartyResponseInput,
  type AddAgreementPartyInput,
  type AddCommitmentInput,
  type AgreementFilter,
  type AgreementPartyInput,
  type CommitmentInput,
  type CreateAgreementInput,
  type UpdateAgreementInput,
  type UpdateCommitmentInput,
} from './agreement.inputs';

/** Agreements, their parties, scenes and commitments. EDITORs write only agreements their operator is party to. */
export class AgreementService {
  constructor(private readonly ctx: Context) {}

  private get em(): EntityManager {
    return this.ctx.em;
  }

  private get agreements(): AgreementRepository {
    return this.em.getRepository(Agreement);
  }

  /** An agreement as it is, or with `asOf` as it stood then. NOT_FOUND when there is none (then). */
  async findById(id: string, asOf?: AsOf): Promise<Agreement> {
    if (asOf) checkNotFuture(asOf);
    const agreement = await (asOf ? this.ctx.loaders.agreementAsOf(asOf) : this.ctx.loaders.agreementById).load(id);
    if (!agreement) throw new NotFoundError('Agreement', id);
    return agreement;
  }

  list(filter: AgreementFilter | undefined, orderBy: AgreementOrderBy, page: PageArgs, count = true, asOf?: AsOf) {
    if (filter?.partyStatus && !filter.operatorId) throw new BadUserInputError('partyStatus needs operatorId', 'partyStatus');
    const loader = asOf ? this.ctx.loaders.agreementAsOf(asOf) : this.ctx.loaders.agreementById;
    return this.agreements.findPage(filter, orderBy, page, count, (ids) => loader.loadMany(ids), asOf);
  }

  /** Every version of the agreement, oldest first. */
  async versions(agreementId: string): Promise<AgreementVersion[]> {
    return (await this.ctx.loaders.agreementVersions.load(agreementId)).map(agreementVersionOf);
  }

  async create(input: CreateAgreementInput): Promise<Agreement> {
    const viewer = requireRole(this.ctx, WRITERS, 'createAgreement');
    const parties = input.parties ?? [];
    if (viewer.role !== Role.ADMIN && !parties.some((party) => party.operatorId === viewer.operatorId)) {
      throw new ForbiddenError('An EDITOR may only create agreements its own operator is party to; add it to parties');
    }
    const agreement = new Agreement(input.kind, requireText(input.title, 'title'), requireDate(input.validFrom, 'validFrom'));
    agreement.description = optionalText(input.description, 'description');
    agreement.validTo = input.validTo ? requireDate(input.validTo, 'validTo') : null;
    requireOrder(agreement.validFrom, agreement.validTo, ['validFrom', 'validTo']);
    if (input.area != null) agreement.area = areaForWrite(input.area, input.crs);
    assertNoDuplicateParties(parties);
    const scenes = await this.em.getRepository(Scene).findAllOrFail(input.sceneIds ?? []);
    const operators = await this.em.getRepository(Operator).findAllOrFail(parties.map((party) => party.operatorId));
    const commitments = (input.commitments ?? []).map((c, index) => toCommitment(agreement, index + 1, c));
    await this.em.transactional(async (tx) => {
      await describeChange(tx, null, viewer.subject);
      tx.persist(agreement);
      scenes.forEach((scene) => tx.persist(new AgreementScene(ref(agreement), ref(scene))));
      parties.forEach((party, index) => tx.persist(this.newParty(agreement, operators[index]!, optionalText(party.role, 'role', 200))));
      commitments.forEach((commitment) => tx.persist(commitment));
    });
    return agreement;
  }

  async update(input: UpdateAgreementInput): Promise<Agreement> {
    await this.assertMayWrite(input.id, 'updateAgreement');
    const effectiveAt = checkEffectiveAt(input.effectiveAt);
    const area = input.area != null ? areaForWrite(input.area, input.crs) : undefined;
    const scenes = input.sceneIds ? await this.em.getRepository(Scene).findAllOrFail(input.sceneIds) : undefined;
    return this.em.transactional(async (tx) => {
      const agreements = tx.getRepository(Agreement);
      const agreement = await agreements.lockForUpdate(input.id, input.expectedVersion);
      await describeChange(tx, effectiveAt, this.ctx.viewer!.subject);
      const scopeBefore = {
        validFrom: agreement.validFrom,
        validTo: agreement.validTo,
        sceneIds: await agreements.sceneIdsOf(agreement.id),
      };
      if (input.kind != null) agreement.kind = input.kind;
      if (input.title != null) agreement.title = requireText(input.title, 'title');
      if (input.description !== undefined) agreement.description = optionalText(input.description, 'description');
      if (input.validFrom != null) agreement.validFrom = requireDate(input.validFrom, 'validFrom');
      if (input.validTo !== undefined) agreement.validTo = input.validTo ? requireDate(input.validTo, 'validTo') : null;
      requireOrder(agreement.validFrom, agreement.validTo, ['validFrom', 'validTo']);
      if (area) agreement.area = area;
      else if (input.area === null) agreement.area = null;
      if (scenes) {
        await tx.nativeDelete(AgreementScene, { agreement: agreement.id });
        scenes.forEach((scene) => tx.persist(new AgreementScene(ref(agreement), ref(scene))));
      }
      const scopeAfter = {
        validFrom: agreement.validFrom,
        validTo: agreement.validTo,
        sceneIds: scenes?.map((s) => s.id) ?? scopeBefore.sceneIds,
      };
      if (widensScope(scopeBefore, scopeAfter)) await this.askOthersAgain(tx, agreement.id);
      await tx.flush();
      return agreement;
    });
  }

  /**
   * The caller's operator accepts or declines its party to the agreement (EDITOR, ADMIN). Only a
   * writer of that operator can: this is the consent no other operator can give for it.
   */
  async respond(
    input: AgreementPartyResponseInput,
    status: AgreementPartyStatus.ACCEPTED | AgreementPartyStatus.DECLINED,
  ): Promise<Agreement> {
    const action = status === AgreementPartyStatus.ACCEPTED ? 'acceptAgreementParty' : 'declineAgreementParty';
    const viewer = requireRole(this.ctx, WRITERS, action);
    const agreement = await this.findById(input.agreementId);
    const party = await this.em.findOne(AgreementParty, { agreement: agreement.id, operator: viewer.operatorId });
    if (!party) throw new NotFoundError(`Party of operator ${viewer.operatorId} to agreement`, agreement.id);
    party.respond(status, viewer.subject);
    await describeChange(this.em, null, viewer.subject);
    await this.em.flush();
    return agreement;
  }

  /** Adds a party, or changes its role when it is already one. */
  async addParty(input: AddAgreementPartyInput): Promise<Agreement> {
    const agreement = await this.assertMayWrite(input.agreementId, 'addAgreementParty');
    const operator = await this.em.getRepository(Operator).findByIdOrFail(input.operatorId);
    const role = optionalText(input.role, 'role', 200);
    const existing = await this.em.findOne(AgreementParty, { agreement: agreement.id, operator: operator.id });
    if (!existing) this.em.persist(this.newParty(agreement, operator, role));
    else {
      existing.role = role;
      // Naming a party that declined again is a new invitation: it must accept again.
      if (existing.status === AgreementPartyStatus.DECLINED) this.invite(existing);
    }
    await describeChange(this.em, null, this.ctx.viewer!.subject);
    await this.em.flush();
    return agreement;
  }

  async addCommitment(input: AddCommitmentInput): Promise<Agreement> {
    const agreement = await this.assertMayWrite(input.agreementId, 'addCommitment');
    await this.em.transactional(async (tx) => {
      await describeChange(tx, null, this.ctx.viewer!.subject);
      const last = await tx.getRepository(Agreement).lastCommitmentPosition(agreement.id);
      tx.persist(toCommitment(agreement, last + 1, input));
    });
    return agreement;
  }

  async updateCommitment(input: UpdateCommitmentInput): Promise<Commitment> {
    const commitment = await this.em.findOne(Commitment, input.id);
    if (!commitment) throw new NotFoundError('Commitment', input.id);
    await this.assertMayWrite(commitment.agreement.id, 'updateCommitment');
    const effectiveAt = checkEffectiveAt(input.effectiveAt);
    if (input.description != null) commitment.description = requireText(input.description, 'description', 2000);
    if (input.dueDate !== undefined) commitment.dueDate = input.dueDate ? requireDate(input.dueDate, 'dueDate') : null;
    if (input.status != null) commitment.status = input.status;
    await describeChange(this.em, effectiveAt, this.ctx.viewer!.subject);
    await this.em.flush();
    return commitment;
  }

  /** ADMIN always; EDITOR when its operator is an ACCEPTED party to the agreement. */
  private async assertMayWrite(agreementId: string, action: string): Promise<Agreement> {
    const viewer = requireRole(this.ctx, WRITERS, action);
    const agreement = await this.findById(agreementId);
    if (viewer.role === Role.ADMIN) return agreement;
    const party = await this.em.findOne(AgreementParty, { agreement: agreementId, operator: viewer.operatorId });
    if (!party) throw new ForbiddenError(`${action}: operator ${viewer.operatorId} is not party to agreement ${agreementId}`);
    if (party.status !== AgreementPartyStatus.ACCEPTED) {
      throw new ForbiddenError(`${action}: operator ${viewer.operatorId} is ${party.status} on agreement ${agreementId}; accept first`);
    }
    return agreement;
  }

  /** A party as the caller names it: ACCEPTED when it is the caller's own operator, else PENDING until that operator answers. */
  private newParty(agreement: Agreement, operator: Operator, role: string | null): AgreementParty {
    const party = new AgreementParty(ref(agreement), ref(operator), role);
    this.invite(party);
    return party;
  }

  private invite(party: AgreementParty): void {
    const viewer = requireRole(this.ctx, WRITERS, 'naming a party');
    if (party.operator.id === viewer.operatorId) party.respond(AgreementPartyStatus.ACCEPTED, viewer.subject);
    else Object.assign(party, { status: AgreementPartyStatus.PENDING, respondedAt: null, respondedBy: null });
  }

  /** After a change that widens what the agreement covers, every other party must accept again. */
  private async askOthersAgain(tx: EntityManager, agreementId: string): Promise<void> {
    const viewer = requireRole(this.ctx, WRITERS, 'updateAgreement');
    await tx.nativeUpdate(
      AgreementParty,
      { agreement: agreementId, operator: { $ne: viewer.operatorId }, status: AgreementPartyStatus.ACCEPTED },
      { status: AgreementPartyStatus.PENDING, respondedAt: null, respondedBy: null },
    );
  }
}

/** Whether the agreement is valid on the Stockholm calendar day of `at`. */
export function isActiveAt(agreement: Pick<Agreement, 'validFrom' | 'validTo'>, at: Date): boolean {
  const day = stockholmDay(at);
  return agreement.validFrom <= day && (agreement.validTo === null || day <= agreement.validTo);
}

/** The calendar day (YYYY-MM-DD) in Stockholm at `at`: validity periods are Swedish calendar days. */
export function stockholmDay(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(at);
}

// Private:

function toCommitment(agreement: Agreement, position: number, input: CommitmentInput): Commitment {
  const commitment = new Commitment(ref(agreement), position, requireText(input.description, 'commitments.description', 2000));
  commitment.dueDate = input.dueDate ? requireDate(input.dueDate, 'commitments.dueDate') : null;
  commitment.status = input.status;
  return commitment;
}

interface AgreementScope {
  validFrom: string;
  validTo: string | null;
  sceneIds: readonly string[];
}

/**
 * Whether `after` covers something `before` did not: a scene more, an earlier start, a later or
 * open end. Each would show the parties PARTNERS interventions they had not agreed to share.
 */
export function widensScope(before: AgreementScope, after: AgreementScope): boolean {
  if (after.sceneIds.some((id) => !before.sceneIds.includes(id))) return true;
  if (after.validFrom < before.validFrom) return true;
  if (before.validTo === null) return false;
  return after.validTo === null || after.validTo > before.validTo;
}

function assertNoDuplicateParties(parties: readonly AgreementPartyInput[]): void {
  const seen = new Set<string>();
  for (const party of parties) {
    if (seen.has(party.operatorId)) throw new BadUserInputError(`Operator ${party.operatorId} is listed twice in parties`, 'parties');
    seen.add(party.operatorId);
  }
}
