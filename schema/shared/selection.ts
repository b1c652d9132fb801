import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

type SelectionInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/**
 * Whether the field being resolved selects `name` among its own fields, through fragments too:
 * look-ahead, so that work nobody asked for (a count, a geometry) is not done.
 */
export function selects(info: SelectionInfo, name: string): boolean {
  return namesIn(ownSets(info), info.fragments).has(name);
}

/** The names of the fields a connection's nodes select (`edges { node { … } }`), through fragments. */
export function nodeFields(info: SelectionInfo): Set<string> {
  const edges = ownSets(info).flatMap((set) => fieldsNamed(set, 'edges', info.fragments, new Set()));
  const nodes = edges.flatMap((set) => fieldsNamed(set, 'node', info.fragments, new Set()));
  return namesIn(nodes, info.fragments);
}

// Private:

function ownSets(info: SelectionInfo): SelectionSetNode[] {
  return info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

function namesIn(sets: SelectionSetNode[], fragments: GraphQLResolveInfo['fragments']): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else {
        const fragment = fragments[selection.name.value];
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          collect(fragment.selectionSet);
        }
      }
    }
  };
  sets.forEach(collect);
  return names;
}

/** The selection sets of the fields called `name` in a set, through fragments. */
function fieldsNamed(
  set: SelectionSetNode,
  name: string,
  fragments: GraphQLResolveInfo['fragments'],
  seen: Set<string>,
): SelectionSetNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === name && selection.selectionSet ? [selection.selectionSet] : [];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsNamed(selection.selectionSet, name, fragments, seen);
    const fragment = fragments[selection.name.value];
    if (!fragment || seen.has(fragment.name.value)) return [];
    seen.add(fragment.name.value);
    return fieldsNamed(fragment.selectionSet, name, fragments, seen);
  });
}
