import type { Operator } from './operator.entity';

/** An operator as reads resolve it: a plain row shaped like the entity (the parent by id only). */
export type OperatorRow = Pick<Operator, 'id' | 'name' | 'kind' | 'municipality' | 'createdAt' | 'updatedAt'> & {
  parent: { id: string } | null;
};
