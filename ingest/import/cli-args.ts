// The import command's arguments. A mistake in them is a UsageError: the command prints it
// with the usage and exits 2, before opening any file or database.
import { parseArgs } from "node:util";
import { DATASET_FORMATS } from "../formats/registry.js";
import type { BulkSetting } from "./bulk-choice.js";
import { STDIN } from "./input-stream.js";

/** Meridian documents: the import's own format, beside the registered dataset formats. */
export const DOCUMENT_FORMAT = "meridian";
const DATASET_FORMAT_NAMES = DATASET_FORMATS.map((format) => format.name);
export const IMPORT_FORMATS: readonly string[] = [...DATASET_FORMAT_NAMES, DOCUMENT_FORMAT];
/** A dataset format's name (ingest/formats/registry.ts) or DOCUMENT_FORMAT. */
export type ImportFormat = string;

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
  /** The bulk path (bulk-choice.ts): forced on, off, or chosen by the files' sizes. */
  bulk: BulkSetting;
}

/** How wide --help's descriptions of the formats run before they wrap. */
const FORMAT_TEXT_WIDTH = 80;
const OPTION_INDENT = " ".repeat(19);

export const USAGE = `usage: npm run import -- --format ${IMPORT_FORMATS.join("|")} [--dry-run] [--skip-invalid [--rejects PATH]] [--bulk|--no-bulk] FILE…

  FILE             a file to import; - reads standard input
  --format         ${wrapped([...DATASET_FORMATS.map((format) => `${format.name}: ${format.description}`), `${DOCUMENT_FORMAT}: Meridian document (.json, or .ndjson / .jsonl)`])}
  --dry-run        import, then roll back: report what would change and how actors resolve
  --skip-invalid   write the valid rows and a reject file of the invalid ones
                   (${listed(DATASET_FORMAT_NAMES, "and")}; a Meridian document is checked whole)
  --rejects PATH   the reject file (default: FILE.rejects.csv beside each input)
  --bulk           load with indexes built after the rows and tallies counted again
                   (the default for ${listed(DATASET_FORMAT_NAMES, "and")} files of 100,000 rows or more, at least
                   as many as stored); readers of incidents and statements wait until it commits
  --no-bulk        keep every index up to date row by row, readers never waiting`;

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
        bulk: { type: "boolean", default: false },
        "no-bulk": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  const format = values.format;
  if (format === undefined) throw new UsageError(`--format is required: ${listed(IMPORT_FORMATS, "or")}`);
  if (!IMPORT_FORMATS.includes(format)) throw new UsageError(`unknown --format "${format}": use ${listed(IMPORT_FORMATS, "or")}`);
  if (positionals.length === 0) throw new UsageError("no file to import: name one or more files, or - for standard input");
  if (positionals.filter((file) => file === STDIN).length > 1) throw new UsageError("standard input (-) can be read only once");
  if (values.rejects !== undefined && !values["skip-invalid"]) throw new UsageError("--rejects needs --skip-invalid");
  if (values["skip-invalid"] && format === DOCUMENT_FORMAT) {
    throw new UsageError(`--skip-invalid applies to ${listed(DATASET_FORMAT_NAMES, "and")}: a Meridian document is checked and written whole`);
  }
  if (values.bulk && values["no-bulk"]) throw new UsageError("--bulk and --no-bulk contradict each other: give one");
  if (values.bulk && format === DOCUMENT_FORMAT)
    throw new UsageError(`--bulk applies to ${listed(DATASET_FORMAT_NAMES, "and")}: a Meridian document is loaded whole`);
  return {
    format,
    files: positionals,
    bulk: values.bulk ? "on" : values["no-bulk"] ? "off" : "auto",
    dryRun: values["dry-run"],
    skipInvalid: values["skip-invalid"],
    ...(values.rejects !== undefined ? { rejectsPath: values.rejects } : {}),
  };
}

/** "a, b or c". */
function listed(names: readonly string[], conjunction: "and" | "or"): string {
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} ${conjunction} ${names.at(-1)}` : names.join("");
}

/** Entries joined by "; ", as many to a line as fit, the lines after the first indented under the option's text. */
function wrapped(entries: readonly string[]): string {
  const lines: string[] = [];
  for (const entry of entries) {
    const last = lines.at(-1);
    if (last !== undefined && `${last}; ${entry}`.length <= FORMAT_TEXT_WIDTH) lines[lines.length - 1] = `${last}; ${entry}`;
    else lines.push(entry);
  }
  return lines.join(`;\n${OPTION_INDENT}`);
}
