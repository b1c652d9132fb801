import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { cursorSql, type Ordering } from '../read/ordering';
import { countSql, pageBounds, pageFlags, pageSql, type PageRequest } from '../read/page';
import { SqlWriter } from '../../db/sql-writer';
import type { ConnectionResult } from './pagination';

/** A list under a parent object, paged per parent: `Scene.interventions`, `Operator.interventions`… */
export interface NestedListSpec<T extends object> {
  table: string;
  /**
   * SQL conditions on a row (`alias`): the filter's, and the tie to its parent (`p.parent_id`, a
   * uuid). Code constants and bound values only.
   */
  conditions(alias: string, w: SqlWriter): string[];
  ordering: Ordering;
  page: PageRequest;
  /** Count every matching row per parent (only when the request selects `totalCount`). */
  count: boolean;
  /**
   * How the page's nodes are read: `rows`, the columns (of the row alias `x`) read in the same
   * statement and the plain object each row becomes; or `load`, the nodes by id in one more
   * statement (a per-request loader of entities).
   */
  nodes:
    | { rows: { columns: string[]; toNode(row: Record<string, unknown>): T } }
    | { load(ids: readonly string[]): Promise<Array<T | null | Error>> };
}

/**
 * A DataLoader of one connection per parent id: every parent's page (and, when asked, each
 * parent's total) in **one** statement, a LATERAL subquery per parent with its own limit and
 * keyset cursor; with `nodes.load`, the rows by id in one more. Never a statement per parent.
 * The resolver path; the compiled read path writes the same page per parent into its one
 * statement (schema/read/).
 */
export function createNestedPageLoader<T extends object>(
  em: EntityManager,
  spec: NestedListSpec<T>,
): DataLoader<string, ConnectionResult<T>> {
  const bounds = pageBounds(spec.page, spec.ordering, true);
  return new DataLoader(async (parentIds) => {
    const rows = await readPages(em, spec, parentIds, bounds);
    const byId = await nodesOf(spec, rows);
    const byParent = new Map<string, PageRow[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) if (row.id) byParent.get(row.parent_id)?.push(row);
    return parentIds.map((parentId) => {
      const page = byParent.get(parentId)!;
      const edges = page.slice(0, bounds.size).flatMap((row) => {
        const node = byId.get(row.id!);
        return node ? [{ cursor: row.cursor!, node }] : [];
      });
      return {
        edges,
        totalCount: spec.count ? Number(rows.find((row) => row.parent_id === parentId)?.total ?? 0) : undefined,
        pageInfo: { ...pageFlags(bounds, page.length), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      };
    });
  });
}

// Private:

interface PageRow {
  parent_id: string;
  id: string | null;
  cursor: string | null;
  total: string | null;
}

async function readPages<T extends object>(
  em: EntityManager,
  spec: NestedListSpec<T>,
  parentIds: readonly string[],
  bounds: ReturnType<typeof pageBounds>,
): Promise<PageRow[]> {
  const w = new SqlWriter('positional');
  const parents = w.array(parentIds, 'uuid');
  const columns = ['x.id', ...('rows' in spec.nodes ? spec.nodes.rows.columns.filter((column) => column !== 'x.id') : [])];
  const page = pageSql(spec, 'x', bounds, w, [...columns, `${cursorSql(spec.ordering, 'x')} as cursor`].join(', '));
  const counted = spec.count ? countSql(spec, 'x', w) : null;
  return em.execute<PageRow[]>(
    `select p.parent_id, page.*${counted ? ', counted.count as total' : ''}
       from unnest(${parents}) as p(parent_id)
       left join lateral (${page}) page on true
       ${counted ? `left join lateral (${counted}) counted on true` : ''}
      order by p.parent_id, page.page_row`,
    w.values as never,
  );
}

async function nodesOf<T extends object>(spec: NestedListSpec<T>, rows: PageRow[]): Promise<Map<string, T>> {
  const byId = new Map<string, T>();
  if ('rows' in spec.nodes) {
    for (const row of rows) if (row.id) byId.set(row.id, spec.nodes.rows.toNode(row as unknown as Record<string, unknown>));
    return byId;
  }
  const nodes = await spec.nodes.load([...new Set(rows.flatMap((row) => (row.id ? [row.id] : [])))]);
  for (const node of nodes) if (node && !(node instanceof Error)) byId.set((node as { id: string }).id, node);
  return byId;
}
