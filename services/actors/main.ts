// Serves the actors subgraph alone: npm run start:actors (needs a database URL).
import { runSubgraphProcess } from "../common/run-subgraph.js";

await runSubgraphProcess("actors");
