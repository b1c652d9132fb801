import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { ErrorCode } from '../../schema/shared/errors';

/**
 * What every request passes before any route: a URL that decodes, with no NUL character in it
 * (PostgreSQL text cannot hold one). 400 with a JSON error otherwise.
 */
export function refuseBadUrls(): RequestHandler {
  return (req, res, next) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(req.originalUrl.replace(/\+/g, ' '));
    } catch {
      sendRequestError(req, res, 400, 'The URL is not validly percent-encoded UTF-8');
      return;
    }
    if (decoded.includes('\0')) {
      sendRequestError(req, res, 400, 'The URL must not contain the NUL character (%00)');
      return;
    }
    next();
  };
}

/** 404 as JSON for a path no route serves. */
export function notFound(): RequestHandler {
  return (req, res) => sendRequestError(req, res, 404, `Nothing is served at ${req.method} ${req.path}`, ErrorCode.NOT_FOUND);
}

/**
 * The last handler: errors that reach express itself (a body that is not JSON, too large, in an
 * unsupported encoding or charset) become JSON with their 4xx status, in every mode, never an
 * HTML page with a stack trace; anything else is masked as a 500 with a logged error id.
 */
export function jsonErrors(): ErrorRequestHandler {
  return (error: { status?: number; statusCode?: number; type?: string; message?: string; expose?: boolean }, req, res, _next) => {
    const status = error.status ?? error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // http-errors marks 4xx messages as safe to show (`expose`); they describe the request.
      const told =
        REQUEST_ERROR_MESSAGES[error.type ?? ''] ??
        (error.expose && error.message ? `The request cannot be read: ${error.message}` : undefined);
      sendRequestError(req, res, status, told ?? 'The request cannot be read');
      return;
    }
    const errorId = randomUUID();
    console.error(`[error ${errorId}]`, error);
    sendRequestError(req, res, 500, `Internal server error; quote error id ${errorId} when reporting it`, ErrorCode.INTERNAL_SERVER_ERROR, {
      errorId,
    });
  };
}

// Private:

/** body-parser's error types, as a client should read them. */
const REQUEST_ERROR_MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON',
  'entity.too.large': 'The request body is larger than the server accepts',
  'encoding.unsupported': 'The request body has a content encoding the server does not accept (use identity, gzip or deflate)',
  'charset.unsupported': 'The request body has a charset the server does not accept (use UTF-8)',
  'request.aborted': 'The request was aborted',
  'request.size.invalid': 'The request body does not match its Content-Length',
};

/** GraphQL clients read `errors` (graphql-over-HTTP); the data routes answer `{ code, message }`. */
function sendRequestError(
  req: Request,
  res: Response,
  status: number,
  message: string,
  code: ErrorCode = ErrorCode.BAD_USER_INPUT,
  extra: Record<string, unknown> = {},
): void {
  if (res.headersSent) return;
  if (req.path.startsWith('/graphql')) res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
  else res.status(status).json({ code, message, ...extra });
}
