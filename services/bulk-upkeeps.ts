// What each subgraph's schema puts off during a bulk load (`npm run import -- --bulk`), by
// subgraph. The actors schema keeps its indexes: an import resolves every name through them,
// and a dataset's actors are few beside its events.
import { incidentsBulkUpkeep } from "./incidents/data/bulk-upkeep.js";
import type { BulkUpkeep } from "./kit/writes/deferred-upkeep.js";
import type { SubgraphName } from "./registry.js";
import { statementsBulkUpkeep } from "./statements/data/bulk-upkeep.js";

export const SUBGRAPH_BULK_UPKEEPS: Partial<Record<SubgraphName, BulkUpkeep>> = {
  statements: statementsBulkUpkeep,
  incidents: incidentsBulkUpkeep,
};
