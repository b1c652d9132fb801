import type { EntityMetadata } from '@mikro-orm/core';
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { interventionConnectionSql } from '../intervention/intervention.read';
import { entityReadType } from '../read/entity-fields';
import { pageBounds } from '../read/page';
import type { FieldWriter, ReadType } from '../read/read-compiler';
import { OperatorOrderBy, type OperatorFilter } from './operator.inputs';
import { operatorListSource } from './operator.repository';

/** Operators on the compiled read path (schema/read/); the agreements they are party to are left to their resolver. */
export function operatorReadType(schema: GraphQLSchema, meta: EntityMetadata): ReadType {
  return entityReadType(meta, schema.getType('Operator') as GraphQLObjectType, {
    parent: (f) => f.related('operator', `${f.row}.parent_id`),
    children: (f) => {
      const o = f.w.alias('o');
      const joins = f.scope(o);
      const object = f.object(o);
      return `coalesce((select json_agg(${object} order by ${o}.name, ${o}.id) from operator ${o} ${joins()} where ${o}.parent_id = ${f.row}.id), '[]'::json)`;
    },
    interventions: (f) =>
      interventionConnectionSql(
        f,
        (alias) =>
          `(${alias}.owner_id = ${f.row}.id or exists (select 1 from intervention_operator io where io.intervention_id = ${alias}.id and io.operator_id = ${f.row}.id))`,
      ),
  });
}

/** The root fields `operators` and `operator(id)`. */
export const OPERATOR_ROOTS: Record<string, FieldWriter> = {
  operators: (f) => {
    const filter: OperatorFilter | undefined = f.args.filter;
    const source = operatorListSource(filter, (f.args.orderBy as OperatorOrderBy) ?? OperatorOrderBy.NAME_ASC);
    return f.connection(source, pageBounds(f.args, source.ordering));
  },
  operator: (f) => {
    f.checks.push(`exists (select 1 from operator where id = ${f.w.param(f.args.id, 'uuid')})`);
    return f.related('operator', f.w.param(f.args.id, 'uuid'));
  },
};
