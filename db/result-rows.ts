// What a raw `db.execute` answers differs by driver: postgres.js an array of rows carrying
// `count`, PGlite `{ rows, affectedRows }`.

export function resultRows<TRow = Record<string, unknown>>(result: unknown): TRow[] {
  return (Array.isArray(result) ? result : ((result as { rows?: TRow[] }).rows ?? [])) as TRow[];
}

/** How many rows an INSERT, UPDATE or DELETE wrote. */
export function affectedRows(result: unknown): number {
  const shaped = result as { count?: number; affectedRows?: number };
  return Number(shaped.count ?? shaped.affectedRows ?? 0);
}
