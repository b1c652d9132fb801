import { ApiError } from './api.error';
import { ErrorCode } from './error-code';

export { ApiError } from './api.error';
export { ErrorCode } from './error-code';

export class UnauthenticatedError extends ApiError {
  constructor(message = 'Authentication required: send "Authorization: Bearer <token>"') {
    // `http` sets the response status when the error fails the whole request (Apollo strips it from the body).
    super(message, ErrorCode.UNAUTHENTICATED, { http: { status: 401 } });
  }
}

export class ForbiddenError extends ApiError {
  constructor(message: string) {
    super(message, ErrorCode.FORBIDDEN);
  }
}

export class BadUserInputError extends ApiError {
  constructor(message: string, field?: string) {
    super(message, ErrorCode.BAD_USER_INPUT, field ? { field } : {});
  }
}

/**
 * BAD_USER_INPUT for a request refused as a whole before it runs (a subscription sent over
 * HTTP, a NUL character in a variable): HTTP status 400, as for a malformed request.
 */
export class InvalidRequestError extends ApiError {
  constructor(message: string, field?: string) {
    super(message, ErrorCode.BAD_USER_INPUT, { http: { status: 400 }, ...(field ? { field } : {}) });
  }
}

export class InvalidGeometryError extends ApiError {
  constructor(message: string, field?: string) {
    super(message, ErrorCode.INVALID_GEOMETRY, field ? { field } : {});
  }
}

export class NotFoundError extends ApiError {
  constructor(entity: string, id: string) {
    super(`${entity} ${id} was not found`, ErrorCode.NOT_FOUND, { entity, id });
  }
}

export class ConflictError extends ApiError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, ErrorCode.CONFLICT, extra);
  }
}

export class InvalidTransitionError extends ApiError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, ErrorCode.INVALID_TRANSITION, extra);
  }
}

export class QueryTooComplexError extends ApiError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    // Refused before it runs: the request is at fault, so HTTP 400 (Apollo strips `http` from the body).
    super(message, ErrorCode.QUERY_TOO_COMPLEX, { ...extra, http: { status: 400 } });
  }
}

export class RateLimitedError extends ApiError {
  /** @param retryAfterSeconds when the caller may try again (sent as `Retry-After` over HTTP) */
  constructor(message: string, retryAfterSeconds?: number) {
    super(message, ErrorCode.RATE_LIMITED, retryAfterSeconds === undefined ? {} : { retryAfterSeconds, http: { status: 429 } });
  }
}
