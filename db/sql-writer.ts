import { escapeLiteral } from 'pg';

/**
 * How values reach the SQL text: `positional` placeholders (`?`, for MikroORM's raw fragments and
 * `em.execute`, which knex numbers itself: the resolver path), or `inline` literals written by the
 * driver's own escaping (`pg.escapeLiteral`), so that a whole read can travel in one message of
 * the simple protocol (the compiled read path, schema/auth/row-security.ts: readAsViewer).
 */
export type PlaceholderStyle = 'positional' | 'inline';

/**
 * Collects the values while SQL is written, so that no value is ever spliced into the text
 * unescaped: it becomes a placeholder, or (inline) a literal of the driver's escaping, always
 * with its cast.
 */
export class SqlWriter {
  readonly values: unknown[] = [];
  private aliases = 0;

  constructor(readonly style: PlaceholderStyle) {}

  /** A placeholder (or literal) for `value`, with a cast when given (`?::uuid`, `'…'::uuid`). */
  param(value: unknown, cast?: string): string {
    let written = '?';
    if (this.style === 'inline') written = inlineLiteral(value);
    else this.values.push(value);
    return cast ? `${written}::${cast}` : written;
  }

  /** An array of `type` as one value: `array[?]::text[]` (knex spreads an array binding into a list) or `ARRAY['a']::text[]`. */
  array(values: readonly unknown[], type: string): string {
    if (this.style === 'inline') return `ARRAY[${values.map(inlineLiteral).join(', ')}]::${type}[]`;
    this.values.push(values);
    return `array[?]::${type}[]`;
  }

  /** A fresh table alias for a subquery (`r1`, `r2`…), unique within the statement. */
  alias(prefix = 'r'): string {
    this.aliases += 1;
    return `${prefix}${this.aliases}`;
  }
}

/** A string constant of our own code (an ordering's name, a GraphQL alias) as an SQL literal. */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * A value as an SQL literal: text through the driver's escaping, finite numbers, booleans,
 * moments as ISO 8601 text, null. Anything else is refused rather than guessed at.
 */
function inlineLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return escapeLiteral(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return escapeLiteral(value.toISOString());
  throw new TypeError(`No SQL literal for a value of type ${typeof value}`);
}

/**
 * A timestamptz as text, the way JavaScript's `toISOString` and graphql-scalars' DateTime write a
 * Date: UTC, milliseconds (truncated, as `pg` reads them), `Z`; whatever the session's time zone.
 */
export function isoMomentSql(timestamptz: string): string {
  return `to_char(${timestamptz} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
