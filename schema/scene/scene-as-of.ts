import type { AsOf } from '../shared/as-of';
import { showAsOf } from '../shared/as-of-object';
import { recordVersionFields } from '../shared/record-version';
import { ProblemProfile } from './problem-profile.embeddable';
import { Scene } from './scene.entity';
import { SceneVersion } from './scene-version.type';
import type { VersionRow } from './scene-versions';

/**
 * A scene as a version row shows it (schema/shared/as-of-object.ts), read at `asOf` (null: a
 * version listed in a history).
 */
export function sceneAsOf(row: VersionRow, asOf: AsOf | null = null): Scene {
  const scene = Object.create(Scene.prototype) as Scene;
  const problemProfile = Object.assign(new ProblemProfile(), {
    description: row.problemDescription,
    substances: row.problemSubstances,
    crimeKinds: row.problemCrimeKinds,
    targetGroups: row.problemTargetGroups,
    tags: row.problemTags,
  });
  Object.assign(scene, {
    id: row.id,
    version: row.version,
    name: row.name,
    municipality: row.municipality,
    district: row.district,
    policeArea: row.policeArea,
    statAreas: row.statAreas,
    problemProfile,
    areaSquareMeters: row.areaSquareMeters,
    status: row.status,
    statusSince: dateOrNull(row.statusSince),
    archivedAt: dateOrNull(row.archivedAt),
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
  });
  return showAsOf(scene, row.version, asOf);
}

/** A version row as the GraphQL type SceneVersion. */
export function sceneVersionOf(row: VersionRow): SceneVersion {
  return Object.assign(new SceneVersion(), recordVersionFields(row), { scene: sceneAsOf(row) });
}

function dateOrNull(iso: string | null): Date | null {
  return iso === null ? null : new Date(iso);
}
