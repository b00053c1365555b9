// Serves the statements subgraph alone: npm run start:statements (needs a database URL).
import { runSubgraphProcess } from "../kit/server/run-subgraph.js";

await runSubgraphProcess("statements");
