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

/** An ISO calendar date (YYYY-MM-DD) that exists. */
export function requireDate(value: string, field: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
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
