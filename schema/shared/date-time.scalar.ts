import { GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { EARLIEST_INSTANT, LATEST_INSTANT } from './validation';

/**
 * graphql-scalars' DateTime, limited to the years 0001 to 9999 (UTC) that PostgreSQL and RFC 3339
 * share: "0000-01-01T00:00:00Z" or "9999-12-31T23:59:59-14:00" parse in JavaScript but fail in
 * the database. Out-of-range values are refused while variables are coerced (BAD_USER_INPUT).
 */
export const DateTimeScalar = new GraphQLScalarType<Date, Date | string>({
  ...DateTimeResolver.toConfig(),
  parseValue: (value) => inRange(DateTimeResolver.parseValue(value)),
  parseLiteral: (ast: ValueNode, variables) => inRange(DateTimeResolver.parseLiteral(ast, variables)),
});

/** graphql-scalars' LocalDate (YYYY-MM-DD), from year 0001: PostgreSQL has no year 0. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  ...LocalDateResolver.toConfig(),
  parseValue: (value) => fromYearOne(LocalDateResolver.parseValue(value)),
  parseLiteral: (ast: ValueNode, variables) => fromYearOne(LocalDateResolver.parseLiteral(ast, variables)),
});

// Private:

function inRange(date: Date): Date {
  if (date < EARLIEST_INSTANT || date > LATEST_INSTANT) {
    throw new GraphQLError(`DateTime must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, got ${date.toISOString()}`);
  }
  return date;
}

function fromYearOne(day: string): string {
  if (day.startsWith('0000')) throw new GraphQLError(`LocalDate must be 0001-01-01 or later, got ${day}`);
  return day;
}
