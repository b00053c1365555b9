// npm run import -- --format FORMAT [--dry-run] [--skip-invalid [--rejects PATH]] FILE…
// FORMAT is a dataset format of ingest/formats/registry.ts, or meridian (--help lists them).
// Imports datasets and Meridian documents into the configured databases (embedded PGlite
// unless a database URL is set), after applying the migrations. Exit codes: 0 imported (or,
// with --dry-run, checked); 1 the input was rejected or the import failed, nothing was
// written; 2 the command line is wrong; 130 interrupted, nothing was written.
import { type SubgraphDatabases, migrateSubgraphs, openSubgraphDatabases } from "../db/open.js";
import { DocumentError } from "../services/kit/records/problems.js";
import { parseImportArgs, USAGE, UsageError } from "../ingest/import/cli-args.js";
import { InputError, InvalidRowError } from "../ingest/import/import-errors.js";
import { createProgress } from "../ingest/import/import-progress.js";
import { formatSummary } from "../ingest/import/import-summary.js";
import { ImportInterrupted, runImport } from "../ingest/import/run-import.js";
import { loadConfig } from "../services/config.js";
import { SUBGRAPHS, SUBGRAPH_NAMES, type SubgraphName } from "../services/registry.js";
import { exitOnStartupFailure } from "../platform/process/fail.js";

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const EXIT_INTERRUPTED = 130;

let options;
try {
  options = parseImportArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`import: ${error.message}\n\n${USAGE}`);
  process.exit(EXIT_USAGE);
}
if (options === "help") {
  console.log(USAGE);
  process.exit(0);
}

let databases;
try {
  databases = await openSubgraphDatabases(loadConfig(), SUBGRAPH_NAMES);
  await migrateSubgraphs(databases.handles, SUBGRAPHS);
} catch (error) {
  exitOnStartupFailure("import", error);
}

// The first Ctrl-C lets the batch being written finish and rolls the import back; a second one ends the process at once.
const interrupt = new AbortController();
process.once("SIGINT", () => {
  interrupt.abort();
  process.once("SIGINT", () => process.exit(EXIT_INTERRUPTED));
});

let exitCode = 0;
try {
  const summary = await runImport(options, databases.handles as SubgraphDatabases<SubgraphName>, {
    stdin: process.stdin,
    progress: createProgress(process.stderr),
    signal: interrupt.signal,
  });
  process.stdout.write(formatSummary(summary, { listActors: options.dryRun }));
} catch (error) {
  if (error instanceof ImportInterrupted) {
    console.error(`import: ${error.message}`);
    exitCode = EXIT_INTERRUPTED;
  } else if (error instanceof InputError || error instanceof DocumentError) {
    // An invalid row's message says itself what was written and what to do.
    console.error(`import: ${error.message}${error instanceof InvalidRowError ? "" : "\n  (nothing was written)"}`);
    exitCode = EXIT_FAILED;
  } else {
    console.error("import: failed, nothing was written:", error);
    exitCode = EXIT_FAILED;
  }
}
await databases.close();
process.exit(exitCode);
