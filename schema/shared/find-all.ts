import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { NotFoundError } from './errors';

/**
 * Loads every id of `ids` (duplicates removed) in one statement.
 * @throws NotFoundError naming the first id that does not exist
 */
export async function findAllOrFail<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  label: string,
  ids: readonly string[],
): Promise<T[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await em.find(entity, { id: { $in: unique } } as never);
  const byId = new Map(found.map((item) => [item.id, item]));
  const missing = unique.find((id) => !byId.has(id));
  if (missing) throw new NotFoundError(label, missing);
  return unique.map((id) => byId.get(id)!);
}
