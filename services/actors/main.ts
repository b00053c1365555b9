// Serves the actors subgraph alone: npm run start:actors (needs a database URL).
import { runSubgraphProcess } from "../kit/server/run-subgraph.js";

await runSubgraphProcess("actors");
