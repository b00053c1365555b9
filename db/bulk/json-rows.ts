// Bulk inserts that pass a batch of rows as ONE JSON parameter, which Postgres
// turns back into rows (json_populate_recordset). Drizzle's multi-row insert builds a
// parameter object per value, which costs more than the database's own work for big imports
// (see bench/import.ts); a JSON text costs one JSON.stringify, and works alike on PGlite and
// Postgres. Dates go as ISO text, arrays as JSON arrays, both of which Postgres converts.
// (Lists of IDs go as one array parameter: db/any-of-ids.ts.)
import { type SQL, getTableColumns, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../client.js";

type Row = Record<string, unknown>;

/** The columns a write sets: the table's, less generated ones, keyed as Drizzle's rows are. */
function writableColumns(table: PgTable, rows: readonly Row[]): [string, PgColumn][] {
  // Usually the first row settles it: a column is written when any row gives it a value.
  return Object.entries(getTableColumns(table)).filter(([key, column]) => !column.generated && rows.some((row) => row[key] !== undefined)) as [
    string,
    PgColumn,
  ][];
}

// Plain loops: this runs for every row an import writes, and the mapped form cost an import
// of 100,000 ACLED rows seconds of CPU (bench/import.ts reports the importer's CPU).
function rowsAsJson(columns: readonly [string, PgColumn][], rows: readonly Row[]): string {
  const keys = columns.map(([key]) => key);
  const names = columns.map(([, column]) => column.name);
  const objects: Row[] = new Array(rows.length);
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index]!;
    const object: Row = {};
    for (let column = 0; column < keys.length; column += 1) object[names[column]!] = row[keys[column]!] ?? null;
    objects[index] = object;
  }
  return JSON.stringify(objects);
}

/**
 * Inserts `rows`; with `conflictTarget` (the columns of the primary key or of a unique index),
 * a row whose key is stored updates it (the `updateKeys` columns from the row, plus `extraSet`).
 */
export async function insertJsonRows(
  db: Database,
  table: PgTable,
  rows: readonly Row[],
  upsert?: { conflictTarget: readonly PgColumn[]; updateKeys: readonly string[]; extraSet?: Record<string, SQL> },
): Promise<void> {
  if (rows.length === 0) return;
  const columns = writableColumns(table, rows);
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  let onConflict = sql``;
  if (upsert) {
    const byKey = new Map(columns);
    const assignments = upsert.updateKeys
      .filter((key) => byKey.has(key))
      .map((key) => sql`${sql.identifier(byKey.get(key)!.name)} = excluded.${sql.identifier(byKey.get(key)!.name)}`);
    const allColumns = getTableColumns(table);
    for (const [key, value] of Object.entries(upsert.extraSet ?? {})) assignments.push(sql`${sql.identifier(allColumns[key]!.name)} = ${value}`);
    const target = sql.join(
      upsert.conflictTarget.map((column) => sql.identifier(column.name)),
      sql`, `,
    );
    onConflict =
      assignments.length > 0 ? sql` on conflict (${target}) do update set ${sql.join(assignments, sql`, `)}` : sql` on conflict (${target}) do nothing`;
  }
  await db.execute(
    sql`insert into ${table} (${names}) select ${names} from json_populate_recordset(null::${table}, ${rowsAsJson(columns, rows)}::json)${onConflict}`,
  );
}
