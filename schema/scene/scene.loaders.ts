import type { EntityManager } from '@mikro-orm/postgresql';
import { createGroupLoader, createItemLoader, createMomentLoaders } from '../shared/dataloader';
import { SceneStatusChange } from './scene-status-change.entity';
import { sceneAsOf } from './scene-as-of';
import type { VersionRow } from './scene-versions';
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
    /** Every version of a scene, oldest first. */
    sceneVersions: createGroupLoader<VersionRow>(
      (ids) => em.getRepository(Scene).findVersions(ids),
      (row) => row.id,
    ),
    /** Scenes as they stood at a moment (null: not registered then), one loader per moment. */
    sceneAsOf: createMomentLoaders(
      async (ids, asOf) => (await em.getRepository(Scene).findAsOf(ids, asOf)).map((row) => sceneAsOf(row, asOf)),
      (scene) => scene.id,
    ),
  };
}
