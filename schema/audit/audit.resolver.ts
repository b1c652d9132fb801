import { Args, Ctx, Field, ID, InputType, Query, Resolver, Arg } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { ADMINS, requireRole } from '../auth/auth.guard';
import type { Context } from '../shared/context';
import { createConnectionType, PageArgs, paginate } from '../shared/pagination';
import { AuditEntry } from './audit-entry.entity';

@InputType({ description: 'Which audit entries; all given conditions must hold' })
export class AuditLogFilter {
  @Field(() => ID, { nullable: true, description: 'Made by a caller of this operator' }) operatorId?: string;
  @Field({ nullable: true, description: 'The token subject' }) subject?: string;
  @Field(() => [String], { nullable: true, description: 'Mutation names, e.g. updateIntervention' }) operation?: string[];
  @Field(() => ID, { nullable: true, description: 'Touched this entity' }) entityId?: string;
  @Field(() => Date, { nullable: true }) from?: Date;
  @Field(() => Date, { nullable: true }) to?: Date;
}

const AuditEntryConnection = createConnectionType(AuditEntry, 'AuditEntry');

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first (ADMIN)' })
  auditLog(
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    requireRole(ctx, ADMINS, 'auditLog');
    const where: FilterQuery<AuditEntry> = {};
    if (filter?.operatorId) where.operatorId = filter.operatorId;
    if (filter?.subject) where.subject = filter.subject;
    if (filter?.operation?.length) where.operation = { $in: filter.operation };
    if (filter?.entityId) where.entityIds = { $contains: [filter.entityId] } as never;
    if (filter?.from || filter?.to) where.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) };
    return paginate(ctx.em, AuditEntry, where, { key: 'NEWEST_FIRST', orderBy: { id: 'desc' } }, page);
  }
}
