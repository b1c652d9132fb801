import type { SqlWriter } from '../../db/sql-writer';
import { orderingBy, type Ordering } from '../read/ordering';
import type { PageSource } from '../read/page';
import { BaseRepository } from '../shared/base.repository';
import { escapeLike } from '../shared/conditions';
import { paginate, type ConnectionResult, type PageArgs } from '../shared/pagination';
import type { Operator } from './operator.entity';
import { OperatorOrderBy, type OperatorFilter } from './operator.inputs';

/** The SQL of operators: their filters and orderings, lists, names and hierarchy. */
export class OperatorRepository extends BaseRepository<Operator> {
  /** A page of the operators matching `filter`, counted only when `count`; the nodes come from `load` (the request's loader). */
  findPage(
    filter: OperatorFilter | undefined,
    orderBy: OperatorOrderBy,
    page: PageArgs,
    count: boolean,
    load: (ids: readonly string[]) => Promise<Array<Operator | null | Error>>,
  ): Promise<ConnectionResult<Operator>> {
    return paginate(this.em, operatorListSource(filter, orderBy), page, count, load);
  }

  /** The operator named exactly `name`, if any. */
  findByName(name: string): Promise<Operator | null> {
    return this.findOne({ name });
  }

  /** Whether `ancestorId` is `operatorId` itself or one of the operators above it. */
  async isSelfOrAncestor(operatorId: string, ancestorId: string): Promise<boolean> {
    const rows = await this.em.execute<Array<{ id: string }>>(
      `with recursive ancestors(id, parent_id) as (
         select id, parent_id from operator where id = ?
         union select o.id, o.parent_id from operator o join ancestors a on o.id = a.parent_id)
       select id from ancestors where id = ?`,
      [operatorId, ancestorId],
    );
    return rows.length > 0;
  }
}

/** How operator lists are ordered, for both read paths. */
export const OPERATOR_ORDERINGS: Record<OperatorOrderBy, Ordering> = {
  [OperatorOrderBy.NAME_ASC]: orderingBy(OperatorOrderBy.NAME_ASC, 'asc', ['name', 'text']),
  [OperatorOrderBy.NAME_DESC]: orderingBy(OperatorOrderBy.NAME_DESC, 'desc', ['name', 'text']),
  [OperatorOrderBy.KIND_ASC]: orderingBy(OperatorOrderBy.KIND_ASC, 'asc', ['kind', 'text'], ['name', 'text']),
};

/** The operators matching `filter` in `orderBy` order, as a list both read paths page through. */
export function operatorListSource(filter: OperatorFilter | undefined, orderBy: OperatorOrderBy): PageSource {
  return { table: 'operator', conditions: (alias, w) => operatorConditionsSql(filter, alias, w), ordering: OPERATOR_ORDERINGS[orderBy] };
}

/** The conditions of an OperatorFilter on the operator row `alias`. */
export function operatorConditionsSql(filter: OperatorFilter | undefined, alias: string, w: SqlWriter): string[] {
  const conditions: string[] = [];
  if (filter?.kind?.length) conditions.push(`${alias}.kind = any(${w.array(filter.kind, 'text')})`);
  if (filter?.municipality?.length) conditions.push(`${alias}.municipality = any(${w.array(filter.municipality, 'text')})`);
  if (filter?.parentId) conditions.push(`${alias}.parent_id = ${w.param(filter.parentId, 'uuid')}`);
  if (filter?.nameContains) conditions.push(`${alias}.name ilike ${w.param(`%${escapeLike(filter.nameContains)}%`, 'text')}`);
  return conditions;
}
