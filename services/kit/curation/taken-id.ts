import { eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../../../db/client.js";
import { rejectArgument } from "../../../platform/graphql/input-problems.js";
import type { ProblemPath } from "../../../platform/graphql/problem-path.js";

/**
 * A created entity must not replace a stored one: the key (or the name it is derived from) is
 * reported. Call it inside the creating transaction: it holds a lock on the ID until the
 * transaction ends, so that of two creations of one ID at once the second sees the first's row
 * (the writers upsert, and would otherwise silently overwrite it).
 */
export async function rejectTakenId(db: Database, table: PgTable, idColumn: PgColumn, id: string, path: ProblemPath, kind: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${id}))`);
  const taken = await db.select({ id: idColumn }).from(table).where(eq(idColumn, id)).limit(1);
  if (taken.length > 0) rejectArgument(path, `the ID ${id} is taken by another ${kind}; give another key`);
}

/** The stored row an ID names; BAD_USER_INPUT at `path` when there is none. */
export async function existingRow<TRow>(db: Database, table: PgTable, idColumn: PgColumn, id: string, path: ProblemPath, kind: string): Promise<TRow> {
  const [row] = await db.select().from(table).where(eq(idColumn, id)).limit(1);
  if (!row) rejectArgument(path, `no ${kind} has the ID ${id}`);
  return row as TRow;
}
