// The databases a document is loaded into: one handle per subgraph, where subgraphs that
// share a database (the embedded default) share one handle object.
import type { DatabaseHandle } from "../../db/client.js";
import type { SubgraphName } from "../../services/registry.js";

export type SubgraphHandles = Record<SubgraphName, DatabaseHandle>;
