import type { EntityManager } from '@mikro-orm/postgresql';
import { STORAGE_SRID } from './crs';

/**
 * Proximity SQL in one place. Distances are metres on the spheroid (`geography`); candidate
 * ordering uses the KNN operator `<->` on the geography expression index.
 */

export interface DistanceRow {
  id: string;
  distance: number;
}

/** Scenes within `radius` metres of each source scene (itself excluded), nearest first. */
export async function scenesNearScenes(em: EntityManager, sourceIds: readonly string[], radius: number) {
  return em.execute<Array<DistanceRow & { sourceId: string }>>(
    `select a.id as "sourceId", b.id, ST_Distance(a.area::geography, b.area::geography) as distance
       from scene a
       join scene b on b.id <> a.id and b.archived_at is null and ST_DWithin(a.area::geography, b.area::geography, ?)
      where a.id = any(array[?]::uuid[])
      order by a.id, distance, b.id`,
    [radius, sourceIds as string[]],
  );
}

/** Interventions (registered at any scene) whose location is within `radius` metres of each scene's area; 0 = touching it. */
export async function interventionIdsNearScenes(em: EntityManager, sceneIds: readonly string[], radius: number) {
  return em.execute<Array<DistanceRow & { sourceId: string }>>(
    `select s.id as "sourceId", i.id, ST_Distance(s.area::geography, i.location::geography) as distance
       from scene s
       join intervention i on ${radius === 0 ? 'ST_Intersects(s.area, i.location)' : 'ST_DWithin(s.area::geography, i.location::geography, ?)'}
      where s.id = any(array[?]::uuid[])
      order by s.id, i.starts_at desc, i.id`,
    radius === 0 ? [sceneIds as string[]] : [radius, sceneIds as string[]],
  );
}

export const POINT_PARAM = `ST_SetSRID(ST_GeomFromGeoJSON(?::text), ${STORAGE_SRID})`;
