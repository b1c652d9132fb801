import type { FilterQuery } from '@mikro-orm/core';

/** `where` with `conditions` added to its `$and` (all must hold). */
export function withConditions<T>(where: FilterQuery<T>, conditions: FilterQuery<T>[]): FilterQuery<T> {
  if (conditions.length === 0) return where;
  const object = where as { $and?: FilterQuery<T>[] };
  return { ...object, $and: [...(object.$and ?? []), ...conditions] } as FilterQuery<T>;
}
