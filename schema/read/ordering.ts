import { BadUserInputError } from '../shared/errors';
import { literal, type SqlWriter } from '../../db/sql-writer';

/** The SQL types an ordering column may have: how its value is written into a cursor and read back. */
export type OrderColumnType = 'text' | 'uuid' | 'int' | 'bigint' | 'timestamptz' | 'date';

/** One column of an ordering (of the row alias given when SQL is written). */
export interface OrderColumn {
  column: string;
  direction: 'asc' | 'desc';
  type: OrderColumnType;
}

/**
 * A total order of a list: its name (cursors carry it, so that a cursor of one ordering is refused
 * by another) and its columns, all in one direction and ending with the primary key.
 */
export interface Ordering {
  key: string;
  columns: readonly OrderColumn[];
}

/** An ordering by `column`, then by the uuid `id` in the same direction, so that it is total. */
export function orderingBy(key: string, direction: OrderColumn['direction'], ...columns: Array<[string, OrderColumnType]>): Ordering {
  return {
    key,
    columns: [...columns.map(([column, type]) => ({ column, direction, type })), { column: 'id', direction, type: 'uuid' as const }],
  };
}

/**
 * The cursor of the row `alias`, computed by PostgreSQL: base64url of `<ordering>|<JSON array of
 * the row's order values>`, timestamps in UTC to the microsecond, so that a keyset comparison
 * with it neither skips nor repeats rows. Both read paths select this expression, so they give
 * the same cursors.
 */
export function cursorSql(ordering: Ordering, alias: string): string {
  const values = ordering.columns.map((c) => cursorValue(`${alias}.${c.column}`, c.type)).join(', ');
  return `translate(encode(convert_to(${literal(`${ordering.key}|`)} || json_build_array(${values})::text, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;
}

/** `order by` columns of the row `alias`; `reverse` for a backward page. */
export function orderBySql(ordering: Ordering, alias: string, reverse = false): string {
  return ordering.columns.map((c) => `${alias}.${c.column} ${(c.direction === 'asc') !== reverse ? 'asc' : 'desc'}`).join(', ');
}

/**
 * The keyset condition "after (or before) the cursor" on the row `alias`: the order values
 * compared as a row, in the ordering's direction.
 */
export function keysetSql(ordering: Ordering, alias: string, values: readonly unknown[], side: 'after' | 'before', w: SqlWriter): string {
  const columns = ordering.columns.map((c) => `${alias}.${c.column}`).join(', ');
  const bounds = ordering.columns.map((c, i) => w.param(values[i], c.type)).join(', ');
  const forward = ordering.columns[0]!.direction === 'asc';
  return `(${columns}) ${forward === (side === 'after') ? '>' : '<'} (${bounds})`;
}

/**
 * The order values of a cursor made by cursorSql for `ordering`.
 * @throws BadUserInputError naming `field` when it is not such a cursor
 */
export function decodeCursor(cursor: string, ordering: Ordering, field: string): unknown[] {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const separator = decoded.indexOf('|');
  const key = decoded.slice(0, separator);
  let values: unknown;
  try {
    values = separator > 0 ? JSON.parse(decoded.slice(separator + 1)) : null;
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || values.length !== ordering.columns.length || !values.every((v, i) => fits(v, ordering.columns[i]!.type))) {
    if (separator > 0 && key !== ordering.key && Array.isArray(values)) {
      throw new BadUserInputError(`${field} is a cursor for the ordering ${key}, but this query orders by ${ordering.key}`, field);
    }
    throw new BadUserInputError(`${field} is not a cursor this API produced`, field);
  }
  if (key !== ordering.key) {
    throw new BadUserInputError(`${field} is a cursor for the ordering ${key}, but this query orders by ${ordering.key}`, field);
  }
  return values;
}

// Private:

function cursorValue(expression: string, type: OrderColumnType): string {
  if (type === 'timestamptz') return `to_char(${expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  if (type === 'date') return `to_char(${expression}, 'YYYY-MM-DD')`;
  return expression;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a decoded value can be bound as `type` (so that a forged cursor is BAD_USER_INPUT, not a database error). */
function fits(value: unknown, type: OrderColumnType): boolean {
  switch (type) {
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'int':
    case 'bigint':
      return Number.isSafeInteger(value);
    case 'timestamptz':
      return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
    case 'date':
      return typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(value));
    case 'text':
      return typeof value === 'string' && !value.includes('\0');
  }
}
