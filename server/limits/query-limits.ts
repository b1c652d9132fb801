import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  getNamedType,
  getNullableType,
  isListType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { QueryTooComplexError } from '../../schema/shared/errors';
import { assertIntrospectionWithinLimits, isIntrospectionField } from './introspection-limits';

/** Limits on one GraphQL operation. Defaults in DEFAULT_QUERY_LIMITS. */
export interface QueryLimits {
  /** Deepest selection nesting (fields inside fields). */
  maxDepth: number;
  /** Estimated cost: each field 1, times the page size of the connection or list it is inside. */
  maxCost: number;
  /** Aliased fields in one operation (aliases multiply work without raising depth). */
  maxAliases: number;
}

/** Every limit the API applies, with its default (each can be set by an environment variable; see server/config.ts). */
export interface ApiLimits extends QueryLimits {
  /** Operations per token per minute, per instance. */
  operationsPerMinute: number;
  /** Largest accepted HTTP request body. */
  maxBodyBytes: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  maxDepth: 12,
  maxCost: 50_000,
  maxAliases: 30,
  operationsPerMinute: 600,
  maxBodyBytes: 2_000_000,
};

/** Lists without a page argument (a scene's interventions, say) are counted as this many items. */
const ASSUMED_LIST_SIZE = 20;

/**
 * Refuses an operation over any limit with QUERY_TOO_COMPLEX (a GraphQLError, so both transports
 * report it as a GraphQL error, not a 500). Runs with the variables, so `first: $n` is counted.
 */
export function assertWithinLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined | null,
  limits: QueryLimits,
): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && definition.name?.value !== operationName) continue;
    assertIntrospectionWithinLimits(definition.selectionSet, fragments);
    const { depth, aliases } = measure(definition.selectionSet, fragments, new Set());
    if (depth > limits.maxDepth)
      throw new QueryTooComplexError(`Query depth is ${depth}; at most ${limits.maxDepth} is allowed`, {
        depth,
        maxDepth: limits.maxDepth,
      });
    if (aliases > limits.maxAliases) {
      throw new QueryTooComplexError(`The operation uses ${aliases} aliases; at most ${limits.maxAliases} are allowed`, {
        aliases,
        maxAliases: limits.maxAliases,
      });
    }
  }
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      operationName: operationName ?? undefined,
      estimators: [pageSizeEstimator],
    });
  } catch {
    return; // variables that do not coerce: execution refuses them with BAD_USER_INPUT before any work
  }
  if (cost > limits.maxCost) {
    throw new QueryTooComplexError(
      `Query cost is ${cost}; at most ${limits.maxCost} is allowed (ask for smaller pages or fewer nested lists)`,
      {
        cost,
        maxCost: limits.maxCost,
      },
    );
  }
}

// Private:

/**
 * 1 per field, times the number of items the field returns: `first`/`limit`/`last` when given,
 * else a guess for lists. Introspection costs nothing here: it has bounds of its own
 * (introspection-limits.ts).
 */
const pageSizeEstimator: ComplexityEstimator = ({ field, node, args, childComplexity }) => {
  if (isIntrospectionField(node)) return 0;
  const pageSize = [args.first, args.last, args.limit].find((value): value is number => typeof value === 'number');
  const typeName = getNamedType(field.type).name;
  if (typeName.endsWith('Edge')) return 1 + childComplexity; // the connection above already counted the page
  const isList = isListType(getNullableType(field.type)) || typeName.endsWith('Connection');
  const items = pageSize ?? (isList ? ASSUMED_LIST_SIZE : 1);
  return 1 + items * childComplexity;
};

function measure(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): { depth: number; aliases: number } {
  let depth = 0;
  let aliases = 0;
  for (const selection of selectionSet.selections) {
    let inner: { depth: number; aliases: number } = { depth: 0, aliases: 0 };
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) aliases += 1;
      if (selection.selectionSet) inner = measure(selection.selectionSet, fragments, visiting);
      // Introspection counts as one level (its inside has bounds of its own, introspection-limits.ts); its aliases still count.
      if (isIntrospectionField(selection)) inner = { depth: 0, aliases: inner.aliases };
      depth = Math.max(depth, inner.depth + 1);
      aliases += inner.aliases;
      continue;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) inner = measure(selection.selectionSet, fragments, visiting);
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || visiting.has(fragment.name.value)) continue; // unknown or cyclic: validation reports it
      inner = measure(fragment.selectionSet, fragments, new Set([...visiting, fragment.name.value]));
    }
    depth = Math.max(depth, inner.depth);
    aliases += inner.aliases;
  }
  return { depth, aliases };
}
