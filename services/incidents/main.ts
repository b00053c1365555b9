// Serves the incidents subgraph alone: npm run start:incidents (needs a database URL).
import { runSubgraphProcess } from "../run-subgraph.js";
import { incidents } from "./index.js";

await runSubgraphProcess(incidents);
