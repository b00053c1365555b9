// The import's test inputs: the project's own made-up fixtures (test/fixtures/, always
// there), the real dataset samples (only where ../../support/shared-data.ts finds them), and
// small inputs made from the fixtures for tests that change or break rows.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";

const FIXTURES = fileURLToPath(new URL("../../../fixtures/", import.meta.url));

/** Made-up ACLED events in the current 31-column export, dates written 2025-03-04. */
export const ACLED_FIXTURE = join(FIXTURES, "acled/current-export.csv");
/** Made-up ACLED events as the export tool writes them: every text quoted, dates written "01 November 2024". */
export const ACLED_EXPORT_TOOL_FIXTURE = join(FIXTURES, "acled/export-tool-dates.csv");
/** Made-up GDELT 2.0 events: 61 tab-separated columns, no header. */
export const GDELT_FIXTURE = join(FIXTURES, "gdelt/20250612101500.export.CSV");

/** Made-up Meridian documents: one in JSON, one in NDJSON referring to it, one referring to nothing. */
export const MERIDIAN_FIXTURE = join(FIXTURES, "meridian/harbour-talks.json");
export const MERIDIAN_FOLLOW_UP_FIXTURE = join(FIXTURES, "meridian/harbour-talks-follow-up.ndjson");
export const MERIDIAN_DANGLING_FIXTURE = join(FIXTURES, "meridian/dangling-reference.ndjson");

/** The real samples, relative to the shared folder: resolve them with realSample() inside describeRealSamples. */
export const REAL_ACLED_SOMALIA = "acled/somalia-2025-04_2026-03.csv";
export const REAL_ACLED_EXPORT_TOOL = "acled/export-tool-dates-2024-11.csv";
export const REAL_GDELT_EVENTS = "gdelt/20191024143000.export.CSV";

export type CsvRecord = Record<string, string>;

/** An ACLED file's rows read independently of the import, with csv-parse's synchronous API. */
export function readAcled(path: string): CsvRecord[] {
  return parse(readFileSync(path), { columns: true, bom: true }) as CsvRecord[];
}

/** A GDELT file's rows as arrays of its 61 fields. */
export function readGdelt(path: string): string[][] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split("\t"));
}

/**
 * The ACLED fixture's header and `count` data lines as written: its rows, then copies of them
 * whose event IDs end in -1, -2, … so that every line is an event of its own.
 */
export function acledLines(count: number): { header: string; rows: string[] } {
  const records = parse(readFileSync(ACLED_FIXTURE, "utf8"), { raw: true }) as unknown as { raw: string }[];
  const [header, ...fixtureRows] = records.map((record) => record.raw.replace(/\r?\n$/, ""));
  const rows = Array.from({ length: count }, (_, index) => {
    const row = fixtureRows[index % fixtureRows.length]!;
    const copy = Math.floor(index / fixtureRows.length);
    return copy === 0 ? row : row.replace(/^([A-Z]+\d+),/, `$1-${copy},`);
  });
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
