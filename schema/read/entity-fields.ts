import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import { getNamedType, isListType, isNonNullType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import type { FieldWriter, ReadType } from './read-compiler';
import { isoMomentSql } from '../../db/sql-writer';

/**
 * A read type for an entity's GraphQL type: each field without arguments that is one of the
 * entity's scalar columns is written from its column, in the form its GraphQL scalar serialises
 * to (DateTime as `toISOString` does, LocalDate as YYYY-MM-DD, an ID as text); `own` writes the
 * rest (relations, geometries, lists). Fields neither covers are not compiled.
 */
export function entityReadType(meta: EntityMetadata, type: GraphQLObjectType, own: Record<string, FieldWriter>): ReadType {
  const fields: Record<string, FieldWriter> = { ...own };
  for (const [name, field] of Object.entries(type.getFields())) {
    if (fields[name] || field.args.length) continue;
    const property = meta.properties[name as keyof typeof meta.properties] as EntityProperty | undefined;
    if (!property || property.kind !== 'scalar' || property.fieldNames.length !== 1) continue;
    if (property.columnTypes?.[0]?.startsWith('geometry')) continue; // converted by PostGIS, in the CRS asked for: written by hand
    const column = property.fieldNames[0]!;
    fields[name] = (f) => scalarJsonSql(`${f.row}."${column}"`, field);
  }
  return { name: type.name, fields };
}

/** A column as the JSON its field's GraphQL scalar serialises to. */
export function scalarJsonSql(column: string, field: GraphQLField<unknown, unknown>): string {
  const unwrapped = isNonNullType(field.type) ? field.type.ofType : field.type;
  if (isListType(unwrapped)) return column;
  switch (getNamedType(field.type).name) {
    case 'DateTime':
      return isoMomentSql(column);
    case 'LocalDate':
      return `to_char(${column}, 'YYYY-MM-DD')`;
    case 'ID':
      return `${column}::text`;
    default:
      return column;
  }
}
