import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createGroupLoader } from '../shared/dataloader';
import type { IndicatorValue } from './indicator-value.type';
import { Indicator } from './indicator.entity';
import type { IndicatorQuery } from './indicator.repository';

/** One loader per distinct argument set, so a list of scenes asking the same thing is one statement. */
export function createIndicatorLoaders(em: EntityManager) {
  const loaders = new Map<string, DataLoader<string, IndicatorValue[]>>();
  return {
    indicators(query: IndicatorQuery): DataLoader<string, IndicatorValue[]> {
      const key = JSON.stringify(query);
      if (!loaders.has(key))
        loaders.set(
          key,
          createGroupLoader(
            (ids) => em.getRepository(Indicator).forScenes(ids, query),
            (row) => row.sceneId,
          ),
        );
      return loaders.get(key)!;
    },
  };
}
