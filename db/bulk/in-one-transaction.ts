// Runs work on every subgraph's database inside a transaction: one transaction per distinct
// handle, so subgraphs sharing the embedded PGlite (a single connection, on which a second
// transaction would wait forever) write in one. Transactions on distinct handles are nested,
// so that all writes are done before any of them commits and a failing write rolls back
// every database; only a failing commit could leave them apart. Used by the document loader
// and the dataset imports.
import { sql } from "drizzle-orm";
import type { Database, DatabaseHandle } from "../client.js";
import { groupByHandle } from "../handle-groups.js";

/** Runs `work` with each name's database inside the transaction of its handle, opened in the order of the names. */
export async function inOneTransactionPerHandle<Name extends string, T>(
  handles: Record<Name, DatabaseHandle>,
  work: (databases: Record<Name, Database>) => Promise<T>,
): Promise<T> {
  const groups = groupByHandle(handles);
  const databases: Partial<Record<Name, Database>> = {};
  const open = async (index: number): Promise<T> => {
    if (index === groups.length) return work(databases as Record<Name, Database>);
    const { handle, names } = groups[index]!;
    return handle.db.transaction(async (transaction) => {
      // The services' connections plan every run of a prepared statement for its values
      // (db/client.ts). Bulk writes send a few statements again and again, each with a batch
      // of rows as one JSON parameter, whose plans do not depend on it; planning each run
      // made an ACLED import of 20,000 rows take 14.6 s instead of 9.2 s. So within this
      // transaction Postgres decides, as it does by default.
      if (handle.driver === "postgres") await transaction.execute(sql`set local plan_cache_mode = auto`);
      for (const name of names) databases[name] = transaction;
      return open(index + 1);
    });
  };
  return open(0);
}
