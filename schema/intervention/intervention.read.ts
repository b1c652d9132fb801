import type { EntityMetadata } from '@mikro-orm/core';
import type { GraphQLSchema, GraphQLObjectType } from 'graphql';
import { entityReadType } from '../read/entity-fields';
import { pageBounds } from '../read/page';
import { readAt, refuseUnderAsOf, type FieldContext, type FieldWriter, type ReadType } from '../read/read-compiler';
import type { AsOf } from '../shared/as-of';
import { interventionsAsOfSql } from './intervention-versions';
import type { SqlWriter } from '../../db/sql-writer';
import { Crs } from '../../db/spatial/crs';
import { geometryJsonSql } from '../../db/spatial/geometry-sql';
import { foldedSpatialInputs } from '../spatial/spatial-filter';
import { InterventionOrderBy } from './intervention.inputs';
import { interventionListSource } from './intervention.repository';

/**
 * Interventions on the compiled read path (schema/read/). Row security decides in the database,
 * as on every path, which interventions the caller sees; `sharedWith` (for the owner's eyes) is
 * left to its resolver.
 */
export function interventionReadType(schema: GraphQLSchema, meta: EntityMetadata): ReadType {
  return entityReadType(meta, schema.getType('Intervention') as GraphQLObjectType, {
    location: (f) => geometryJsonSql(`${f.row}.location`, 'self', f.args.crs ?? Crs.EPSG_4326),
    // operators are not versioned, and an intervention keeps its owner
    owner: (f) => f.related('operator', `${f.row}.owner_id`),
    scene: (f) => {
      refuseUnderAsOf(f);
      return f.related('scene', `${f.row}.scene_id`);
    },
    agreement: (f) => {
      refuseUnderAsOf(f);
      return f.related('agreement', `${f.row}.agreement_id`);
    },
    operators: (f) => {
      refuseUnderAsOf(f);
      const o = f.w.alias('o');
      const joins = f.scope(o);
      const object = f.object(o);
      return `coalesce((select json_agg(${object} order by ${o}.name, ${o}.id)
                          from intervention_operator io join operator ${o} on ${o}.id = io.operator_id ${joins()}
                         where io.intervention_id = ${f.row}.id), '[]'::json)`;
    },
  });
}

/** The root fields `interventions` and `intervention(id)`. */
export const INTERVENTION_ROOTS: Record<string, FieldWriter> = {
  interventions: (f) => interventionConnectionSql(f, undefined, false, readAt(f)),
  intervention: (f) => {
    const asOf = readAt(f);
    const table = asOf ? interventionsAsOfSql(asOf) : 'intervention';
    f.checks.push(`exists (select 1 from ${table} i where i.id = ${f.w.param(f.args.id, 'uuid')})`);
    return f.related(table, f.w.param(f.args.id, 'uuid'), asOf);
  },
};

/**
 * A connection of interventions with the field's arguments (filter, orderBy, page), tied to a
 * parent row by `tie` (none for the top-level list); `nested` lists page forward only; with
 * `asOf`, as they stood then (the versions the caller may see).
 */
export function interventionConnectionSql(
  f: FieldContext,
  tie: ((alias: string, w: SqlWriter) => string) | undefined,
  nested = true,
  asOf?: AsOf,
): string {
  const filter = f.args.filter;
  const spatial = foldedSpatialInputs(filter?.spatial, f.w, f.checks);
  const orderBy = (f.args.orderBy as InterventionOrderBy) ?? InterventionOrderBy.STARTS_AT_DESC;
  const source = { ...interventionListSource(filter, orderBy, spatial, tie, asOf), asOf };
  return f.connection(source, pageBounds(f.args, source.ordering, nested));
}
