import type { EntityManager } from '@mikro-orm/postgresql';
import { createGroupLoader, createItemLoader } from '../shared/dataloader';
import { InterventionOperator } from './intervention-operator.entity';
import { Intervention } from './intervention.entity';

export function createInterventionLoaders(em: EntityManager) {
  return {
    interventionById: createItemLoader(
      (ids) => em.find(Intervention, { id: { $in: [...ids] } }),
      (intervention) => intervention.id,
    ),
    /** Participating operators (besides the owner): link rows with operators joined, one statement. */
    operatorsByInterventionId: createGroupLoader(
      (ids) =>
        em.find(
          InterventionOperator,
          { intervention: { $in: [...ids] } },
          { populate: ['operator'], orderBy: { operator: { name: 'asc' } } },
        ),
      (link) => link.intervention.id,
    ),
  };
}
