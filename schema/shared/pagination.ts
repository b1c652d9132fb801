import type { EntityManager } from '@mikro-orm/postgresql';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { cursorSql } from '../read/ordering';
import { countSql, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageBounds, pageFlags, pageSql, type PageSource } from '../read/page';
import { SqlWriter } from '../../db/sql-writer';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

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

/** Paging of a list inside an object (`Scene.interventions`…): forward only, a page per parent. */
@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Items after \`after\`, for each parent; default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}`,
  })
  first?: number;

  @Field(() => String, { nullable: true, description: 'An opaque cursor from a previous page of the same parent' })
  after?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionResult<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Counted only when the request selects it (see PageArgs and `selects`). */
  totalCount?: number;
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
 * One page of a top-level list on the resolver path: the page's ids and cursors in one
 * statement (keyset pagination, page.ts), the total in one more only when `count` (the request
 * selects `totalCount`), then the nodes by id through `load` (a per-request loader).
 */
export async function paginate<T extends { id: string }>(
  em: EntityManager,
  source: PageSource,
  page: PageArgs,
  count: boolean,
  load: (ids: readonly string[]) => Promise<Array<T | null | Error>>,
): Promise<ConnectionResult<T>> {
  const bounds = pageBounds(page, source.ordering);
  const w = new SqlWriter('positional');
  const rows = await em.execute<Array<{ id: string; cursor: string; page_row: string }>>(
    `select x.id, ${cursorSql(source.ordering, 'x')} as cursor, x.page_row from (${pageSql(source, 'p', bounds, w, 'p.*')}) x order by x.page_row`,
    w.values as never,
  );
  const inPage = rows.slice(0, bounds.size);
  if (bounds.backward) inPage.reverse();
  const nodes = await load(inPage.map((row) => row.id));
  const edges = inPage.flatMap((row, i) => (nodes[i] && !(nodes[i] instanceof Error) ? [{ cursor: row.cursor, node: nodes[i] as T }] : []));
  let totalCount: number | undefined;
  if (count) {
    const counting = new SqlWriter('positional');
    const [total] = await em.execute<Array<{ count: string }>>(countSql(source, 'x', counting), counting.values as never);
    totalCount = Number(total!.count);
  }
  return {
    edges,
    totalCount,
    pageInfo: { ...pageFlags(bounds, rows.length), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
