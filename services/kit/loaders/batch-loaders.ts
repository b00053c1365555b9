import DataLoader from "dataloader";

// Per-request loaders over the batched reads of a repository: every key asked for in one tick
// is one read, whose rows are handed back key by key in the order the keys were asked.

/** Entities by ID, from a read of many IDs at once; an ID nothing was found for loads null. */
export function loaderById<T extends { id: string }>(load: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return loaderOfMap(
    async (ids) => new Map((await load(ids)).map((item) => [item.id, item])),
    () => null,
  );
}

/** Each parent's children, from a read of the children of many parents at once, in the order the read gives them. */
export function loaderOfChildren<T>(load: (parentIds: readonly string[]) => Promise<T[]>, parentOf: (item: T) => string): DataLoader<string, T[]> {
  return loaderOfMap(
    async (parentIds) => {
      const groups = new Map<string, T[]>();
      for (const item of await load(parentIds)) groups.set(parentOf(item), [...(groups.get(parentOf(item)) ?? []), item]);
      return groups;
    },
    () => [],
  );
}

/** Values by key, from a read that answers with a map; a key the map lacks loads `absent()`. */
export function loaderOfMap<V>(load: (keys: readonly string[]) => Promise<ReadonlyMap<string, V>>, absent: () => V): DataLoader<string, V> {
  return new DataLoader<string, V>(async (keys) => {
    const found = await load(keys);
    return keys.map((key) => found.get(key) ?? absent());
  });
}
