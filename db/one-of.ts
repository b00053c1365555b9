import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

// Enumerations are text columns with a CHECK rather than Postgres enum types: a CHECK can
// be widened in one transactional migration, and drizzle-kit mis-qualifies schema enums.
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  const literals = values.map((value) => `'${value.replaceAll("'", "''")}'`).join(", ");
  return sql`${column} in (${sql.raw(literals)})`;
}
