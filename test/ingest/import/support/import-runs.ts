// Runs imports as the CLI does, through runImport, into a test database.
import { Readable } from "node:stream";
import type { SubgraphHandles } from "../../../../ingest/documents/subgraph-handles.js";
import type { ImportOptions } from "../../../../ingest/import/cli-args.js";
import type { ImportSummary } from "../../../../ingest/import/import-summary.js";
import { runImport } from "../../../../ingest/import/run-import.js";

export function importFiles(
  handles: SubgraphHandles,
  format: ImportOptions["format"],
  files: string[],
  flags: Partial<Omit<ImportOptions, "format" | "files">> = {},
  stdin: Readable = Readable.from([]),
): Promise<ImportSummary> {
  return runImport({ format, files, dryRun: false, skipInvalid: false, bulk: "auto", ...flags }, handles, { stdin });
}

/** The error an import fails with; fails the test when it succeeds. */
export async function failureOf(run: Promise<unknown>): Promise<Error> {
  const outcome = await run.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error("the import succeeded, but it should have failed");
  return outcome;
}
