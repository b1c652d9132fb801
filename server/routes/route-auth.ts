import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { NextFunction, Request, Response } from 'express';
import { beginAsViewer, endViewerTransaction } from '../../schema/auth/row-security';
import type { TokenVerifier } from '../../schema/auth/token.service';
import type { Viewer } from '../../schema/auth/role';
import { ApiError } from '../../schema/shared/errors';
import { fromDatabaseError } from '../format-error';

/**
 * Express middleware for the non-GraphQL data routes: the same bearer token as GraphQL
 * (`Authorization: Bearer <jwt>`), or `?access_token=<jwt>` for map libraries and GIS tools that
 * cannot set headers. 401 with a JSON error otherwise. The viewer lands in `res.locals.viewer`,
 * and an entity manager in the viewer's transaction (row security, as for GraphQL) in
 * `res.locals.em`, committed when the response is done: right for reads only. Requests for which
 * `withTransaction` says no (writes, which run through the GraphQL pipeline and commit before
 * they answer) get the viewer only. Default: every request gets the transaction.
 */
export function requireBearer(verifyToken: TokenVerifier, orm: MikroORM, withTransaction: (req: Request) => boolean = () => true) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = header ?? (typeof req.query.access_token === 'string' ? req.query.access_token : undefined);
    if (!token) {
      res.status(401).json({ code: 'UNAUTHENTICATED', message: 'Send "Authorization: Bearer <token>" or ?access_token=<token>' });
      return;
    }
    try {
      res.locals.viewer = (await verifyToken(token)) satisfies Viewer;
    } catch (error) {
      res.status(401).json({ code: 'UNAUTHENTICATED', message: (error as Error).message });
      return;
    }
    if (!withTransaction(req)) return next();
    const em = orm.em.fork();
    try {
      await beginAsViewer(em, res.locals.viewer as Viewer);
    } catch (error) {
      sendRouteError(res, error);
      return;
    }
    res.locals.em = em;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      endViewerTransaction(em).catch((error) => console.error('[route transaction]', error));
    };
    res.on('finish', end);
    res.on('close', end);
    next();
  };
}

/** The route's entity manager, in the caller's viewer transaction (see requireBearer). */
export function viewerEm(res: Response): EntityManager {
  return res.locals.em as EntityManager;
}

/** The verified caller of a data route. */
export function routeViewer(res: Response): Viewer {
  return res.locals.viewer as Viewer;
}

/** Sends an API error as JSON with a fitting HTTP status; anything else masked, with an error id that is also logged (as GraphQL does). */
export function sendRouteError(res: Response, error: unknown): void {
  if (error instanceof ApiError) {
    const code = String(error.extensions.code);
    res
      .status(code === 'NOT_FOUND' ? 404 : code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : 400)
      .json({ code, message: error.message });
    return;
  }
  const fromDatabase = fromDatabaseError(error);
  if (fromDatabase) {
    res.status(400).json(fromDatabase);
    return;
  }
  const errorId = randomUUID();
  console.error(`[error ${errorId}]`, error);
  res
    .status(500)
    .json({ code: 'INTERNAL_SERVER_ERROR', message: `Internal server error; quote error id ${errorId} when reporting it`, errorId });
}
