import type { AsOf } from '../shared/as-of';
import { BadUserInputError } from '../shared/errors';
import { decodeCursor, keysetSql, orderBySql, type Ordering } from './ordering';
import type { SqlWriter } from '../../db/sql-writer';

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 500;
/** Page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;

/** A page as the arguments ask for it (`first`/`after` forward, `last`/`before` backward). */
export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A page request checked and its cursors decoded. */
export interface PageBounds {
  /** Rows the page holds at most. */
  size: number;
  /** `last`: the page is read in reverse order from `before` (or from the end). */
  backward: boolean;
  after?: unknown[];
  before?: unknown[];
}

/**
 * Checks a page request against an ordering.
 * @throws BadUserInputError for a size outside 0..MAX_PAGE_SIZE, both first and last, a cursor
 * of another ordering or not ours; and, with `forwardOnly` (lists inside objects), for last/before
 */
export function pageBounds(page: PageRequest, ordering: Ordering, forwardOnly = false): PageBounds {
  for (const field of ['first', 'last'] as const) {
    const size = page[field];
    if (size != null && (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE)) {
      throw new BadUserInputError(`${field} must be between 0 and ${MAX_PAGE_SIZE}, got ${size}`, field);
    }
  }
  if (page.first != null && page.last != null) throw new BadUserInputError('Pass either first or last, not both', 'last');
  if (forwardOnly && (page.last != null || page.before != null)) {
    throw new BadUserInputError('Lists inside an object page forward only: use first and after', 'last');
  }
  const backward = page.last != null;
  return {
    size: (backward ? page.last : page.first) ?? DEFAULT_PAGE_SIZE,
    backward,
    after: page.after ? decodeCursor(page.after, ordering, 'after') : undefined,
    before: page.before ? decodeCursor(page.before, ordering, 'before') : undefined,
  };
}

/** What a page is read from: a table (as `alias`), the conditions on its rows, the ordering. */
export interface PageSource {
  /** A table, or a subquery with its columns (the rows as they stood at `asOf`). */
  table: string;
  /** The moment the rows are read at, when they are versions: their relations are read at it too. */
  asOf?: AsOf;
  /** SQL conditions on the row `alias` (a filter, the tie to a parent row); all must hold. */
  conditions(alias: string, w: SqlWriter): string[];
  ordering: Ordering;
}

/**
 * The rows of one page of `source` (as `alias`; `columns` of it, default all), in reading order
 * (backward pages from the end). `numbered`: one row more than the page holds (so that whether
 * there is more is known), each with `page_row`, its 1-based position in reading order.
 */
export function pageSql(
  source: PageSource,
  alias: string,
  bounds: PageBounds,
  w: SqlWriter,
  columns = `${alias}.*`,
  numbered = true,
): string {
  const conditions = source.conditions(alias, w);
  if (bounds.after) conditions.push(keysetSql(source.ordering, alias, bounds.after, 'after', w));
  if (bounds.before) conditions.push(keysetSql(source.ordering, alias, bounds.before, 'before', w));
  const order = orderBySql(source.ordering, alias, bounds.backward);
  return `select ${columns}${numbered ? `, row_number() over (order by ${order}) as page_row` : ''}
            from ${source.table} ${alias}
           ${conditions.length ? `where ${conditions.map((c) => `(${c})`).join(' and ')}` : ''}
           order by ${order} limit ${numbered ? bounds.size + 1 : bounds.size}`;
}

/** The number of rows matching the source's conditions. */
export function countSql(source: PageSource, alias: string, w: SqlWriter): string {
  const conditions = source.conditions(alias, w);
  return `select count(*) from ${source.table} ${alias} ${conditions.length ? `where ${conditions.map((c) => `(${c})`).join(' and ')}` : ''}`;
}

/** hasNextPage and hasPreviousPage of a page that read `fetched` rows (one more than `size` when there are more). */
export function pageFlags(bounds: PageBounds, fetched: number): { hasNextPage: boolean; hasPreviousPage: boolean } {
  const more = fetched > bounds.size;
  return bounds.backward
    ? { hasNextPage: bounds.before != null, hasPreviousPage: more }
    : { hasNextPage: more, hasPreviousPage: bounds.after != null };
}
