// The databases a document is loaded into: one handle per subgraph, where subgraphs that
// share a database (the embedded default) share one handle object.
import type { DatabaseHandle } from "../../db/client.js";
import { SUBGRAPH_NAMES, type SubgraphName } from "../../services/registry.js";

export type SubgraphHandles = Record<SubgraphName, DatabaseHandle>;

/** Each distinct handle with the subgraphs that use it, in the order of SUBGRAPH_NAMES. */
export function groupByHandle(handles: SubgraphHandles): { handle: DatabaseHandle; subgraphs: SubgraphName[] }[] {
  const groups = new Map<DatabaseHandle, SubgraphName[]>();
  for (const name of SUBGRAPH_NAMES) groups.set(handles[name], [...(groups.get(handles[name]) ?? []), name]);
  return [...groups].map(([handle, subgraphs]) => ({ handle, subgraphs }));
}
