// The history part of a subgraph's context: its reader (with this request's loaders) and its reverts.
import type { Database } from "../../../db/client.js";
import type { RequestScope } from "../curation/request-scope.js";
import { ChangeReverts } from "./change-reverts.js";
import { HistoryReader } from "./history-reader.js";
import type { HistoryContext } from "./history.resolvers.js";
import type { SubgraphHistory } from "./subgraph-history.js";

export function createHistoryContext(db: Database, request: RequestScope, history: SubgraphHistory, revertMutation: string): HistoryContext {
  const changeHistory = new HistoryReader(db, history);
  return { changeHistory, changeReverts: new ChangeReverts(db, request, history, changeHistory, revertMutation) };
}
