import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
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
    lists: createListLoaders(),
  };
}

/**
 * Loaders of lists inside objects, one per field and arguments (`scene.interventions:{first:10}`),
 * created on first use and shared by every parent of the request, so that one statement answers
 * them all. The factory may be async (a filter with a geometry is validated first).
 */
function createListLoaders() {
  const loaders = new Map<string, Promise<DataLoader<string, unknown>>>();
  return function list<V>(key: string, create: () => Promise<DataLoader<string, V>>): Promise<DataLoader<string, V>> {
    if (!loaders.has(key)) loaders.set(key, create() as Promise<DataLoader<string, unknown>>);
    return loaders.get(key) as Promise<DataLoader<string, V>>;
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
