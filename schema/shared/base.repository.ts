import { LockMode, Utils, type FilterQuery } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';
import type { VersionedEntity } from './base.entity';
import { ConflictError, NotFoundError } from './errors';

/**
 * What every repository of ours adds to MikroORM's: loading by id with the contract's NOT_FOUND.
 * A repository holds its entity's SQL; rules and transactions stay in the service.
 */
export class BaseRepository<T extends { id: string }> extends EntityRepository<T> {
  /**
   * The entity of `id`.
   * @throws NotFoundError naming the entity and the id
   */
  async findByIdOrFail(id: string): Promise<T> {
    const found = await this.findOne({ id } as FilterQuery<T>);
    if (!found) throw new NotFoundError(this.label, id);
    return found;
  }

  /**
   * Every id of `ids` (duplicates removed, first occurrence's order kept) in one statement.
   * @throws NotFoundError naming the first id that does not exist
   */
  async findAllOrFail(ids: readonly string[]): Promise<T[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const found = await this.find({ id: { $in: unique } } as unknown as FilterQuery<T>);
    const byId = new Map(found.map((item) => [item.id, item]));
    const missing = unique.find((id) => !byId.has(id));
    if (missing) throw new NotFoundError(this.label, missing);
    return unique.map((id) => byId.get(id)!);
  }

  /** The entity's name as messages give it ("Scene"). */
  protected get label(): string {
    return Utils.className(this.entityName);
  }
}

/** Optimistic locking, written once for every entity with a `version`. */
export class VersionedRepository<T extends VersionedEntity & { id: string }> extends BaseRepository<T> {
  /**
   * The entity of `id`, read again under a row lock (so call it inside a transaction), checked
   * against the version the caller last read. Of concurrent writers holding the same version,
   * exactly one wins; the others get CONFLICT with the current version.
   * @throws NotFoundError when there is no such row
   * @throws ConflictError when `expectedVersion` is given and differs (`extensions.currentVersion`)
   */
  async lockForUpdate(id: string, expectedVersion: number | null | undefined): Promise<T> {
    const found = await this.findOne({ id } as FilterQuery<T>, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!found) throw new NotFoundError(this.label, id);
    if (expectedVersion != null && found.version !== expectedVersion) {
      throw new ConflictError(
        `${this.label} ${id} is at version ${found.version}, not the expected ${expectedVersion}; reload it and try again`,
        { currentVersion: found.version },
      );
    }
    return found;
  }
}
