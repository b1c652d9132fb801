import type { EntityManager } from '@mikro-orm/postgresql';
import { createGroupLoader, createItemLoader } from '../shared/dataloader';
import { InterventionOperator } from './intervention-operator.entity';
import { Intervention } from './intervention.entity';

const NEWEST_FIRST = { startsAt: 'desc', id: 'asc' } as const;

export function createInterventionLoaders(em: EntityManager) {
  return {
    interventionById: createItemLoader(
      (ids) => em.find(Intervention, { id: { $in: [...ids] } }),
      (intervention) => intervention.id,
    ),
    interventionsBySceneId: createGroupLoader(
      (ids) => em.find(Intervention, { scene: { $in: [...ids] } }, { orderBy: NEWEST_FIRST }),
      (intervention) => intervention.scene.id,
    ),
    interventionsByAgreementId: createGroupLoader(
      (ids) => em.find(Intervention, { agreement: { $in: [...ids] } }, { orderBy: NEWEST_FIRST }),
      (intervention) => intervention.agreement!.id,
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
    /** Interventions an operator owns or takes part in: two statements per batch. */
    interventionsByOperatorId: createGroupLoader(
      async (ids) => {
        const links = await em.find(InterventionOperator, { operator: { $in: [...ids] } });
        const interventions = await em.find(
          Intervention,
          { $or: [{ owner: { $in: [...ids] } }, { id: { $in: links.map((link) => link.intervention.id) } }] },
          { orderBy: NEWEST_FIRST },
        );
        const keys = new Set(ids);
        return interventions.flatMap((intervention) => {
          const operators = new Set([intervention.owner.id]);
          for (const link of links) if (link.intervention.id === intervention.id) operators.add(link.operator.id);
          return [...operators].filter((id) => keys.has(id)).map((operatorId) => ({ operatorId, intervention }));
        });
      },
      (row) => row.operatorId,
    ),
  };
}
