// A thousand rows or IDs a statement. Drizzle's multi-row inserts (the actor resolver's) take
// a parameter per value and Postgres at most 65535 a statement, which this stays well below
// whatever the number of columns; lists of IDs (db/any-of-ids.ts) and JSON batches
// (json-rows.ts) are one parameter each, and chunks keep their statements and results bounded.
const CHUNK_SIZE = 1000;

export function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK_SIZE) result.push(items.slice(start, start + CHUNK_SIZE));
  return result;
}
