// The bulk path of one import, begun before its rows and finished after them, in the import's
// transaction: every schema's upkeep put off (services/kit/writes/deferred-upkeep.ts), then done
// at once. The progress says both times that readers wait.
import type { Database } from "../../db/client.js";
import { SUBGRAPH_BULK_UPKEEPS } from "../../services/bulk-upkeeps.js";
import { type DeferredUpkeep, deferUpkeep } from "../../services/kit/writes/deferred-upkeep.js";
import type { SubgraphName } from "../../services/registry.js";
import type { ProgressSink } from "./import-progress.js";
import type { BulkSummary } from "./import-summary.js";

export interface BulkLoad {
  /** Builds the indexes and recomputes what the triggers keep; what it did, for the summary. */
  finish(): Promise<BulkSummary>;
}

/** `reason`: why the import took the bulk path (bulk-choice.ts), said in the progress and the summary. */
export async function beginBulkLoad(databases: Record<SubgraphName, Database>, reason: string, progress: ProgressSink): Promise<BulkLoad> {
  progress.note?.(`bulk load (${reason}): indexes are built after the rows; readers of incidents and statements wait until the import commits`);
  const deferred: DeferredUpkeep[] = [];
  for (const [name, upkeep] of Object.entries(SUBGRAPH_BULK_UPKEEPS)) deferred.push(await deferUpkeep(databases[name as SubgraphName], upkeep));
  return {
    async finish() {
      const indexes = deferred.reduce((sum, upkeep) => sum + upkeep.indexes, 0);
      progress.note?.(`building ${indexes} indexes and counting the tallies; readers still wait`);
      const startedAt = performance.now();
      for (const upkeep of deferred) await upkeep.finish();
      return { reason, indexes, upkeepSeconds: (performance.now() - startedAt) / 1000 };
    },
  };
}
