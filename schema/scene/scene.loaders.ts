import type { EntityManager } from '@mikro-orm/postgresql';
import { createItemLoader } from '../shared/dataloader';
import { SceneStatusChange } from './scene-status-change.entity';
import { Scene } from './scene.entity';

export function createSceneLoaders(em: EntityManager) {
  return {
    sceneById: createItemLoader(
      (ids) => em.find(Scene, { id: { $in: [...ids] } }),
      (scene) => scene.id,
    ),
    statusChangeById: createItemLoader(
      (ids) => em.find(SceneStatusChange, { id: { $in: [...ids] } }),
      (change) => change.id,
    ),
  };
}
