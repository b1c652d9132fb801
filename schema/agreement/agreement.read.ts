import type { EntityMetadata } from '@mikro-orm/core';
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { interventionConnectionSql } from '../intervention/intervention.read';
import { entityReadType } from '../read/entity-fields';
import type { ReadType } from '../read/read-compiler';
import { Crs } from '../../db/spatial/crs';
import { geometryJsonSql, perimeterSql } from '../../db/spatial/geometry-sql';
import { stockholmDay } from './agreement.service';

/**
 * Agreements on the compiled read path (schema/read/): their own columns, area and its
 * measures, whether in force, their interventions. Parties, scenes and commitments are left to
 * their resolvers.
 */
export function agreementReadType(schema: GraphQLSchema, meta: EntityMetadata): ReadType {
  return entityReadType(meta, schema.getType('Agreement') as GraphQLObjectType, {
    area: (f) => geometryJsonSql(`${f.row}.area`, 'self', f.args.crs ?? Crs.EPSG_4326),
    centroid: (f) => geometryJsonSql(`${f.row}.area`, 'centroid', f.args.crs ?? Crs.EPSG_4326),
    perimeterMeters: (f) => perimeterSql(`${f.row}.area`),
    // Validity periods are Swedish calendar days: the day is taken in Stockholm, as isActiveAt does.
    isActive: (f) => {
      const day = f.w.param(stockholmDay(f.args.at ?? new Date()), 'date');
      return `(${f.row}.valid_from <= ${day} and (${f.row}.valid_to is null or ${day} <= ${f.row}.valid_to))`;
    },
    interventions: (f) => interventionConnectionSql(f, (alias) => `${alias}.agreement_id = ${f.row}.id`),
  });
}
