import peggy from 'peggy';
import { BadUserInputError } from '../../../../schema/shared/errors';
import type { Cql2Expression } from '../../../../db/spatial/cql2-sql';
import { CQL2_TEXT_GRAMMAR } from './cql2-text.grammar';

/** The filter languages OGC API - Features Part 3 names, as `filter-lang` takes them. */
export type FilterLang = 'cql2-text' | 'cql2-json';

/** Longest filter accepted, in characters. */
const MAX_FILTER_LENGTH = 20_000;

let textParser: peggy.Parser | null = null;

/**
 * A `filter` parameter in its CQL2 JSON form, from CQL2 text (parsed by the grammar) or CQL2 JSON.
 * Its meaning (properties, operators, operand types) is checked where it becomes SQL.
 * @throws BadUserInputError naming `filter` and, for text, the column where it went wrong and what was expected there
 */
export function parseFilter(filter: string, lang: FilterLang): Cql2Expression {
  if (filter.length > MAX_FILTER_LENGTH) throw new BadUserInputError(`filter is longer than ${MAX_FILTER_LENGTH} characters`, 'filter');
  if (lang === 'cql2-json') {
    try {
      return JSON.parse(filter) as Cql2Expression;
    } catch (error) {
      throw new BadUserInputError(`filter is not JSON (filter-lang=cql2-json): ${(error as Error).message}`, 'filter');
    }
  }
  textParser ??= peggy.generate(CQL2_TEXT_GRAMMAR);
  try {
    return textParser.parse(filter) as Cql2Expression;
  } catch (error) {
    if (!(error instanceof textParser.SyntaxError)) throw error;
    const { start } = error.location;
    const found = error.found === null ? 'the end of the filter' : JSON.stringify(error.found);
    const expected = describeExpected(error.expected ?? []);
    throw new BadUserInputError(`filter (cql2-text) at column ${start.column}: expected ${expected}, found ${found}`, 'filter');
  }
}

/** The parser's expectations, shortest first, at most eight. */
function describeExpected(expected: ReadonlyArray<{ type: string; description?: string; text?: string }>): string {
  const names = [...new Set(expected.map((e) => (e.type === 'literal' ? JSON.stringify(e.text) : (e.description ?? e.type))))];
  names.sort((a, b) => a.length - b.length);
  return names.length > 8 ? `${names.slice(0, 8).join(', ')}…` : names.join(', ') || 'something else';
}
