// The import command's arguments. A mistake in them is a UsageError: the command prints it
// with the usage and exits 2, before opening any file or database.
import { parseArgs } from "node:util";
import { STDIN } from "./input-stream.js";

export const IMPORT_FORMATS = ["acled", "gdelt", "meridian"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportOptions {
  format: ImportFormat;
  /** Files to read in order; "-" is standard input. */
  files: string[];
  /** Do everything, then roll back: the summary says what would change. */
  dryRun: boolean;
  /** Write the valid rows; list the invalid ones in a reject file. */
  skipInvalid: boolean;
  /** One reject file for all inputs, instead of `<input>.rejects.csv` beside each. */
  rejectsPath?: string;
}

export const USAGE = `usage: npm run import -- --format acled|gdelt|meridian [--dry-run] [--skip-invalid [--rejects PATH]] FILE…

  FILE             a file to import; - reads standard input
  --format         acled: ACLED CSV export; gdelt: GDELT 2.0 events (.export.CSV);
                   meridian: Meridian document (.json, or .ndjson / .jsonl)
  --dry-run        import, then roll back: report what would change and how actors resolve
  --skip-invalid   write the valid rows and a reject file of the invalid ones
                   (acled and gdelt; a Meridian document is checked whole)
  --rejects PATH   the reject file (default: FILE.rejects.csv beside each input)`;

export class UsageError extends Error {
  override name = "UsageError";
}

export function parseImportArgs(argv: readonly string[]): ImportOptions | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        "skip-invalid": { type: "boolean", default: false },
        rejects: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  const format = values.format;
  if (format === undefined) throw new UsageError("--format is required: acled, gdelt or meridian");
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown --format "${format}": use acled, gdelt or meridian`);
  if (positionals.length === 0) throw new UsageError("no file to import: name one or more files, or - for standard input");
  if (positionals.filter((file) => file === STDIN).length > 1) throw new UsageError("standard input (-) can be read only once");
  if (values.rejects !== undefined && !values["skip-invalid"]) throw new UsageError("--rejects needs --skip-invalid");
  if (values["skip-invalid"] && format === "meridian") throw new UsageError("--skip-invalid applies to acled and gdelt: a Meridian document is checked and written whole");
  return {
    format: format as ImportFormat,
    files: positionals,
    dryRun: values["dry-run"],
    skipInvalid: values["skip-invalid"],
    ...(values.rejects !== undefined ? { rejectsPath: values.rejects } : {}),
  };
}
