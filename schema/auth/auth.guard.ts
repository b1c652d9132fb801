import { ForbiddenError, UnauthenticatedError } from '../shared/errors';
import type { Context } from '../shared/context';
import { Role, type Viewer } from './role';

/** The caller, or UNAUTHENTICATED. */
export function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) throw new UnauthenticatedError();
  return ctx.viewer;
}

/** The caller if it has one of `roles`, else FORBIDDEN naming what was needed. */
export function requireRole(ctx: Context, roles: readonly Role[], action: string): Viewer {
  const viewer = requireViewer(ctx);
  if (!roles.includes(viewer.role)) {
    throw new ForbiddenError(`${action} needs role ${roles.join(' or ')}; the token has ${viewer.role}`);
  }
  return viewer;
}

export const WRITERS: readonly Role[] = [Role.ADMIN, Role.EDITOR];
export const ADMINS: readonly Role[] = [Role.ADMIN];

/**
 * FORBIDDEN for a VIEWER token, which sees scenes only (GraphQL enforces the same in
 * viewer-scope.middleware.ts); the data routes call it for everything that is not a scene.
 */
export function requireBeyondScenes(viewer: Viewer, what: string): void {
  if (viewer.role === Role.VIEWER) throw new ForbiddenError(`${what}: a VIEWER token sees scenes only`);
}
