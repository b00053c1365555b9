// Serves the statements subgraph alone: npm run start:statements (needs a database URL).
import { runSubgraphProcess } from "../common/run-subgraph.js";

await runSubgraphProcess("statements");
