/**
 * Each item whose identity an earlier item already has, with the index of that earlier item.
 * Items without an identity (their references did not resolve) are never duplicates.
 */
export function duplicatesIn<T>(items: readonly T[], identity: (item: T) => string | undefined): { index: number; firstIndex: number }[] {
  const firstIndex = new Map<string, number>();
  const duplicates: { index: number; firstIndex: number }[] = [];
  items.forEach((item, index) => {
    const key = identity(item);
    if (key === undefined) return;
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else duplicates.push({ index, firstIndex: first });
  });
  return duplicates;
}
