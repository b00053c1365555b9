// Runs work on every subgraph's database inside a transaction: one transaction per distinct
// handle, so subgraphs sharing the embedded PGlite (a single connection, on which a second
// transaction would wait forever) write in one. Transactions on distinct handles are nested,
// so that all writes are done before any of them commits and a failing write rolls back
// every database; only a failing commit could leave them apart. Used by the document loader
// and the dataset imports.
import type { Database } from "../client.js";
import type { SubgraphName } from "../migrate.js";
import { groupByHandle, type SubgraphHandles } from "./subgraph-handles.js";

export async function inOneTransactionPerHandle<T>(
  handles: SubgraphHandles,
  work: (databases: Record<SubgraphName, Database>) => Promise<T>,
): Promise<T> {
  const groups = groupByHandle(handles);
  const databases: Partial<Record<SubgraphName, Database>> = {};
  const open = async (index: number): Promise<T> => {
    if (index === groups.length) return work(databases as Record<SubgraphName, Database>);
    const { handle, subgraphs } = groups[index]!;
    return handle.db.transaction(async (transaction) => {
      for (const name of subgraphs) databases[name] = transaction;
      return open(index + 1);
    });
  };
  return open(0);
}
