// Serves the actors subgraph alone: npm run start:actors (needs a database URL).
import { runSubgraphProcess } from "../run-subgraph.js";
import { actors } from "./index.js";

await runSubgraphProcess(actors);
