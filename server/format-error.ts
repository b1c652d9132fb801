import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  CheckConstraintViolationException,
  DriverException,
  ForeignKeyConstraintViolationException,
  NotNullConstraintViolationException,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { GraphQLFormattedError } from 'graphql';
import { ApiError, ErrorCode } from '../schema/shared/errors';

/** Codes GraphQL itself and Apollo give to request errors; they describe the request, so they pass through. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Our errors pass as they are; database errors caused by the input become the contract's codes;
 * everything else is masked as INTERNAL_SERVER_ERROR with an id that is also logged.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ApiError) return formatted;
  const constraint = fromDatabaseError(original);
  if (constraint) return { ...formatted, message: constraint.message, extensions: { code: constraint.code } };
  const code = formatted.extensions?.code;
  // Request errors (parse, validation, variable coercion) have no path; resolver errors always do.
  if (!formatted.path && typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) return formatted;
  const errorId = randomUUID();
  console.error(`[error ${errorId}]`, original);
  return {
    message: `Internal server error; quote error id ${errorId} when reporting it`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, errorId },
  };
}

/**
 * The one place that maps PostgreSQL errors caused by the input to client codes: constraint
 * violations (23505, 23503, 23514, 23502) and values of the wrong type (22P02, e.g. an id that is
 * not a UUID). Null for anything else, which is then masked. Messages never carry the SQL.
 */
export function fromDatabaseError(error: unknown): { code: ErrorCode; message: string } | null {
  if (error instanceof DriverException && error.code === '22P02') {
    const [, type, value] = /invalid input syntax for type (\w+): (".*")$/.exec(error.message) ?? [];
    return { code: ErrorCode.BAD_USER_INPUT, message: type ? `Expected a ${type}, got ${value}` : 'A value is not of the expected type' };
  }
  if (error instanceof UniqueConstraintViolationException) return { code: ErrorCode.CONFLICT, message: `Already exists: ${detail(error)}` };
  if (error instanceof OptimisticLockError)
    return { code: ErrorCode.CONFLICT, message: 'Changed by someone else meanwhile; reload and try again' };
  if (error instanceof ForeignKeyConstraintViolationException)
    return { code: ErrorCode.BAD_USER_INPUT, message: `Refers to something that does not exist or is still referred to: ${detail(error)}` };
  if (error instanceof CheckConstraintViolationException || error instanceof NotNullConstraintViolationException) {
    return { code: ErrorCode.BAD_USER_INPUT, message: `Violates a rule of the data model: ${detail(error)}` };
  }
  return null;
}

function detail(error: Error & { detail?: string; constraint?: string }): string {
  return error.detail ?? error.constraint ?? 'constraint violated';
}
