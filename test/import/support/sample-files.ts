// The real dataset samples in the shared folder (see ../../support/shared-data.ts), and small
// inputs made from them for tests that change or break rows.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { SHARED_DATA } from "../../support/shared-data.js";


export const ACLED_SOMALIA = join(SHARED_DATA, "acled/somalia-2025-04_2026-03.csv");
export const ACLED_EXPORT_TOOL = join(SHARED_DATA, "acled/export-tool-dates-2024-11.csv");
export const GDELT_EVENTS = join(SHARED_DATA, "gdelt/20191024143000.export.CSV");

export type CsvRecord = Record<string, string>;

/** An ACLED file's rows read independently of the import, with csv-parse's synchronous API. */
export function readAcled(path: string): CsvRecord[] {
  return parse(readFileSync(path), { columns: true, bom: true }) as CsvRecord[];
}

/** The GDELT sample's rows as arrays of its 61 fields. */
export function readGdelt(): string[][] {
  return readFileSync(GDELT_EVENTS, "utf8").split("\n").filter(Boolean).map((line) => line.split("\t"));
}

/** The Somalia file's header and its first `count` data lines, as written. */
export function acledLines(count: number): { header: string; rows: string[] } {
  const text = readFileSync(ACLED_SOMALIA, "utf8");
  const records = parse(text, { raw: true, to_line: count + 1 }) as unknown as { raw: string }[];
  const [header, ...rows] = records.map((record) => record.raw.replace(/\r?\n$/, ""));
  return { header: header!, rows };
}

export function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), "meridian-import-"));
}

/** Writes `content` to a new file in `folder` and returns its path. */
export function writeInput(folder: string, name: string, content: string | Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

/** The fields of one CSV line. */
export function csvFields(line: string): string[] {
  return (parse(line) as string[][])[0]!;
}

/** One CSV line of `fields`, quoted where needed. */
export function csvLine(fields: readonly string[]): string {
  return fields.map((field) => (/[",\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(",");
}

/** An ACLED line with some fields replaced, by column name. */
export function withFields(header: string, line: string, changes: Record<string, string>): string {
  const columns = csvFields(header);
  const fields = csvFields(line);
  for (const [column, value] of Object.entries(changes)) fields[columns.indexOf(column)] = value;
  return csvLine(fields);
}
