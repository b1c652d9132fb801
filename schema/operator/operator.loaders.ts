import type { EntityManager } from '@mikro-orm/postgresql';
import { createGroupLoader, createItemLoader } from '../shared/dataloader';
import type { OperatorRow } from './operator.rows';
import { Operator } from './operator.entity';

export function createOperatorLoaders(em: EntityManager) {
  return {
    operatorById: createItemLoader(
      (ids) => em.find(Operator, { id: { $in: [...ids] } }),
      (operator) => operator.id,
    ),
    /**
     * Operators as reads resolve them (an intervention's owner, a party, a parent): plain rows,
     * no ORM hydration; `operatorById` gives entities, for the services that change them.
     */
    operatorRowById: createItemLoader(
      async (ids) => {
        const rows = await em.execute<Array<Omit<OperatorRow, 'createdAt' | 'updatedAt'> & { createdAt: number; updatedAt: number }>>(
          `select id, name, kind, municipality, case when parent_id is null then null else json_build_object('id', parent_id) end as parent,
                  extract(epoch from created_at) * 1000 as "createdAt", extract(epoch from updated_at) * 1000 as "updatedAt"
             from operator where id = any(array[?]::uuid[])`,
          [ids as string[]],
        );
        return rows.map((row) => ({ ...row, createdAt: new Date(Number(row.createdAt)), updatedAt: new Date(Number(row.updatedAt)) }));
      },
      (operator) => operator.id,
    ),
    childrenByOperatorId: createGroupLoader(
      (ids) => em.find(Operator, { parent: { $in: [...ids] } }, { orderBy: { name: 'asc' } }),
      (operator) => operator.parent!.id,
    ),
  };
}
