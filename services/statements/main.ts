// Serves the statements subgraph alone: npm run start:statements (needs a database URL).
import { runSubgraphProcess } from "../run-subgraph.js";
import { statements } from "./index.js";

await runSubgraphProcess(statements);
