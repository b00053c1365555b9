// Each subgraph's history binding, by subgraph: what imports record their runs in, and what
// the history migrations are written from. A subgraph that keeps a history adds its line here.
import { actorsHistory } from "./actors/data/history.js";
import { incidentsHistory } from "./incidents/data/history.js";
import type { SubgraphHistory } from "./kit/history/subgraph-history.js";
import type { SubgraphName } from "./registry.js";
import { statementsHistory } from "./statements/data/history.js";

export const SUBGRAPH_HISTORIES: Record<SubgraphName, SubgraphHistory> = {
  actors: actorsHistory,
  statements: statementsHistory,
  incidents: incidentsHistory,
};
