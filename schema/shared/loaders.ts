import type { EntityManager } from '@mikro-orm/postgresql';
import { createIndicatorLoaders } from '../indicator/indicator.loaders';
import { createAgreementLoaders } from '../agreement/agreement.loaders';
import { createInterventionLoaders } from '../intervention/intervention.loaders';
import { createOperatorLoaders } from '../operator/operator.loaders';
import { createSceneLoaders } from '../scene/scene.loaders';
import { createSpatialLoaders } from '../spatial/spatial.loaders';

/** Every DataLoader, created per request (or per subscription operation) over that request's entity manager. */
export function createLoaders(em: EntityManager) {
  return {
    ...createSceneLoaders(em),
    ...createOperatorLoaders(em),
    ...createAgreementLoaders(em),
    ...createInterventionLoaders(em),
    ...createIndicatorLoaders(em),
    spatial: createSpatialLoaders(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
