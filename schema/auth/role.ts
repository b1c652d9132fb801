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
}
