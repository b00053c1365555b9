import { eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../../../db/client.js";
import { rejectArgument } from "../../../platform/graphql/input-problems.js";
import type { ProblemPath } from "../../../platform/graphql/problem-path.js";
import { type RetiredIds, retirementText } from "../records/tombstones.js";

/** Where a kind of entity is stored, and which of its IDs may not be given again (its EntityKindTables entry). */
export interface KindTable {
  table: PgTable;
  id: PgColumn;
  retired?: RetiredIds;
}

/**
 * A created entity must not replace a stored one, nor take the ID of one deleted or merged
 * away (rows of other subgraphs still name it): the key (or the name it is derived from) is
 * reported, with when the entity was deleted. Call it inside the creating transaction: it holds
 * a lock on the ID until the transaction ends, so that of two creations of one ID at once the
 * second sees the first's row (the writers upsert, and would otherwise silently overwrite it).
 */
export async function rejectTakenId(db: Database, { table, id: idColumn, retired }: KindTable, id: string, path: ProblemPath, kind: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${id}))`);
  const taken = await db.select({ id: idColumn }).from(table).where(eq(idColumn, id)).limit(1);
  if (taken.length > 0) rejectArgument(path, `the ID ${id} is taken by another ${kind}; give another key`);
  const retirement = (await retired?.(db, [id]))?.get(id);
  if (retirement) rejectArgument(path, `${retirementText(retirement)}; a deleted or merged ID is not given to a new entity: give another key`);
}

/** The stored row an ID names; BAD_USER_INPUT at `path` when there is none. */
export async function existingRow<TRow>(db: Database, table: PgTable, idColumn: PgColumn, id: string, path: ProblemPath, kind: string): Promise<TRow> {
  const [row] = await db.select().from(table).where(eq(idColumn, id)).limit(1);
  if (!row) rejectArgument(path, `no ${kind} has the ID ${id}`);
  return row as TRow;
}
