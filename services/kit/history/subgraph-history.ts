// What a subgraph hands the kit's history code: its history tables and its tracked tables.
import type { HistoryTables } from "./history-tables.js";
import type { SubgraphHistoryTracking } from "./tracked-tables.js";

export interface SubgraphHistory extends SubgraphHistoryTracking {
  tables: HistoryTables;
}
