import type { EntityMetadata } from '@mikro-orm/core';
import type { GraphQLSchema, GraphQLObjectType } from 'graphql';
import { entityReadType } from '../read/entity-fields';
import { pageBounds } from '../read/page';
import { refuseAsOf, type FieldContext, type FieldWriter, type ReadType } from '../read/read-compiler';
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
    owner: (f) => f.related('operator', `${f.row}.owner_id`),
    scene: (f) => f.related('scene', `${f.row}.scene_id`),
    agreement: (f) => f.related('agreement', `${f.row}.agreement_id`),
    operators: (f) => {
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
  interventions: (f) => {
    refuseAsOf(f);
    return interventionConnectionSql(f, undefined, false);
  },
  intervention: (f) => {
    refuseAsOf(f);
    f.checks.push(`exists (select 1 from intervention where id = ${f.w.param(f.args.id, 'uuid')})`);
    return f.related('intervention', f.w.param(f.args.id, 'uuid'));
  },
};

/**
 * A connection of interventions with the field's arguments (filter, orderBy, page), tied to a
 * parent row by `tie` (none for the top-level list); `nested` lists page forward only.
 */
export function interventionConnectionSql(
  f: FieldContext,
  tie: ((alias: string, w: SqlWriter) => string) | undefined,
  nested = true,
): string {
  const filter = f.args.filter;
  const spatial = foldedSpatialInputs(filter?.spatial, f.w, f.checks);
  const orderBy = (f.args.orderBy as InterventionOrderBy) ?? InterventionOrderBy.STARTS_AT_DESC;
  const source = interventionListSource(filter, orderBy, spatial, tie);
  return f.connection(source, pageBounds(f.args, source.ordering, nested));
}
