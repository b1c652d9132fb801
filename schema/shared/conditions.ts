import { raw, type FilterQuery } from '@mikro-orm/core';
import { SqlWriter } from '../../db/sql-writer';

/**
 * SQL conditions on a row, written for the row alias `??` with `?` placeholders, as one MikroORM
 * condition (all must hold): the resolver path uses the same condition builders as the compiled
 * read path.
 */
export function sqlCondition<T>(write: (alias: string, w: SqlWriter) => string[]): FilterQuery<T> {
  const w = new SqlWriter('positional');
  const conditions = write('??', w);
  if (conditions.length === 0) return {} as FilterQuery<T>;
  const sql = conditions.map((condition) => `(${condition})`).join(' and ');
  return { [raw((alias: string) => sql.replaceAll('??', alias), w.values)]: [] } as FilterQuery<T>;
}

/** `text` matched literally by `ilike` (its `%`, `_` and `\` escaped). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
