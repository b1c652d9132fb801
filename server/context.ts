import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { TokenVerifier } from '../schema/auth/token.service';
import type { Viewer } from '../schema/auth/role';
import type { Context } from '../schema/shared/context';
import { UnauthenticatedError } from '../schema/shared/errors';
import { createLoaders } from '../schema/shared/loaders';
import type { StatusEventHub } from '../schema/live/status-event.hub';

export interface ContextFactoryOptions {
  orm: MikroORM;
  verifyToken: TokenVerifier;
  events: StatusEventHub;
}

/**
 * One context per HTTP request or WebSocket operation: a fresh entity-manager fork, fresh
 * DataLoaders, and the caller from the `Authorization` value ("Bearer <jwt>"), if any.
 * A token that is present but invalid fails the request with UNAUTHENTICATED.
 */
/** Reads the bearer token of an Authorization value ("Bearer <jwt>"); null when absent. */
export { readViewer };

export function createContextFactory({ orm, verifyToken, events }: ContextFactoryOptions) {
  return async function createContext(authorization: string | undefined): Promise<Context> {
    const viewer = await readViewer(authorization, verifyToken);
    const em = orm.em.fork();
    return { em, viewer, loaders: createLoaders(em), requestId: randomUUID(), events };
  };
}

async function readViewer(authorization: string | undefined, verifyToken: TokenVerifier): Promise<Viewer | null> {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
  return verifyToken(match[1]!);
}
