// npm run revert-import -- RUN_ID [--as NAME]
// Puts back every row an import run (or the seed) wrote, in every subgraph, as it was before
// the run: rows it inserted are deleted, rows it updated or deleted come back. The `imports`
// list and `npm run import`'s summary give run IDs. Refused, with nothing changed, when later
// changes touched the same entities (they are listed: revert them first). Exit codes: 0
// reverted; 1 refused or failed, nothing changed; 2 the command line is wrong.
import { parseArgs } from "node:util";
import { type SubgraphDatabases, migrateSubgraphs, openSubgraphDatabases } from "../db/open.js";
import { RevertRefused, revertImportRun } from "../ingest/history/revert-import.js";
import { loadConfig } from "../services/config.js";
import { SUBGRAPHS, SUBGRAPH_NAMES, type SubgraphName } from "../services/registry.js";
import { exitOnStartupFailure } from "../platform/process/fail.js";

const USAGE =
  "usage: npm run revert-import -- RUN_ID [--as NAME]\n\n  RUN_ID      an import run's ID (the `imports` list, or the import's summary)\n  --as NAME   who reverts it, for the history (default: os:<your user name>)";

let runId: string;
let by: string | undefined;
try {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, strict: true, options: { as: { type: "string" } } });
  if (positionals.length !== 1) throw new Error("name exactly one import run ID");
  runId = positionals[0]!;
  by = values.as;
} catch (error) {
  console.error(`revert-import: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}

let databases;
try {
  databases = await openSubgraphDatabases(loadConfig(), SUBGRAPH_NAMES);
  await migrateSubgraphs(databases.handles, SUBGRAPHS);
} catch (error) {
  exitOnStartupFailure("revert-import", error);
}

let exitCode = 0;
try {
  const reverted = await revertImportRun(databases.handles as SubgraphDatabases<SubgraphName>, runId, by);
  const rows = Object.entries(reverted.rows).map(([name, count]) => `${count} in ${name}`);
  console.log(`reverted import run ${reverted.runId}: rows put back: ${rows.join(", ")}`);
} catch (error) {
  console.error(
    error instanceof RevertRefused ? `revert-import: ${error.message}\n  (nothing was changed)` : `revert-import: failed, nothing was changed: ${error}`,
  );
  exitCode = 1;
}
await databases.close();
process.exit(exitCode);
