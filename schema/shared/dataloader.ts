import DataLoader from 'dataloader';
import type { AsOf } from './as-of';

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

/**
 * Item loaders per moment of the record (things as they stood then): one DataLoader per moment,
 * created on first use, so that every object read at the same moment is fetched together.
 */
export function createMomentLoaders<V>(fetch: (keys: readonly string[], asOf: AsOf) => Promise<V[]>, keyOf: (item: V) => string) {
  const loaders = new Map<string, DataLoader<string, V | null>>();
  return (asOf: AsOf): DataLoader<string, V | null> => {
    const moment = `${asOf.at.toISOString()}|${asOf.asRecordedAt?.toISOString() ?? ''}`;
    if (!loaders.has(moment))
      loaders.set(
        moment,
        createItemLoader((keys) => fetch(keys, asOf), keyOf),
      );
    return loaders.get(moment)!;
  };
}
