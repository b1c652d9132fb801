import type { EntityManager } from '@mikro-orm/postgresql';
import { createGroupLoader, createItemLoader, createMomentLoaders } from '../shared/dataloader';
import { InterventionOperator } from './intervention-operator.entity';
import { interventionAsOf, type InterventionVersionRow } from './intervention-versions';
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
    /** Interventions as they stood at a moment (null: not registered then, or not visible), one loader per moment. */
    interventionAsOf: createMomentLoaders(
      async (ids, asOf) => (await em.getRepository(Intervention).findAsOf(ids, asOf)).map((row) => interventionAsOf(row, asOf)),
      (intervention) => intervention.id,
    ),
    /** Every version of an intervention the caller may see, oldest first. */
    interventionVersions: createGroupLoader<InterventionVersionRow>(
      (ids) => em.getRepository(Intervention).findVersions(ids),
      (row) => row.id,
    ),
  };
}
