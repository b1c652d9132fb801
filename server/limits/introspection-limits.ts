import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { QueryTooComplexError } from '../../schema/shared/errors';

/**
 * Bounds of their own for introspection (`__schema`, `__type`), which the ordinary depth, alias
 * and cost limits leave out: the standard introspection query of graphql-js, GraphiQL, Apollo
 * Sandbox and graphql-codegen nests `ofType` 9 deep and reaches depth 15, so the depth limit
 * would refuse it. These bounds let every such query through and still refuse one built to
 * exhaust the server. Defaults in DEFAULT_INTROSPECTION_LIMITS.
 */
export interface IntrospectionLimits {
  /** `__schema` fields in one operation, aliases included (a flood of them would walk the schema again and again). */
  maxSchemaFields: number;
  /** `__type` fields in one operation, aliases included. */
  maxTypeFields: number;
  /** Nested `ofType` (graphql-js's TypeRef has 9). */
  maxOfTypeDepth: number;
  /**
   * Introspection lists inside one another along a path (`types { fields { args } }` is 3): each
   * multiplies the answer, so `types { fields { type { fields { type { fields … } } } } }` is refused.
   */
  maxListNesting: number;
}

export const DEFAULT_INTROSPECTION_LIMITS: IntrospectionLimits = {
  maxSchemaFields: 1,
  maxTypeFields: 10,
  maxOfTypeDepth: 10,
  maxListNesting: 3,
};

/** Fields of the introspection types that return lists. */
const LIST_FIELDS = new Set([
  'types',
  'fields',
  'args',
  'inputFields',
  'interfaces',
  'possibleTypes',
  'enumValues',
  'directives',
  'locations',
]);

/** Whether a field is introspection (other than `__typename`, which costs nothing). */
export function isIntrospectionField(field: FieldNode): boolean {
  return field.name.value === '__schema' || field.name.value === '__type';
}

/** Refuses an operation whose introspection exceeds a bound, with QUERY_TOO_COMPLEX naming it. */
export function assertIntrospectionWithinLimits(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  limits: IntrospectionLimits = DEFAULT_INTROSPECTION_LIMITS,
): void {
  const found = { schema: 0, type: 0, ofType: 0, lists: 0 };
  forEachField(selectionSet, fragments, new Set(), (field) => {
    if (!isIntrospectionField(field)) return true;
    if (field.name.value === '__schema') found.schema += 1;
    else found.type += 1;
    if (field.selectionSet) {
      const shape = measureIntrospection(field.selectionSet, fragments);
      found.ofType = Math.max(found.ofType, shape.ofType);
      found.lists = Math.max(found.lists, shape.lists);
    }
    return false; // measured here; do not descend again
  });
  const refuse = (what: string, got: number, max: number) => {
    throw new QueryTooComplexError(`Introspection ${what} is ${got}; at most ${max} is allowed`, { introspection: what, got, max });
  };
  if (found.schema > limits.maxSchemaFields) refuse('__schema fields', found.schema, limits.maxSchemaFields);
  if (found.type > limits.maxTypeFields) refuse('__type fields', found.type, limits.maxTypeFields);
  if (found.ofType > limits.maxOfTypeDepth) refuse('ofType nesting', found.ofType, limits.maxOfTypeDepth);
  if (found.lists > limits.maxListNesting) refuse('list nesting', found.lists, limits.maxListNesting);
}

// Private:

/** The deepest `ofType` chain and list nesting below an introspection field. */
function measureIntrospection(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): { ofType: number; lists: number } {
  let ofType = 0;
  let lists = 0;
  forEachField(selectionSet, fragments, new Set(), (field) => {
    if (!field.selectionSet) return false;
    const inner = measureIntrospection(field.selectionSet, fragments);
    const name = field.name.value;
    ofType = Math.max(ofType, inner.ofType + (name === 'ofType' ? 1 : 0));
    lists = Math.max(lists, inner.lists + (LIST_FIELDS.has(name) ? 1 : 0));
    return false;
  });
  return { ofType, lists };
}

/**
 * Calls `visit` for every field of a selection set, through inline fragments and fragment spreads
 * (each spread at most once per path: cycles are for validation to report); descends into the
 * field's own selections when `visit` returns true.
 */
function forEachField(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  visiting: ReadonlySet<string>,
  visit: (field: FieldNode) => boolean,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (visit(selection) && selection.selectionSet) forEachField(selection.selectionSet, fragments, visiting, visit);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      forEachField(selection.selectionSet, fragments, visiting, visit);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && !visiting.has(fragment.name.value))
        forEachField(fragment.selectionSet, fragments, new Set([...visiting, fragment.name.value]), visit);
    }
  }
}
