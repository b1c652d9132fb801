import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { TokenVerifier } from '../schema/auth/token.service';
import type { Viewer } from '../schema/auth/role';
import type { Context } from '../schema/shared/context';
import { UnauthenticatedError } from '../schema/shared/errors';
import { createLoaders, type Loaders } from '../schema/shared/loaders';
import type { LiveLogs } from './live/live-logs';

export interface ContextFactoryOptions {
  orm: MikroORM;
  verifyToken: TokenVerifier;
  live: Pick<LiveLogs, 'status' | 'changes' | 'watchAlerts' | 'wake'>;
}

/** Builds contexts: the caller from an `Authorization` value, and one context per operation. */
export interface ContextFactory {
  /**
   * The verified caller of an `Authorization` value ("Bearer <jwt>"); null when there is none.
   * A value that is present but invalid throws UNAUTHENTICATED.
   */
  authenticate(authorization: string | undefined): Promise<Viewer | null>;
  /** A context for one HTTP request or WebSocket operation: a fresh entity-manager fork and fresh DataLoaders (made on first use). */
  contextFor(viewer: Viewer | null, admission?: Promise<void>, compiledReadTried?: boolean): Context;
}

export function createContextFactory({ orm, verifyToken, live }: ContextFactoryOptions): ContextFactory {
  return {
    async authenticate(authorization) {
      if (!authorization) return null;
      const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
      return verifyToken(match[1]!);
    },
    contextFor(viewer, admission, compiledReadTried = false) {
      // Made on first use: a query answered by the compiled read path needs neither.
      let em: EntityManager | undefined;
      let loaders: Loaders | undefined;
      return {
        get em() {
          return (em ??= orm.em.fork());
        },
        get loaders() {
          return (loaders ??= createLoaders(this.em));
        },
        viewer,
        requestId: randomUUID(),
        events: live.status,
        changes: live.changes,
        watchAlerts: live.watchAlerts,
        wakeLive: () => live.wake(),
        admission,
        compiledReadTried,
      };
    },
  };
}
