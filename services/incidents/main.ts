// Serves the incidents subgraph alone: npm run start:incidents (needs a database URL).
import { runSubgraphProcess } from "../kit/server/run-subgraph.js";

await runSubgraphProcess("incidents");
