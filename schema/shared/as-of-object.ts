import type { AsOf } from './as-of';

/**
 * Objects read as they stood at a moment (a scene, an agreement or an intervention from its
 * version table) carry, beside their fields, the version they show and the moment they were read
 * at: their geometry fields then read the version's geometry (by "id:version"), and their
 * relations are read as of the same moment. Such objects are built outside the ORM (never
 * flushed, not in the identity map), so they cannot be mistaken for the current rows.
 */
interface Shown {
  version: number;
  /** The moment it was read at; null for a version listed in a history (its relations are current). */
  asOf: AsOf | null;
}

const SHOWN = new WeakMap<object, Shown>();

/** Marks `object` as showing `version`, read at `asOf`. */
export function showAsOf<T extends object>(object: T, version: number, asOf: AsOf | null): T {
  SHOWN.set(object, { version, asOf });
  return object;
}

/** The version an object shows; undefined for an object as it is now. */
export function versionShown(object: object): number | undefined {
  return SHOWN.get(object)?.version;
}

/** The moment an object was read at, for its relations; undefined for an object as it is now. */
export function momentShown(object: object): AsOf | undefined {
  return SHOWN.get(object)?.asOf ?? undefined;
}

/** The key its geometry is read by: the row's id, or "id:version" for a version (db/spatial/geometry-sql.ts). */
export function geometryKey(object: { id: string }): string {
  const version = versionShown(object);
  return version === undefined ? object.id : `${object.id}:${version}`;
}
