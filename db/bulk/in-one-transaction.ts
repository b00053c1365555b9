// Runs work on every subgraph's database inside a transaction: one transaction per distinct
// handle, so subgraphs sharing the embedded PGlite (a single connection, on which a second
// transaction would wait forever) write in one. Transactions on distinct handles are nested,
// so that all writes are done before any of them commits and a failing write rolls back
// every database; only a failing commit could leave them apart. Used by the document loader
// and the dataset imports.
import { sql } from "drizzle-orm";
import type { Database, DatabaseHandle } from "../client.js";

export async function inOneTransactionPerHandle<TName extends string, T>(
  handles: Record<TName, DatabaseHandle>,
  work: (databases: Record<TName, Database>) => Promise<T>,
): Promise<T> {
  const groups = groupByHandle(handles);
  const databases: Partial<Record<TName, Database>> = {};
  const open = async (index: number): Promise<T> => {
    if (index === groups.length) return work(databases as Record<TName, Database>);
    const { handle, subgraphs } = groups[index]!;
    return handle.db.transaction(async (transaction) => {
      // The services' connections plan every run of a prepared statement for its values
      // (db/client.ts). Bulk writes send a few statements again and again, each with a batch
      // of rows as one JSON parameter, whose plans do not depend on it; planning each run
      // made an ACLED import of 20,000 rows take 14.6 s instead of 9.2 s. So within this
      // transaction Postgres decides, as it does by default.
      if (handle.driver === "postgres") await transaction.execute(sql`set local plan_cache_mode = auto`);
      for (const name of subgraphs) databases[name] = transaction;
      return open(index + 1);
    });
  };
  return open(0);
}

/** Each distinct handle with the subgraphs that use it, in the order of the handles' keys. */
function groupByHandle<TName extends string>(handles: Record<TName, DatabaseHandle>): { handle: DatabaseHandle; subgraphs: TName[] }[] {
  const groups = new Map<DatabaseHandle, TName[]>();
  for (const name of Object.keys(handles) as TName[]) groups.set(handles[name], [...(groups.get(handles[name]) ?? []), name]);
  return [...groups].map(([handle, subgraphs]) => ({ handle, subgraphs }));
}
