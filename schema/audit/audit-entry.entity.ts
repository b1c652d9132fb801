import { Entity, EntityRepositoryType, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../auth/role';
import { JSONObjectResolver } from 'graphql-scalars';
import { AuditRepository } from './audit.repository';

/**
 * One mutation, as the audit trail records it (table `audit_entry`). Append-only: a trigger
 * refuses UPDATE, DELETE and TRUNCATE for every role, and requests may only insert and read.
 */
@ObjectType({ description: 'One mutation in the audit trail: who, when, what, and the values before and after' })
@Entity({ tableName: 'audit_entry', repository: () => AuditRepository })
export class AuditEntry {
  [EntityRepositoryType]?: AuditRepository;

  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field()
  @Index()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  @Field({ description: 'The token subject (the user)' })
  @Property({ type: 'text' })
  subject: string;

  @Field(() => ID)
  @Index()
  @Property({ type: 'uuid' })
  operatorId: string;

  @Field(() => Role)
  @Property({ type: 'text' })
  role: Role;

  @Field({ description: 'The mutation, e.g. updateIntervention' })
  @Index()
  @Property({ type: 'text' })
  operation: string;

  @Field(() => [ID], { description: 'Ids of the entities the mutation changed' })
  @Index({ type: 'gin' })
  @Property({ type: 'jsonb' })
  entityIds: string[];

  @Field(() => JSONObjectResolver, { nullable: true })
  @Property({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null = null;

  @Field(() => JSONObjectResolver, { nullable: true })
  @Property({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null = null;

  @Field({ description: 'Correlation id of the request (also in the server log)' })
  @Property({ type: 'text' })
  requestId: string;

  constructor(init: Omit<AuditEntry, 'id' | 'at'>) {
    this.subject = init.subject;
    this.operatorId = init.operatorId;
    this.role = init.role;
    this.operation = init.operation;
    this.entityIds = init.entityIds;
    this.before = init.before;
    this.after = init.after;
    this.requestId = init.requestId;
  }
}
