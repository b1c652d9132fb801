import { BadUserInputError } from './errors';

/**
 * A trimmed, non-empty string of at most `max` characters.
 * @throws BadUserInputError naming the field, the limit and what was got
 */
export function requireText(value: string, field: string, max = 200): string {
  const text = value.trim();
  if (text === '') throw new BadUserInputError(`${field} must not be empty`, field);
  if (text.length > max) throw new BadUserInputError(`${field} must be at most ${max} characters, got ${text.length}`, field);
  return text;
}

/** Like {@link requireText}, but null, undefined and blank become null. */
export function optionalText(value: string | null | undefined, field: string, max = 4000): string | null {
  if (value == null || value.trim() === '') return null;
  return requireText(value, field, max);
}

/** A list of short tags, trimmed, de-duplicated, each at most 100 characters, at most 50 of them. */
export function tagList(values: readonly string[] | null | undefined, field: string): string[] {
  const tags = [...new Set((values ?? []).map((v) => requireText(v, field, 100)))];
  if (tags.length > 50) throw new BadUserInputError(`${field} takes at most 50 entries, got ${tags.length}`, field);
  return tags;
}

/** An ISO calendar date (YYYY-MM-DD) that exists, from year 0001 (PostgreSQL has no year 0). */
export function requireDate(value: string, field: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value || match![1] === '0000') {
    throw new BadUserInputError(`${field} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`, field);
  }
  return value;
}

/** Throws unless `from <= to` (both optional). */
export function requireOrder<T extends string | Date>(
  from: T | null | undefined,
  to: T | null | undefined,
  fields: [string, string],
): void {
  if (from != null && to != null && to < from) {
    throw new BadUserInputError(`${fields[1]} (${String(to instanceof Date ? to.toISOString() : to)}) is before ${fields[0]}`, fields[1]);
  }
}

/**
 * The moments the API accepts: years 0001 to 9999 in UTC, as RFC 3339 writes them. PostgreSQL
 * refuses year 0 and JavaScript would write later years with six digits, so anything outside
 * is refused here, before any SQL.
 */
export const EARLIEST_INSTANT = new Date('0001-01-01T00:00:00.000Z');
export const LATEST_INSTANT = new Date('9999-12-31T23:59:59.999Z');

/** `date` itself, when it is a real moment between EARLIEST_INSTANT and LATEST_INSTANT. */
export function requireInstant(date: Date, field: string): Date {
  if (Number.isNaN(date.getTime())) throw new BadUserInputError(`${field} must be an RFC 3339 date-time`, field);
  if (date < EARLIEST_INSTANT || date > LATEST_INSTANT) {
    throw new BadUserInputError(
      `${field} must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, got ${date.toISOString()}`,
      field,
    );
  }
  return date;
}

/** An RFC 3339 date-time given as text (a route's query parameter), within the accepted range. */
export function parseInstant(text: string, field: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?$/.test(text)) {
    throw new BadUserInputError(`${field} must be an RFC 3339 date-time such as 2024-05-01T18:00:00Z, got ${JSON.stringify(text)}`, field);
  }
  return requireInstant(new Date(text), field);
}

/** A whole number written in decimal digits, between `min` and `max` (safe integers only). */
export function parseWholeNumber(text: string, field: string, min: number, max: number): number {
  const value = /^-?\d{1,16}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`${field} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`, field);
  }
  return value;
}

/**
 * `key` when it names one of `record`'s own entries. An allow-list check: `key in record` would
 * also accept "constructor", "toString" or "__proto__".
 */
export function ownKey<T extends object>(record: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(record, key);
}
