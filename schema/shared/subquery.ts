import type { QueryBuilder } from '@mikro-orm/postgresql';

/** `{ $in: <sub-select> }`: MikroORM accepts a knex query there, though its filter types do not say so. */
export function inSubquery<T extends object>(qb: QueryBuilder<T>): { $in: string[] } {
  return { $in: qb.getKnexQuery() } as unknown as { $in: string[] };
}
