import { ADMINS, requireRole } from '../auth/auth.guard';
import type { Context } from '../shared/context';
import type { PageArgs } from '../shared/pagination';
import { AuditEntry } from './audit-entry.entity';
import type { AuditLogFilter } from './audit.inputs';

/** The audit trail, as ADMINs read it (entries are written by audit-trail.ts, never here). */
export class AuditService {
  constructor(private readonly ctx: Context) {}

  /** A page of entries, newest first. @throws ForbiddenError unless ADMIN */
  log(filter: AuditLogFilter | undefined, page: PageArgs, count: boolean) {
    requireRole(this.ctx, ADMINS, 'auditLog');
    return this.ctx.em.getRepository(AuditEntry).findPage(filter, page, count);
  }
}
