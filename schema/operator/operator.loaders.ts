import type { EntityManager } from '@mikro-orm/postgresql';
import { createGroupLoader, createItemLoader } from '../shared/dataloader';
import { Operator } from './operator.entity';

export function createOperatorLoaders(em: EntityManager) {
  return {
    operatorById: createItemLoader(
      (ids) => em.find(Operator, { id: { $in: [...ids] } }),
      (operator) => operator.id,
    ),
    childrenByOperatorId: createGroupLoader(
      (ids) => em.find(Operator, { parent: { $in: [...ids] } }, { orderBy: { name: 'asc' } }),
      (operator) => operator.parent!.id,
    ),
  };
}
