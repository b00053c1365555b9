// Postgres takes at most 65535 parameters per statement; a thousand rows or IDs at a time
// stay well below it whatever the number of columns.
const CHUNK_SIZE = 1000;

export function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK_SIZE) result.push(items.slice(start, start + CHUNK_SIZE));
  return result;
}
