import type { EntityManager } from '@mikro-orm/postgresql';
import { createGroupLoader, createItemLoader, createMomentLoaders } from '../shared/dataloader';
import { agreementAsOf } from './agreement-as-of';
import type { AgreementVersionRow } from './agreement-versions';
import { AgreementParty } from './agreement-party.entity';
import { AgreementScene } from './agreement-scene.entity';
import { Agreement } from './agreement.entity';
import { Commitment } from './commitment.entity';

export function createAgreementLoaders(em: EntityManager) {
  return {
    agreementById: createItemLoader(
      (ids) => em.find(Agreement, { id: { $in: [...ids] } }),
      (agreement) => agreement.id,
    ),
    agreementsByOperatorId: createGroupLoader(
      (ids) =>
        em.find(
          AgreementParty,
          { operator: { $in: [...ids] } },
          { populate: ['agreement'], orderBy: { agreement: { validFrom: 'desc' } } },
        ),
      (party) => party.operator.id,
    ),
    partiesByAgreementId: createGroupLoader(
      (ids) =>
        em.find(AgreementParty, { agreement: { $in: [...ids] } }, { populate: ['operator'], orderBy: { operator: { name: 'asc' } } }),
      (party) => party.agreement.id,
    ),
    scenesByAgreementId: createGroupLoader(
      (ids) => em.find(AgreementScene, { agreement: { $in: [...ids] } }, { populate: ['scene'], orderBy: { scene: { name: 'asc' } } }),
      (link) => link.agreement.id,
    ),
    commitmentsByAgreementId: createGroupLoader(
      (ids) => em.find(Commitment, { agreement: { $in: [...ids] } }, { orderBy: { position: 'asc' } }),
      (commitment) => commitment.agreement.id,
    ),
    /** Agreements as they stood at a moment (null: not registered then), one loader per moment. */
    agreementAsOf: createMomentLoaders(
      async (ids, asOf) => (await em.getRepository(Agreement).findAsOf(ids, asOf)).map((row) => agreementAsOf(row, asOf)),
      (agreement) => agreement.id,
    ),
    /** Every version of an agreement, oldest first. */
    agreementVersions: createGroupLoader<AgreementVersionRow>(
      (ids) => em.getRepository(Agreement).findVersions(ids),
      (row) => row.id,
    ),
  };
}
