import { registerEnumType } from 'type-graphql';

/** The `role` claim of a token. */
export enum Role {
  ADMIN = 'ADMIN',
  EDITOR = 'EDITOR',
  ANALYST = 'ANALYST',
  VIEWER = 'VIEWER',
}

registerEnumType(Role, { name: 'Role' });

/** Who is calling: the verified claims of the bearer token. */
export interface Viewer {
  subject: string;
  operatorId: string;
  role: Role;
  /** When the token expires (its `exp`); a WebSocket opened with it is closed then. */
  expiresAt?: Date;
}

/**
 * What decides which rows a viewer may see: its role and its operator, never the individual
 * user. Viewers with the same key get the same answer, so live subscriptions share one execution.
 */
export function visibilityKey(viewer: Viewer | null): string {
  return viewer ? `${viewer.role}:${viewer.operatorId}` : 'anonymous';
}
