// Every form of broken input stops the import with FILE:LINE, the field and the reason, and
// leaves the database as it was, even when batches before the bad row were already written.
// The inputs are the project's made-up ACLED fixture, broken one way each.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseImportArgs, UsageError } from "../../../ingest/import/cli-args.js";
import { type DocumentTestDatabase, sharedDatabase } from "../documents/support/databases.js";
import { countRows, NO_ROWS } from "../documents/support/row-counts.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { failureOf, importFiles } from "./support/import-runs.js";
import { acledLines, csvFields, csvLine, temporaryFolder, withFields, writeInput } from "./support/sample-files.js";

const { header, rows } = acledLines(1200);
const folder = temporaryFolder();
/** An ACLED file of the header and `lines`, line 2 being the first. */
const acledFile = (name: string, lines: readonly string[]) => writeInput(folder, name, `${[header, ...lines].join("\n")}\n`);

interface BrokenInput {
  name: string;
  format: "acled" | "gdelt";
  file: () => string;
  message: string | RegExp;
}

const BROKEN_INPUTS: BrokenInput[] = [
  {
    name: "a header without a needed column",
    format: "acled",
    file: () => writeInput(folder, "no-timestamp.csv", `${[header, ...rows.slice(0, 3)].map((line) => csvLine(csvFields(line).slice(0, -1))).join("\n")}\n`),
    message: /no-timestamp\.csv:1: the header lacks the column timestamp \(is this an ACLED CSV export\?\)$/,
  },
  {
    name: "a row with missing columns",
    format: "acled",
    file: () => acledFile("short-row.csv", [rows[0]!, csvLine(csvFields(rows[1]!).slice(0, 29)), rows[2]!]),
    message: /short-row\.csv:3: has 29 fields where the header has 31\n/,
  },
  {
    name: "text where a number belongs",
    format: "acled",
    file: () => acledFile("text-number.csv", [rows[0]!, withFields(header, rows[1]!, { fatalities: "three" })]),
    message: /text-number\.csv:3: fatalities: must be a whole number \(got "three"\)\n/,
  },
  {
    name: "a latitude that is text",
    format: "acled",
    file: () => acledFile("text-latitude.csv", [withFields(header, rows[0]!, { latitude: "north" })]),
    message: /text-latitude\.csv:2: latitude: must be a number \(got "north"\)\n/,
  },
  {
    name: "an impossible date",
    format: "acled",
    file: () => acledFile("impossible-date.csv", [rows[0]!, rows[1]!, withFields(header, rows[2]!, { event_date: "2025-02-30" })]),
    message: /impossible-date\.csv:4: event_date: is not a real day \(got "2025-02-30"\)\n/,
  },
  {
    name: "an impossible date in the export tool's style",
    format: "acled",
    file: () => acledFile("impossible-written-date.csv", [withFields(header, rows[0]!, { event_date: "31 November 2024" })]),
    message: /impossible-written-date\.csv:2: event_date: is not a real day \(got "31 November 2024"\)\n/,
  },
  {
    name: "an unknown event type",
    format: "acled",
    file: () => acledFile("unknown-event-type.csv", [rows[0]!, withFields(header, rows[1]!, { event_type: "Skirmishes" })]),
    message:
      /unknown-event-type\.csv:3: event_type: unknown event type "Skirmishes"; ACLED's are Battles, Explosions\/Remote violence, Violence against civilians, Protests, Riots, Strategic developments\n/,
  },
  {
    name: "an unknown actor type",
    format: "acled",
    file: () => acledFile("unknown-actor-type.csv", [withFields(header, rows[0]!, { inter1: "Pirates" })]),
    message: /unknown-actor-type\.csv:2: inter1: unknown actor type "Pirates"/,
  },
  {
    name: "an unterminated quote",
    format: "acled",
    // The last field opens a quote that nothing closes: the rest of the file would be one field.
    file: () => acledFile("unterminated-quote.csv", [rows[0]!, rows[1]!, rows[2]!.replace(/,(\d+)$/, ',"$1')]),
    message: /unterminated-quote\.csv:4: a quoted field is never closed/,
  },
  {
    name: "a wrong encoding (Windows-1252 bytes)",
    format: "acled",
    file: () =>
      writeInput(
        folder,
        "latin1.csv",
        Buffer.concat([Buffer.from(`${[header, rows[0]!].join("\n")}\n`), Buffer.from(`${rows[1]!.replace("Storhavn", "St\u00e9rhavn")}\n`, "latin1")]),
      ),
    message: /latin1\.csv:3: not valid UTF-8 \(byte 0xE9\); save the file as UTF-8/,
  },
  {
    name: "an empty file",
    format: "acled",
    file: () => writeInput(folder, "empty.csv", ""),
    message: /empty\.csv: the file is empty$/,
  },
  {
    name: "a file of blank lines",
    format: "gdelt",
    file: () => writeInput(folder, "blank.CSV", "\n\n"),
    message: /blank\.CSV: the file is empty$/,
  },
  {
    name: "a missing file",
    format: "acled",
    file: () => `${folder}/no-such-file.csv`,
    message: /no-such-file\.csv: no such file$/,
  },
  {
    name: "a GDELT row with a column missing",
    format: "gdelt",
    file: () => writeInput(folder, "gdelt-short.CSV", `${"900000001\t20250612".padEnd(20)}\t${Array.from({ length: 58 }, () => "").join("\t")}\n`),
    message: /gdelt-short\.CSV:1: has 60 tab-separated fields; a GDELT 2\.0 event has 61\n/,
  },
];

describe.each(BACKENDS)("bad input on $name", (backend) => {
  let database: DocumentTestDatabase;
  beforeAll(async () => {
    database = await sharedDatabase(backend);
  });
  afterAll(() => database.dispose());
  it.each(BROKEN_INPUTS)("stops at $name and writes nothing", async ({ format, file, message }) => {
    const error = await failureOf(importFiles(database.handles, format, [file()]));
    expect(error.message).toMatch(message);
    expect(await countRows(database.handles)).toEqual(NO_ROWS);
  });

  it("rolls back the batches written before an invalid row", async () => {
    const file = acledFile("late-error.csv", [...rows.slice(0, 1100), withFields(header, rows[1100]!, { fatalities: "-1" })]);
    const error = await failureOf(importFiles(database.handles, "acled", [file]));
    expect(error.message).toMatch(/late-error\.csv:1102: fatalities: must be at least 0 \(got "-1"\)/);
    expect(await countRows(database.handles)).toEqual(NO_ROWS);
  });

  it("rolls back every file of an import when a later file is broken", async () => {
    const good = acledFile("good.csv", rows.slice(0, 5));
    const error = await failureOf(importFiles(database.handles, "acled", [good, `${folder}/absent.csv`]));
    expect(error.message).toMatch(/absent\.csv: no such file/);
    const broken = acledFile("broken.csv", [withFields(header, rows[5]!, { timestamp: "yesterday" })]);
    expect((await failureOf(importFiles(database.handles, "acled", [good, broken]))).message).toMatch(/broken\.csv:2: timestamp: must be a whole number/);
    expect(await countRows(database.handles)).toEqual(NO_ROWS);
  });

  it("reports every bad field of every bad row, the first as before, and writes nothing", async () => {
    const severalFields = withFields(header, rows[1]!, { fatalities: "three", latitude: "north", timestamp: "yesterday" });
    const badDate = withFields(header, rows[3]!, { event_date: "2025-02-30" });
    const file = acledFile("many-bad.csv", [rows[0]!, severalFields, rows[2]!, badDate, withFields(header, rows[4]!, { longitude: "200" })]);
    const error = await failureOf(importFiles(database.handles, "acled", [file]));
    expect(error.message.split("\n")).toEqual([
      // A row's problems come in the order the mapping reads its fields, the first one as an import stopping at it said.
      `${file}:3: timestamp: must be a whole number (got "yesterday")`,
      expect.stringMatching(/^ {2}\(nothing was written; fix the row/),
      `${file}:3: fatalities: must be a whole number (got "three")`,
      `${file}:3: latitude: must be a number (got "north")`,
      `${file}:5: event_date: is not a real day (got "2025-02-30")`,
      `${file}:6: longitude: must be between -180 and 180 (got "200")`,
    ]);
    expect(await countRows(database.handles)).toEqual(NO_ROWS);
  });

  it("lists at most 100 problems and counts the others", async () => {
    const file = acledFile(
      "all-bad.csv",
      rows.slice(0, 120).map((row) => withFields(header, row, { fatalities: "x", latitude: "y" })),
    );
    const lines = (await failureOf(importFiles(database.handles, "acled", [file]))).message.split("\n");
    expect(lines).toHaveLength(100 + 2);
    expect(lines.at(-2)).toBe(`${file}:51: latitude: must be a number (got "y")`);
    expect(lines.at(-1)).toBe("… and 140 more problems");
    expect(await countRows(database.handles)).toEqual(NO_ROWS);
  });

  it("with --dry-run reports what would change and writes nothing", async () => {
    const summary = await importFiles(database.handles, "acled", [acledFile("dry.csv", rows.slice(0, 10))], { dryRun: true });
    expect(summary.dryRun).toBe(true);
    expect(summary.entities.incidents).toEqual({ inserted: 10, updated: 0, unchanged: 0, rejected: 0 });
    expect(summary.actors!.resolutions.filter((resolution) => resolution.outcome === "created").length).toBeGreaterThan(0);
    expect(await countRows(database.handles)).toEqual(NO_ROWS);
  });
});

describe.each(BACKENDS)("--skip-invalid on $name", (backend) => {
  let database: DocumentTestDatabase;
  beforeAll(async () => {
    database = await sharedDatabase(backend);
  });
  afterAll(() => database.dispose());

  it("writes the valid rows and lists each invalid one, with its line, reason and text, in the reject file", async () => {
    const badDate = withFields(header, rows[1]!, { event_date: "2025-13-01" });
    const badType = withFields(header, rows[3]!, { event_type: "Skirmishes" });
    const file = acledFile("some-bad.csv", [rows[0]!, badDate, rows[2]!, badType, rows[4]!]);
    const summary = await importFiles(database.handles, "acled", [file], { skipInvalid: true });
    expect(summary.rows).toMatchObject({ read: 5, rejected: 2 });
    expect(summary.entities.incidents).toEqual({ inserted: 3, updated: 0, unchanged: 0, rejected: 2 });
    expect(summary.rejectFiles).toEqual([`${file}.rejects.csv`]);
    const rejects = parse(readFileSync(`${file}.rejects.csv`)) as string[][];
    expect(rejects).toEqual([
      ["file", "line", "field", "reason", "text"],
      [file, "3", "event_date", 'is not a real day (got "2025-13-01")', badDate],
      [file, "5", "event_type", expect.stringMatching(/^unknown event type "Skirmishes"/), badType],
    ]);
    expect((await countRows(database.handles)).incidents).toBe(3);
  });

  it("lists each bad field of a rejected row on a line of its own, and counts the row once", async () => {
    const severalFields = withFields(header, rows[6]!, { fatalities: "three", latitude: "north" });
    const file = acledFile("several-fields.csv", [rows[5]!, severalFields]);
    const summary = await importFiles(database.handles, "acled", [file], { skipInvalid: true });
    expect(summary.rows).toMatchObject({ read: 2, rejected: 1 });
    expect(parse(readFileSync(`${file}.rejects.csv`))).toEqual([
      ["file", "line", "field", "reason", "text"],
      [file, "3", "fatalities", 'must be a whole number (got "three")', severalFields],
      [file, "3", "latitude", 'must be a number (got "north")', severalFields],
    ]);
  });
});

describe("the import command's arguments", () => {
  it("rejects an unknown --format", () => {
    expect(() => parseImportArgs(["--format", "csv", "events.csv"])).toThrow(new UsageError('unknown --format "csv": use acled, gdelt or meridian'));
  });

  it("needs a format and a file", () => {
    expect(() => parseImportArgs(["events.csv"])).toThrow(/--format is required/);
    expect(() => parseImportArgs(["--format", "acled"])).toThrow(/no file to import/);
  });

  it("rejects an unknown flag and --skip-invalid for Meridian documents", () => {
    expect(() => parseImportArgs(["--format", "acled", "--fast", "events.csv"])).toThrow(UsageError);
    expect(() => parseImportArgs(["--format", "meridian", "--skip-invalid", "story.json"])).toThrow(/a Meridian document is checked and written whole/);
  });

  it("reads files and standard input with their flags", () => {
    expect(parseImportArgs(["--format=gdelt", "--dry-run", "a.CSV", "-"])).toEqual({
      format: "gdelt",
      files: ["a.CSV", "-"],
      dryRun: true,
      skipInvalid: false,
      bulk: "auto",
    });
    expect(parseImportArgs(["--format", "acled", "--bulk", "a.csv"])).toMatchObject({ bulk: "on" });
    expect(parseImportArgs(["--format", "gdelt", "--no-bulk", "a.CSV"])).toMatchObject({ bulk: "off" });
    expect(() => parseImportArgs(["--format", "acled", "--bulk", "--no-bulk", "a.csv"])).toThrow(/--bulk and --no-bulk contradict each other/);
    expect(() => parseImportArgs(["--format", "meridian", "--bulk", "story.json"])).toThrow(/--bulk applies to acled and gdelt/);
    expect(parseImportArgs(["--format", "acled", "--skip-invalid", "--rejects", "bad.csv", "a.csv"])).toMatchObject({
      skipInvalid: true,
      rejectsPath: "bad.csv",
    });
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("bad input and --skip-invalid on postgres"));
