import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { createGroupLoader, createItemLoader } from '../shared/dataloader';
import { SceneStatusChange } from './scene-status-change.entity';
import type { AsOf } from './as-of';
import { sceneAsOf } from './scene-as-of';
import type { VersionRow } from './scene-versions';
import { Scene } from './scene.entity';

export function createSceneLoaders(em: EntityManager) {
  const asOfLoaders = new Map<string, DataLoader<string, Scene | null>>();
  return {
    sceneById: createItemLoader(
      (ids) => em.find(Scene, { id: { $in: [...ids] } }),
      (scene) => scene.id,
    ),
    statusChangeById: createItemLoader(
      (ids) => em.find(SceneStatusChange, { id: { $in: [...ids] } }),
      (change) => change.id,
    ),
    /** Every version of a scene, oldest first. */
    sceneVersions: createGroupLoader<VersionRow>(
      (ids) => em.getRepository(Scene).findVersions(ids),
      (row) => row.id,
    ),
    /** Scenes as they stood at a moment (null: not registered then), one loader per moment. */
    sceneAsOf(asOf: AsOf): DataLoader<string, Scene | null> {
      const key = `${asOf.at.toISOString()}|${asOf.asRecordedAt?.toISOString() ?? ''}`;
      if (!asOfLoaders.has(key)) {
        asOfLoaders.set(
          key,
          createItemLoader(
            async (ids) => (await em.getRepository(Scene).findAsOf(ids, asOf)).map(sceneAsOf),
            (scene) => scene.id,
          ),
        );
      }
      return asOfLoaders.get(key)!;
    },
  };
}
