import type { EntityManager } from '@mikro-orm/postgresql';
import { Cursor, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { BadUserInputError } from './errors';

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 500;
/** Page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Relay page information' })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Items after \`after\`; default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'An opaque cursor from a previous page' })
  after?: string;

  @Field(() => Int, { nullable: true, description: `Items before \`before\`, at most ${MAX_PAGE_SIZE}` })
  last?: number;

  @Field(() => String, { nullable: true })
  before?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionResult<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function createConnectionType<T extends object>(Node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field() cursor!: string;
    @Field(() => Node) node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items` })
  class ConnectionType {
    @Field(() => [EdgeType]) edges!: EdgeType[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'Items matching the filter, over all pages' }) totalCount!: number;
  }

  return ConnectionType;
}

/**
 * One page with keyset pagination (MikroORM `findByCursor`). `order` names the ordering so that a
 * cursor from one ordering is refused by another instead of silently skipping rows.
 * `orderBy` must end with the primary key to make the order total.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  order: { key: string; orderBy: QueryOrderMap<T> },
  page: PageArgs,
): Promise<ConnectionResult<T>> {
  const { first, last } = checkSizes(page);
  const after = page.after ? decodeCursor(page.after, order.key, 'after') : undefined;
  const before = page.before ? decodeCursor(page.before, order.key, 'before') : undefined;
  const cursor = await em.findByCursor(entity, where, {
    first: last === undefined ? (first ?? DEFAULT_PAGE_SIZE) : first,
    last,
    after,
    before,
    orderBy: order.orderBy as never,
    includeCount: true,
  } as never);
  const edges = cursor.items.map((node) => ({ cursor: encodeCursor(order.key, cursor.from(node)), node }));
  return {
    edges,
    totalCount: cursor.totalCount,
    pageInfo: {
      hasNextPage: cursor.hasNextPage ?? false,
      hasPreviousPage: cursor.hasPrevPage ?? false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

// Private:

function checkSizes(page: PageArgs): { first?: number; last?: number } {
  for (const field of ['first', 'last'] as const) {
    const size = page[field];
    if (size != null && (size < 0 || size > MAX_PAGE_SIZE)) {
      throw new BadUserInputError(`${field} must be between 0 and ${MAX_PAGE_SIZE}, got ${size}`, field);
    }
  }
  if (page.first != null && page.last != null) {
    throw new BadUserInputError('Pass either first or last, not both', 'last');
  }
  return { first: page.first ?? undefined, last: page.last ?? undefined };
}

function encodeCursor(orderKey: string, raw: string): string {
  return Buffer.from(`${orderKey}|${raw}`).toString('base64url');
}

function decodeCursor(cursor: string, orderKey: string, field: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const separator = decoded.indexOf('|');
  const key = decoded.slice(0, separator);
  const raw = decoded.slice(separator + 1);
  if (separator < 1 || raw === '') {
    throw new BadUserInputError(`${field} is not a cursor this API produced`, field);
  }
  if (key !== orderKey) {
    throw new BadUserInputError(`${field} is a cursor for the ordering ${key}, but this query orders by ${orderKey}`, field);
  }
  try {
    Cursor.decode(raw);
  } catch {
    throw new BadUserInputError(`${field} is not a cursor this API produced`, field);
  }
  return raw;
}
