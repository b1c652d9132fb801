import type { EntityManager } from '@mikro-orm/postgresql';
import { createGroupLoader, createItemLoader } from '../shared/dataloader';
import { SceneStatusChange } from './scene-status-change.entity';
import { Scene } from './scene.entity';

export function createSceneLoaders(em: EntityManager) {
  return {
    sceneById: createItemLoader(
      (ids) => em.find(Scene, { id: { $in: [...ids] } }),
      (scene) => scene.id,
    ),
    statusHistoryBySceneId: createGroupLoader(
      (ids) => em.find(SceneStatusChange, { scene: { $in: [...ids] } }, { orderBy: { sceneVersion: 'asc' } }),
      (change) => change.scene.id,
    ),
  };
}
