import { AsyncLocalStorage } from 'node:async_hooks';
import { ChangeSetType, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { Context } from '../shared/context';

/** One entity written by a mutation, as the ORM flushed it. */
interface AuditedChange {
  key: string;
  id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The changes of the mutation running in this async context. */
const currentMutation = new AsyncLocalStorage<AuditedChange[]>();

/**
 * Sees every ORM flush and, inside a mutation, notes what it creates, updates and deletes: the
 * entity, its id, and for updates the changed fields before and after.
 */
export class AuditChangeCollector implements EventSubscriber {
  onFlush({ uow }: FlushEventArgs): void {
    const changes = currentMutation.getStore();
    if (!changes) return;
    for (const changeSet of uow.getChangeSets()) {
      const id = primaryKeyText(changeSet.getPrimaryKey());
      const key = `${changeSet.name}:${id}`;
      const payload = plain(changeSet.payload);
      if (changeSet.type === ChangeSetType.CREATE) changes.push({ key, id, before: null, after: payload });
      if (changeSet.type === ChangeSetType.DELETE) changes.push({ key, id, before: plain(changeSet.originalEntity ?? {}), after: null });
      if (changeSet.type === ChangeSetType.UPDATE) {
        const original = (changeSet.originalEntity ?? {}) as Record<string, unknown>;
        const before = Object.fromEntries(Object.keys(payload).map((field) => [field, original[field] ?? null]));
        changes.push({ key, id, before: plain(before), after: payload });
      }
    }
  }
}

/**
 * Notes a write the ORM does not flush (a table written in SQL, e.g. watch areas) for the audit
 * entry of the mutation running now; outside a mutation it does nothing.
 */
export function noteWrite(entity: string, id: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): void {
  currentMutation.getStore()?.push({ key: `${entity}:${id}`, id, before, after });
}

/**
 * Wraps every Mutation field's resolver so that it appends one `audit_entry` row per successful
 * mutation, in the mutation's own transaction (so the record and the change commit or vanish
 * together): who (subject, operator, role), the operation, the ids it touched, and the values
 * before and after, keyed "Entity:id". Only mutation fields are wrapped: reads pay nothing.
 */
export function auditMutations(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context: Context, info) => {
      if (!context.viewer) return resolve(source, args, context, info);
      const changes: AuditedChange[] = [];
      const result = await currentMutation.run(changes, () => resolve(source, args, context, info));
      await appendAuditEntry(context, info.fieldName, changes);
      return result;
    };
  }
  return schema;
}

async function appendAuditEntry(context: Context, operation: string, changes: AuditedChange[]): Promise<void> {
  const { subject, operatorId, role } = context.viewer!;
  const ids = [...new Set(changes.map((change) => change.id))];
  const before = Object.fromEntries(changes.filter((c) => c.before).map((c) => [c.key, c.before]));
  const after = Object.fromEntries(changes.filter((c) => c.after).map((c) => [c.key, c.after]));
  await context.em.execute(
    `insert into audit_entry (subject, operator_id, role, operation, entity_ids, before, after, request_id) values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)`,
    [subject, operatorId, role, operation, JSON.stringify(ids), JSON.stringify(before), JSON.stringify(after), context.requestId],
  );
}

// Private:

function primaryKeyText(key: unknown): string {
  if (Array.isArray(key)) return key.map(primaryKeyText).join(':');
  if (key && typeof key === 'object') return Object.values(key).map(primaryKeyText).join(':');
  return String(key);
}

/** JSON-safe copy: dates as ISO strings, references as their ids. */
function plain(value: object): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(value, (_key, field) => (field && typeof field === 'object' && 'id' in field && '__helper' in field ? field.id : field)),
  );
}
