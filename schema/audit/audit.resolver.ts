import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../shared/context';
import { selects } from '../shared/selection';
import { createConnectionType, PageArgs } from '../shared/pagination';
import { AuditEntry } from './audit-entry.entity';
import { AuditLogFilter } from './audit.inputs';
import { AuditService } from './audit.service';

const AuditEntryConnection = createConnectionType(AuditEntry, 'AuditEntry');

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first (ADMIN)' })
  auditLog(
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | undefined,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ) {
    return new AuditService(ctx).log(filter, page, selects(info, 'totalCount'));
  }
}
