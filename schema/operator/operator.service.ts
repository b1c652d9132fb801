import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ADMINS, requireRole } from '../auth/auth.guard';
import type { Context } from '../shared/context';
import { BadUserInputError, ConflictError, NotFoundError } from '../shared/errors';
import type { PageArgs } from '../shared/pagination';
import { optionalText, requireText } from '../shared/validation';
import { Operator } from './operator.entity';
import type { OperatorRepository } from './operator.repository';
import { OperatorOrderBy, type CreateOperatorInput, type OperatorFilter, type UpdateOperatorInput } from './operator.inputs';

/** Operators: the agencies. Only ADMIN registers or changes them. */
export class OperatorService {
  constructor(private readonly ctx: Context) {}

  private get em(): EntityManager {
    return this.ctx.em;
  }

  private get operators(): OperatorRepository {
    return this.em.getRepository(Operator);
  }

  async findById(id: string): Promise<Operator> {
    const operator = await this.ctx.loaders.operatorById.load(id);
    if (!operator) throw new NotFoundError('Operator', id);
    return operator;
  }

  list(filter: OperatorFilter | undefined, orderBy: OperatorOrderBy, page: PageArgs, count = true) {
    return this.operators.findPage(filter, orderBy, page, count, (ids) => this.ctx.loaders.operatorById.loadMany(ids));
  }

  async create(input: CreateOperatorInput): Promise<Operator> {
    requireRole(this.ctx, ADMINS, 'createOperator');
    const operator = new Operator(requireText(input.name, 'name'), input.kind);
    operator.municipality = optionalText(input.municipality, 'municipality', 200);
    if (input.parentId) operator.parent = ref(await this.findById(input.parentId));
    await this.assertNameFree(operator.name);
    await this.em.persistAndFlush(operator);
    return operator;
  }

  async update(input: UpdateOperatorInput): Promise<Operator> {
    requireRole(this.ctx, ADMINS, 'updateOperator');
    const operator = await this.findById(input.id);
    if (input.name != null && input.name.trim() !== operator.name) {
      operator.name = requireText(input.name, 'name');
      await this.assertNameFree(operator.name);
    }
    if (input.kind != null) operator.kind = input.kind;
    if (input.municipality !== undefined) operator.municipality = optionalText(input.municipality, 'municipality', 200);
    if (input.parentId !== undefined)
      operator.parent = input.parentId ? ref(await this.parentWithoutCycle(operator, input.parentId)) : null;
    await this.em.flush();
    return operator;
  }

  private async assertNameFree(name: string): Promise<void> {
    const existing = await this.operators.findByName(name);
    if (existing) throw new ConflictError(`An operator named "${name}" already exists (${existing.id})`, { existingId: existing.id });
  }

  /** The new parent, unless it is the operator itself or one of its descendants. */
  private async parentWithoutCycle(operator: Operator, parentId: string): Promise<Operator> {
    const parent = await this.findById(parentId);
    if (await this.operators.isSelfOrAncestor(parent.id, operator.id)) {
      throw new BadUserInputError(`Operator ${parent.id} cannot be the parent of ${operator.id}: that would make a cycle`, 'parentId');
    }
    return parent;
  }
}
