import { LockMode, ref, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { WRITERS, requireRole } from '../auth/auth.guard';
import { Role } from '../auth/role';
import { Operator } from '../operator/operator.entity';
import { Scene } from '../scene/scene.entity';
import type { Context } from '../shared/context';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../shared/errors';
import { findAllOrFail } from '../shared/find-all';
import { inSubquery } from '../shared/subquery';
import { paginate, type PageArgs } from '../shared/pagination';
import { optionalText, requireDate, requireOrder, requireText } from '../shared/validation';
import { Crs } from '../spatial/crs';
import { POLYGONAL_TYPES, type MultiPolygon } from '../spatial/geojson';
import { normalizeGeometry } from '../spatial/geometry.service';
import { spatialConditions } from '../spatial/spatial-filter';
import { withConditions } from '../shared/conditions';
import { AgreementParty } from './agreement-party.entity';
import { AgreementScene } from './agreement-scene.entity';
import { Agreement } from './agreement.entity';
import { Commitment } from './commitment.entity';
import {
  AgreementOrderBy,
  type AddAgreementPartyInput,
  type AddCommitmentInput,
  type AgreementFilter,
  type AgreementPartyInput,
  type CommitmentInput,
  type CreateAgreementInput,
  type UpdateAgreementInput,
  type UpdateCommitmentInput,
} from './agreement.inputs';

const ORDERINGS: Record<AgreementOrderBy, QueryOrderMap<Agreement>> = {
  [AgreementOrderBy.VALID_FROM_DESC]: { validFrom: 'desc', id: 'desc' },
  [AgreementOrderBy.VALID_FROM_ASC]: { validFrom: 'asc', id: 'asc' },
  [AgreementOrderBy.TITLE_ASC]: { title: 'asc', id: 'asc' },
};

/** Agreements, their parties, scenes and commitments. EDITORs write only agreements their operator is party to. */
export class AgreementService {
  constructor(private readonly ctx: Context) {}

  private get em(): EntityManager {
    return this.ctx.em;
  }

  async findById(id: string): Promise<Agreement> {
    const agreement = await this.ctx.loaders.agreementById.load(id);
    if (!agreement) throw new NotFoundError('Agreement', id);
    return agreement;
  }

  async list(filter: AgreementFilter | undefined, orderBy: AgreementOrderBy, page: PageArgs) {
    const where: FilterQuery<Agreement> & Record<string, unknown> = {};
    if (filter?.kind?.length) where.kind = { $in: filter.kind };
    if (filter?.operatorId)
      where.id = inSubquery(
        this.em.createQueryBuilder(AgreementParty, 'p').select('p.agreement_id').where({ operator: filter.operatorId }),
      );
    if (filter?.sceneId) {
      const sceneLinks = this.em.createQueryBuilder(AgreementScene, 's').select('s.agreement_id').where({ scene: filter.sceneId });
      where.$and = [{ id: inSubquery(sceneLinks) }];
    }
    if (filter?.activeOn) {
      const day = requireDate(filter.activeOn, 'activeOn');
      where.validFrom = { $lte: day };
      where.$or = [{ validTo: null }, { validTo: { $gte: day } }];
    }
    const spatial = await spatialConditions<Agreement>(this.em, filter?.spatial, 'area');
    return paginate(this.em, Agreement, withConditions(where, spatial), { key: orderBy, orderBy: ORDERINGS[orderBy] }, page);
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
    if (input.area != null) agreement.area = await this.normalizeArea(input.area, input.crs);
    assertNoDuplicateParties(parties);
    const scenes = await findAllOrFail(this.em, Scene, 'Scene', input.sceneIds ?? []);
    const operators = await findAllOrFail(
      this.em,
      Operator,
      'Operator',
      parties.map((party) => party.operatorId),
    );
    const commitments = (input.commitments ?? []).map((c, index) => toCommitment(agreement, index + 1, c));
    await this.em.transactional(async (tx) => {
      tx.persist(agreement);
      scenes.forEach((scene) => tx.persist(new AgreementScene(ref(agreement), ref(scene))));
      parties.forEach((party, index) =>
        tx.persist(new AgreementParty(ref(agreement), ref(operators[index]!), optionalText(party.role, 'role', 200))),
      );
      commitments.forEach((commitment) => tx.persist(commitment));
    });
    return agreement;
  }

  async update(input: UpdateAgreementInput): Promise<Agreement> {
    await this.assertMayWrite(input.id, 'updateAgreement');
    const area = input.area != null ? await this.normalizeArea(input.area, input.crs) : undefined;
    const scenes = input.sceneIds ? await findAllOrFail(this.em, Scene, 'Scene', input.sceneIds) : undefined;
    return this.em.transactional(async (tx) => {
      const agreement = await tx.findOne(Agreement, input.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!agreement) throw new NotFoundError('Agreement', input.id);
      if (input.expectedVersion != null && agreement.version !== input.expectedVersion) {
        throw new ConflictError(`Agreement ${input.id} is at version ${agreement.version}, not the expected ${input.expectedVersion}`, {
          currentVersion: agreement.version,
        });
      }
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
      await tx.flush();
      return agreement;
    });
  }

  /** Adds a party, or changes its role when it is already one. */
  async addParty(input: AddAgreementPartyInput): Promise<Agreement> {
    const agreement = await this.assertMayWrite(input.agreementId, 'addAgreementParty');
    const operator = await this.em.findOne(Operator, input.operatorId);
    if (!operator) throw new NotFoundError('Operator', input.operatorId);
    const role = optionalText(input.role, 'role', 200);
    const existing = await this.em.findOne(AgreementParty, { agreement: agreement.id, operator: operator.id });
    if (existing) existing.role = role;
    else this.em.persist(new AgreementParty(ref(agreement), ref(operator), role));
    await this.em.flush();
    return agreement;
  }

  async addCommitment(input: AddCommitmentInput): Promise<Agreement> {
    const agreement = await this.assertMayWrite(input.agreementId, 'addCommitment');
    await this.em.transactional(async (tx) => {
      const [row] = await tx.execute<Array<{ last: number | null }>>(
        'select max(position) as last from commitment where agreement_id = ?',
        [agreement.id],
      );
      tx.persist(toCommitment(agreement, (row?.last ?? 0) + 1, input));
    });
    return agreement;
  }

  async updateCommitment(input: UpdateCommitmentInput): Promise<Commitment> {
    const commitment = await this.em.findOne(Commitment, input.id);
    if (!commitment) throw new NotFoundError('Commitment', input.id);
    await this.assertMayWrite(commitment.agreement.id, 'updateCommitment');
    if (input.description != null) commitment.description = requireText(input.description, 'description', 2000);
    if (input.dueDate !== undefined) commitment.dueDate = input.dueDate ? requireDate(input.dueDate, 'dueDate') : null;
    if (input.status != null) commitment.status = input.status;
    await this.em.flush();
    return commitment;
  }

  /** ADMIN always; EDITOR when its operator is party to the agreement. */
  private async assertMayWrite(agreementId: string, action: string): Promise<Agreement> {
    const viewer = requireRole(this.ctx, WRITERS, action);
    const agreement = await this.findById(agreementId);
    if (viewer.role === Role.ADMIN) return agreement;
    const party = await this.em.count(AgreementParty, { agreement: agreementId, operator: viewer.operatorId });
    if (party === 0) throw new ForbiddenError(`${action}: operator ${viewer.operatorId} is not party to agreement ${agreementId}`);
    return agreement;
  }

  private async normalizeArea(area: unknown, crs: Crs): Promise<MultiPolygon> {
    return (await normalizeGeometry(this.em, area, crs, { allowed: POLYGONAL_TYPES, field: 'area', toMulti: true })) as MultiPolygon;
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

function assertNoDuplicateParties(parties: readonly AgreementPartyInput[]): void {
  const seen = new Set<string>();
  for (const party of parties) {
    if (seen.has(party.operatorId)) throw new BadUserInputError(`Operator ${party.operatorId} is listed twice in parties`, 'parties');
    seen.add(party.operatorId);
  }
}
