import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/role';
import { ForbiddenError } from '../shared/errors';
import { Operator } from './operator.entity';

/** The operator a token speaks for; a token for an operator that is not registered may not write. */
export async function findViewerOperator(em: EntityManager, viewer: Viewer): Promise<Operator> {
  const operator = await em.findOne(Operator, viewer.operatorId);
  if (!operator) {
    throw new ForbiddenError(`The token's operator ${viewer.operatorId} is not registered; ask an administrator to create it`);
  }
  return operator;
}
