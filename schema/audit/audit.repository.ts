import { EntityRepository } from '@mikro-orm/postgresql';
import type { SqlWriter } from '../../db/sql-writer';
import type { Ordering } from '../read/ordering';
import { paginate, type ConnectionResult, type PageArgs } from '../shared/pagination';
import type { AuditEntry } from './audit-entry.entity';
import type { AuditLogFilter } from './audit.inputs';

/** The SQL of the audit trail (append-only: it is only ever read here). */
export class AuditRepository extends EntityRepository<AuditEntry> {
  /** A page of the entries matching `filter`, newest first, counted only when `count`. */
  findPage(filter: AuditLogFilter | undefined, page: PageArgs, count: boolean): Promise<ConnectionResult<AuditEntry>> {
    const source = {
      table: 'audit_entry',
      conditions: (alias: string, w: SqlWriter) => auditConditionsSql(filter, alias, w),
      ordering: NEWEST_FIRST,
    };
    return paginate(this.em, source, page, count, async (ids) => {
      const entries = await this.find({ id: { $in: [...ids] } });
      const byId = new Map(entries.map((entry) => [String(entry.id), entry]));
      return ids.map((id) => byId.get(String(id)) ?? null);
    });
  }
}

// Private:

/** The audit trail is read newest first: by its sequence number. */
const NEWEST_FIRST: Ordering = { key: 'NEWEST_FIRST', columns: [{ column: 'id', direction: 'desc', type: 'bigint' }] };

function auditConditionsSql(filter: AuditLogFilter | undefined, alias: string, w: SqlWriter): string[] {
  const conditions: string[] = [];
  if (filter?.operatorId) conditions.push(`${alias}.operator_id = ${w.param(filter.operatorId, 'uuid')}`);
  if (filter?.subject) conditions.push(`${alias}.subject = ${w.param(filter.subject, 'text')}`);
  if (filter?.operation?.length) conditions.push(`${alias}.operation = any(${w.array(filter.operation, 'text')})`);
  if (filter?.entityId) conditions.push(`${alias}.entity_ids @> ${w.param(JSON.stringify([filter.entityId]), 'jsonb')}`);
  if (filter?.from) conditions.push(`${alias}.at >= ${w.param(filter.from, 'timestamptz')}`);
  if (filter?.to) conditions.push(`${alias}.at <= ${w.param(filter.to, 'timestamptz')}`);
  return conditions;
}
