import {
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields';
import { cursorSql, orderBySql } from './ordering';
import { countSql, pageSql, type PageBounds, type PageSource } from './page';
import { literal, SqlWriter } from '../../db/sql-writer';
import { asOfFrom, checkNotFuture, type AsOf } from '../shared/as-of';

/**
 * The compiled read path: a query operation turned into **one** SQL statement whose single JSON
 * value is the answer's `data`, written by PostgreSQL for exactly the selection (only the
 * selected columns, geometries converted only when selected, counts only for `totalCount`, a
 * page per parent for lists inside objects). Each object type says how its fields are written
 * (`ReadType`, one per feature: scene.read.ts, intervention.read.ts…). An operation with a field
 * no read type knows, or arguments the checks refuse, is not compiled: the resolvers answer it,
 * with their errors.
 */

/** How one field is written: an SQL expression of its JSON value, for the row `f.row`. */
export type FieldWriter = (f: FieldContext) => string;

/** The fields of one GraphQL object type that the compiled path can write. */
export interface ReadType {
  name: string;
  fields: Record<string, FieldWriter>;
}

/** Every read type, and the root Query fields. */
export interface ReadRegistry {
  types: ReadonlyMap<string, ReadType>;
  roots: Record<string, FieldWriter>;
}

/** What a field writer is given. */
export interface FieldContext {
  /** SQL alias of the row the field belongs to (none for root fields). */
  row: string;
  /** The moment the row was read at, when it is a version (a record as it stood): relations are read at it, or refused. */
  asOf?: AsOf;
  /** The field's arguments, coerced as graphql-js does (defaults applied, enums and scalars parsed). */
  // The schema has typed and checked them; each writer reads the arguments its own field declares.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  args: Record<string, any>;
  w: SqlWriter;
  /** Conditions the whole statement must meet to answer (folded input validation). */
  checks: string[];
  /** The field's object value for the row `row`: its own sub-selection, written by the type's read type. */
  object(row: string): string;
  /**
   * The field's object value for the row of `table` whose id is `id` (an SQL expression), or
   * null: joined to the rows of `row` where they are read (a scope), else a subquery of its own.
   * `asOf`: `table` gives the records as they stood then.
   */
  related(table: string, id: string, asOf?: AsOf): string;
  /**
   * Makes the rows `alias` a scope: relations of those rows are joined where they are read. Call
   * it before writing their objects; the returned function gives the joins to put after
   * `from … alias` once the objects are written.
   */
  scope(alias: string): () => string;
  /** The field's connection value (`edges`, `pageInfo`, `totalCount`) over a page of `source`. */
  connection(source: PageSource, bounds: PageBounds): string;
  /** Whether the field's selection includes `name` directly (`totalCount`, say). */
  selects(name: string): boolean;
}

/** A compiled operation: one statement, its values written into it as literals. */
export interface CompiledRead {
  sql: string;
}

/** Thrown by a field writer for what it cannot write; the operation then goes to the resolvers. */
export class NotCompilable extends Error {}

/** Records read as they stood (`at`, `asRecordedAt`) are read by the resolvers. */
export function refuseAsOf(f: FieldContext): void {
  if (f.args.at != null || f.args.asRecordedAt != null) throw new NotCompilable('records as they stood go to the resolvers');
}

/** The moment a root field reads at (`at`, `asRecordedAt`), checked (not in the future); undefined for now. */
export function readAt(f: FieldContext): AsOf | undefined {
  const asOf = asOfFrom(f.args);
  if (asOf) checkNotFuture(asOf);
  return asOf;
}

/** A relation of a record read as it stood that this writer cannot read as of then goes to the resolvers. */
export function refuseUnderAsOf(f: FieldContext): void {
  if (f.asOf) throw new NotCompilable('a relation of a record as it stood goes to the resolvers');
}

/**
 * The statement answering a query operation, or null when it has to go to the resolvers (not a
 * query, a field without a writer, introspection, arguments a check refuses). The statement's
 * one column `data` is null when a folded check fails (an invalid geometry): the resolvers then
 * answer with the error.
 */
export function compileRead(
  schema: GraphQLSchema,
  registry: ReadRegistry,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
): CompiledRead | null {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'query') return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const compiler = new Compiler(schema, registry, fragments, coerced.coerced);
  try {
    return compiler.operation(collectFields(schema, fragments, coerced.coerced, schema.getQueryType()!, operation.selectionSet));
  } catch (error) {
    // A field without a writer or arguments a check refuses are expected; anything else is a
    // defect of a writer, logged, and the resolvers still answer.
    if (!(error instanceof NotCompilable) && !isRefusal(error)) console.warn('[compiled read] not compiled:', error);
    else if (process.env.DEBUG_COMPILED_READS === '1') console.warn('[compiled read] not compiled:', (error as Error).message);
    return null;
  }
}

// Private:

/** json_build_object takes at most 100 arguments: 50 fields. */
const MAX_FIELDS_PER_OBJECT = 50;

class Compiler {
  private readonly w = new SqlWriter('inline');
  private readonly checks: string[] = [];
  /** Per scope (the alias of rows read in a FROM), the joins of their relations; and each joined alias's scope. */
  private readonly joins = new Map<string, string[]>();
  private readonly scopeOf = new Map<string, string>();
  /** The moment the rows of an alias were read at, when they are versions. */
  private readonly momentOf = new Map<string, AsOf>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly registry: ReadRegistry,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  operation(fields: Map<string, readonly FieldNode[]>): CompiledRead {
    const query = this.schema.getQueryType()!;
    const data = this.objectOf(query, '', fields, (name) => this.registry.roots[name]);
    const answer = this.checks.length ? `case when ${this.checks.join(' and ')} then ${data} end` : data;
    return { sql: `select ${answer} as data` };
  }

  /** `json_build_object` of the selected fields of `type` for the row `row`. */
  private objectOf(
    type: GraphQLObjectType,
    row: string,
    fields: Map<string, readonly FieldNode[]>,
    writerOf: (name: string) => FieldWriter | undefined,
  ): string {
    if (fields.size > MAX_FIELDS_PER_OBJECT) throw new NotCompilable(`more than ${MAX_FIELDS_PER_OBJECT} fields of ${type.name}`);
    const pairs: string[] = [];
    for (const [key, nodes] of fields) {
      const name = nodes[0]!.name.value;
      if (name === '__typename') {
        pairs.push(literal(key), literal(type.name));
        continue;
      }
      const write = writerOf(name);
      const definition = type.getFields()[name];
      if (!write || !definition) throw new NotCompilable(`${type.name}.${name}`);
      pairs.push(literal(key), write(this.contextFor(definition, nodes, row)));
    }
    return `json_build_object(${pairs.join(', ')})`;
  }

  private contextFor(definition: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], row: string): FieldContext {
    const args = getArgumentValues(definition, nodes[0]!, this.variables);
    const subfields = () => {
      const type = getNamedType(definition.type);
      if (!isObjectType(type)) throw new NotCompilable(`${definition.name} is not of an object type`);
      return { type, fields: collectSubfields(this.schema, this.fragments, this.variables, type, nodes) };
    };
    return {
      row,
      asOf: this.momentOf.get(row),
      args,
      w: this.w,
      checks: this.checks,
      object: (objectRow) => {
        const { type, fields } = subfields();
        return this.objectOf(type, objectRow, fields, (name) => this.registry.types.get(type.name)?.fields[name]);
      },
      related: (table, id, asOf) => {
        const { type, fields } = subfields();
        const alias = this.w.alias('o');
        if (asOf) this.momentOf.set(alias, asOf);
        const objectOf = () => this.objectOf(type, alias, fields, (name) => this.registry.types.get(type.name)?.fields[name]);
        const scope = this.scopeOf.get(row);
        if (scope !== undefined) {
          // Joined before its own relations are written, so that theirs come after it.
          this.joins.get(scope)!.push(`left join ${table} ${alias} on ${alias}.id = ${id}`);
          this.scopeOf.set(alias, scope);
          return `case when ${alias}.id is null then null else ${objectOf()} end`;
        }
        const joins = this.scope(alias);
        const object = objectOf();
        return `(select ${object} from ${table} ${alias} ${joins()} where ${alias}.id = ${id})`;
      },
      scope: (alias) => this.scope(alias),
      connection: (source, bounds) => {
        const { type, fields } = subfields();
        return this.connection(type, fields, source, bounds);
      },
      selects: (name) => [...subfields().fields.values()].some((field) => field[0]!.name.value === name),
    };
  }

  private scope(alias: string): () => string {
    const joins: string[] = [];
    this.joins.set(alias, joins);
    this.scopeOf.set(alias, alias);
    return () => joins.join(' ');
  }

  /**
   * A connection over one page of `source`, its rows aggregated into `edges`, `pageInfo` and,
   * when selected, `totalCount`. Only with `pageInfo` is one row more read and the rows numbered
   * (to know whether there is more); otherwise the page is the plain `limit` PostgreSQL reads from
   * an index.
   */
  private connection(type: GraphQLObjectType, fields: Map<string, readonly FieldNode[]>, source: PageSource, bounds: PageBounds): string {
    const r = this.w.alias();
    if (source.asOf) this.momentOf.set(r, source.asOf);
    const numbered = [...fields.values()].some((nodes) => nodes[0]!.name.value === 'pageInfo');
    const inPage = numbered ? ` filter (where ${r}.page_row <= ${bounds.size})` : '';
    const order = numbered ? `order by ${r}.page_row ${bounds.backward ? 'desc' : 'asc'}` : `order by ${orderBySql(source.ordering, r)}`;
    const cursors = `array_agg(${cursorSql(source.ordering, r)} ${order})${inPage}`;
    const more = `count(*) > ${bounds.size}`;
    const joins = this.scope(r);
    const pairs: string[] = [];
    for (const [key, nodes] of fields) {
      const name = nodes[0]!.name.value;
      const definition = type.getFields()[name];
      let value: string;
      if (name === '__typename') value = literal(type.name);
      else if (name === 'totalCount') value = `(${countSql(source, this.w.alias('c'), this.w)})`;
      else if (name === 'edges' && definition)
        value = `coalesce(json_agg(${this.edge(definition, nodes, r, source)} ${order})${inPage}, '[]'::json)`;
      else if (name === 'pageInfo' && definition) {
        value = this.pageInfo(definition, nodes, {
          hasNextPage: bounds.backward ? String(bounds.before != null) : more,
          hasPreviousPage: bounds.backward ? more : String(bounds.after != null),
          startCursor: `(${cursors})[1]`,
          endCursor: `(${cursors})[least(count(*), ${bounds.size})]`,
        });
      } else throw new NotCompilable(`${type.name}.${name}`);
      pairs.push(literal(key), value);
    }
    const page = pageSql(source, `${r}x`, bounds, this.w, `${r}x.*`, numbered);
    // `group by ()`: one row, aggregated, even when only totalCount (no aggregate) is selected.
    return `(select json_build_object(${pairs.join(', ')}) from (${page}) ${r} ${joins()} group by ())`;
  }

  /** One edge of a connection: its cursor and node (and type name), for the page row `r`. */
  private edge(definition: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], r: string, source: PageSource): string {
    const type = getNamedType(definition.type) as GraphQLObjectType;
    const fields = collectSubfields(this.schema, this.fragments, this.variables, type, nodes);
    const writers: Record<string, FieldWriter> = {
      cursor: () => cursorSql(source.ordering, r),
      node: (f) => f.object(r),
    };
    return this.objectOf(type, r, fields, (name) => writers[name]);
  }

  private pageInfo(definition: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], values: Record<string, string>): string {
    const type = getNamedType(definition.type) as GraphQLObjectType;
    const fields = collectSubfields(this.schema, this.fragments, this.variables, type, nodes);
    return this.objectOf(type, '', fields, (name) => (values[name] ? () => values[name]! : undefined));
  }
}

/** An argument a shared check refused (BAD_USER_INPUT, INVALID_GEOMETRY…): the resolvers answer with it. */
function isRefusal(error: unknown): boolean {
  return error instanceof Error && typeof (error as { extensions?: { code?: unknown } }).extensions?.code === 'string';
}
