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
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import pg from 'pg';
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
  if (original instanceof ApiError) return withoutHttp(formatted);
  const constraint = fromDatabaseError(original);
  if (constraint) return { ...formatted, message: constraint.message, extensions: { ...constraint.extensions, code: constraint.code } };
  const code = formatted.extensions?.code;
  // Request errors (parse, validation, variable coercion) have no path; resolver errors always do.
  if (!formatted.path && typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) return formatted;
  if (describesRequest(error)) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } };
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
 * graphql-js and Apollo report a request they cannot take (variables that do not coerce, over
 * the WebSocket too; a persisted-query extension of an unknown version or a wrong hash) with an
 * error that has no path and no code, and no cause but a GraphQL error. A fault of ours always
 * has a path or another cause.
 */
function describesRequest(error: unknown): boolean {
  // Apollo writes INTERNAL_SERVER_ERROR into the formatted copy of a code-less error: read the error itself.
  // graphql-js wraps a coercion failure's own GraphQLError as the cause: still the request's fault.
  const cause = error instanceof GraphQLError ? error.originalError : undefined;
  return error instanceof GraphQLError && !error.path && (!cause || cause instanceof GraphQLError) && error.extensions.code === undefined;
}

/** `extensions.http` sets the HTTP status (Apollo strips it); it is never part of the error itself. */
function withoutHttp(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('http' in formatted.extensions)) return formatted;
  const { http: _http, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/** SQLSTATE classes of values the database could not take: a fault of the input, never of ours. */
const BAD_VALUE_STATES: Record<string, string> = {
  '22P02': 'A value is not of the expected type',
  '22021': 'Text must not contain NUL characters or invalid UTF-8',
  '22007': 'A date or time is malformed',
  '22008': 'A date or time is outside the range the database accepts',
  '22003': 'A number is outside the range the database accepts',
};

/** SQLSTATE of the geometry tables' validity trigger (migration GeometryValidOnce): its DETAIL gives PostGIS's reason. */
const INVALID_GEOMETRY_STATE = 'GE001';
/** SQLSTATE of a version dated before the latest one (migration SceneVersions): its DETAIL says which. */
const BACKDATED_VERSION_STATE = 'GE002';

/**
 * The one place that maps PostgreSQL errors caused by the input to client codes: an invalid
 * geometry written (GE001, the one validity check of a write), constraint violations (23505,
 * 23503, 23514, 23502) and values the database could not take (22P02, e.g. an id that is not a
 * UUID; 22021, 22007, 22008, 22003). It reads errors from the ORM and from raw `pg` queries
 * alike. Null for anything else, which is then masked. Messages never carry the SQL. The API
 * validates input before SQL; this is the net under that.
 */
export function fromDatabaseError(error: unknown): { code: ErrorCode; message: string; extensions?: Record<string, unknown> } | null {
  const state = sqlStateOf(error);
  if (state === INVALID_GEOMETRY_STATE) {
    const { detail, column } = error as Error & { detail?: string; column?: string };
    return { code: ErrorCode.INVALID_GEOMETRY, message: detail ?? 'Invalid geometry', extensions: column ? { field: column } : {} };
  }
  if (state === BACKDATED_VERSION_STATE) {
    const { detail, column } = error as Error & { detail?: string; column?: string };
    return {
      code: ErrorCode.BAD_USER_INPUT,
      message: detail ?? 'Dated before the latest version',
      extensions: column ? { field: column } : {},
    };
  }
  if (state === '22P02') {
    const [, type, value] = /invalid input syntax for type (\w+): (".*")$/.exec((error as Error).message) ?? [];
    return { code: ErrorCode.BAD_USER_INPUT, message: type ? `Expected a ${type}, got ${value}` : BAD_VALUE_STATES[state]! };
  }
  if (state && Object.hasOwn(BAD_VALUE_STATES, state)) return { code: ErrorCode.BAD_USER_INPUT, message: BAD_VALUE_STATES[state]! };
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

// Private:

/** The SQLSTATE of a database error, from MikroORM's wrapper or from `pg` itself (query builders executed raw). */
function sqlStateOf(error: unknown): string | undefined {
  if (error instanceof DriverException || error instanceof pg.DatabaseError) return typeof error.code === 'string' ? error.code : undefined;
  return undefined;
}

function detail(error: Error & { detail?: string; constraint?: string }): string {
  return error.detail ?? error.constraint ?? 'constraint violated';
}
