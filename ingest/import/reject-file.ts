// With --skip-invalid, each invalid row goes to a reject file: a CSV with its file, line,
// the field at fault (empty when the row as a whole is wrong), the reason and the row's
// original text, so that the rows can be fixed and imported again. The file is created at
// the first rejected row only: an import without rejects leaves none behind.
import { type FileHandle, open } from "node:fs/promises";
import type { RejectedRow } from "./import-errors.js";
import { STDIN } from "./input-stream.js";

const HEADER = ["file", "line", "field", "reason", "text"];

/** `<input>.rejects.csv` beside the input; `stdin.rejects.csv` in the working directory for standard input. */
export function defaultRejectsPath(input: string): string {
  return input === STDIN ? "stdin.rejects.csv" : `${input}.rejects.csv`;
}

export class RejectFiles {
  private readonly open = new Map<string, FileHandle>();

  /** @param fixedPath one file for every input (--rejects), else one beside each input. */
  constructor(private readonly fixedPath: string | undefined) {}

  /** The reject files written so far. */
  get paths(): string[] {
    return [...this.open.keys()];
  }

  async write(row: RejectedRow): Promise<void> {
    const path = this.fixedPath ?? defaultRejectsPath(row.file);
    let handle = this.open.get(path);
    if (!handle) {
      handle = await open(path, "w");
      this.open.set(path, handle);
      await handle.write(csvLine(HEADER));
    }
    await handle.write(csvLine([row.file, String(row.line), row.field ?? "", row.reason, row.text]));
  }

  async close(): Promise<void> {
    await Promise.all([...this.open.values()].map((handle) => handle.close()));
  }
}

function csvLine(fields: readonly string[]): string {
  return `${fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(",")}\n`;
}
