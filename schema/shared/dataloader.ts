import DataLoader from 'dataloader';

/**
 * A loader of one item per key (or null), from a fetch that returns items in any order.
 * The batch function returns exactly one result per key, in key order, as DataLoader requires.
 */
export function createItemLoader<V>(fetch: (keys: readonly string[]) => Promise<V[]>, keyOf: (item: V) => string) {
  return new DataLoader<string, V | null>(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((item) => [keyOf(item), item]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A loader of a list per key (empty when none), from a fetch that returns items of many keys. */
export function createGroupLoader<V>(fetch: (keys: readonly string[]) => Promise<V[]>, keyOf: (item: V) => string) {
  return new DataLoader<string, V[]>(async (keys) => {
    const groups = new Map<string, V[]>(keys.map((key) => [key, []]));
    for (const item of await fetch(keys)) groups.get(keyOf(item))?.push(item);
    return keys.map((key) => groups.get(key)!);
  });
}
