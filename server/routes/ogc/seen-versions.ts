/** Versions remembered at most; beyond that the least recently served is forgotten first. */
export const SEEN_VERSIONS_KEPT = 200_000;

/**
 * The version of each feature this instance last served to (or wrote for) each user: the
 * precondition of a write that carries no `If-Match` (QGIS sends none). A client that never
 * saw the feature, or saw it before someone else changed it, cannot write it blindly: the
 * first gets 428, the second 412. Kept in memory per instance: after a restart, or on
 * another instance, the entry is missing and the write is refused (428) until the client
 * reads again, which fails safe.
 */
export class SeenVersions {
  private readonly versions = new Map<string, number>();

  constructor(private readonly kept = SEEN_VERSIONS_KEPT) {}

  /** Remembers that `subject` was given `version` of the feature. */
  saw(subject: string, collection: string, id: string, version: number): void {
    const key = keyOf(subject, collection, id);
    this.versions.delete(key); // re-inserted last: the Map's order is the recency order
    this.versions.set(key, version);
    if (this.versions.size > this.kept) this.versions.delete(this.versions.keys().next().value!);
  }

  /** The version `subject` last got of the feature, or undefined. */
  lastSeen(subject: string, collection: string, id: string): number | undefined {
    return this.versions.get(keyOf(subject, collection, id));
  }

  /** Forgets a feature for `subject` (after it deleted it). */
  forget(subject: string, collection: string, id: string): void {
    this.versions.delete(keyOf(subject, collection, id));
  }
}

// Private:

function keyOf(subject: string, collection: string, id: string): string {
  return `${subject}\n${collection}\n${id}`;
}
