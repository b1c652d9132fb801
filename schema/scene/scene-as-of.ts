import { ProblemProfile } from './problem-profile.embeddable';
import { Scene } from './scene.entity';
import { SceneVersion } from './scene-version.type';
import type { VersionRow } from './scene-versions';

/** The version an as-of scene shows (scenes read as they stood), by object. */
const SHOWN_VERSION = new WeakMap<object, number>();

/**
 * A scene as a version row shows it: a Scene object outside the ORM (never flushed, not in the
 * identity map, so it cannot be mistaken for the current row), marked with its version so the
 * geometry fields read the version's area (versionShown).
 */
export function sceneAsOf(row: VersionRow): Scene {
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
  SHOWN_VERSION.set(scene, row.version);
  return scene;
}

/** The version an as-of scene shows; undefined for a scene as it is now. */
export function versionShown(scene: Scene): number | undefined {
  return SHOWN_VERSION.get(scene);
}

/** A version row as the GraphQL type SceneVersion. */
export function sceneVersionOf(row: VersionRow): SceneVersion {
  return Object.assign(new SceneVersion(), {
    id: row.id,
    version: row.version,
    validFrom: dateOrNull(row.validFrom),
    validTo: dateOrNull(row.validTo),
    recordedAt: new Date(row.recordedAt),
    recordedBy: row.recordedBy,
    recordedByOperatorId: row.recordedByOperatorId,
    changedFields: row.changedFields,
    scene: sceneAsOf(row),
  });
}

function dateOrNull(iso: string | null): Date | null {
  return iso === null ? null : new Date(iso);
}
