// ACLED's `timestamp` is a record's version: a newer export of an event updates it, an older
// one never overwrites it, and within one import the newest of repeated rows wins.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incidents } from "../../../services/incidents/data/tables.js";
import { sources } from "../../../services/statements/data/tables.js";
import { type DocumentTestDatabase, sharedDatabase } from "../documents/support/databases.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { importFiles } from "./support/import-runs.js";
import { acledLines, csvFields, temporaryFolder, withFields, writeInput } from "./support/sample-files.js";

const { header, rows } = acledLines(3);
const folder = temporaryFolder();
const TIMESTAMP = csvFields(header).indexOf("timestamp");
const ids = rows.map((row) => `acled:${csvFields(row)[0]}`);

/** The three rows with their timestamps moved by `seconds` and a fatality count of `fatalities`. */
function export_(name: string, seconds: number, fatalities: string): string {
  const changed = rows.map((row) => withFields(header, row, { timestamp: String(Number(csvFields(row)[TIMESTAMP]) + seconds), fatalities }));
  return writeInput(folder, name, `${[header, ...changed].join("\n")}\n`);
}

async function storedFatalities(database: DocumentTestDatabase): Promise<(number | null)[]> {
  const stored = await database.handles.incidents.db
    .select({ id: incidents.id, fatalities: incidents.fatalitiesBest })
    .from(incidents)
    .where(inArray(incidents.id, ids))
    .orderBy(incidents.id);
  return stored.map((row) => row.fatalities);
}

describe.each(BACKENDS)("ACLED record versions on $name", (backend) => {
  let database: DocumentTestDatabase;
  beforeAll(async () => {
    database = await sharedDatabase(backend);
    await importFiles(database.handles, "acled", [export_("current.csv", 0, "5")]);
  });
  afterAll(() => database.dispose());

  it("leaves events as stored when an older export of them is imported", async () => {
    const summary = await importFiles(database.handles, "acled", [export_("older.csv", -3600, "50")]);
    expect(summary.rows.olderThanStored).toBe(3);
    expect(summary.entities.incidents).toEqual({ inserted: 0, updated: 0, unchanged: 0, rejected: 0 });
    expect(await storedFatalities(database)).toEqual([5, 5, 5]);
  });

  it("updates events from a newer export, and their version", async () => {
    const summary = await importFiles(database.handles, "acled", [export_("newer.csv", 3600, "7")]);
    expect(summary.entities.incidents).toEqual({ inserted: 0, updated: 3, unchanged: 0, rejected: 0 });
    expect(await storedFatalities(database)).toEqual([7, 7, 7]);
    const [record] = await database.handles.statements.db
      .select({ retrievedAt: sources.retrievedAt })
      .from(sources)
      .where(eq(sources.id, `${ids[0]}.record`));
    expect(record!.retrievedAt).toEqual(new Date((Number(csvFields(rows[0]!)[TIMESTAMP]) + 3600) * 1000));
    const [incident] = await database.handles.incidents.db.select({ version: incidents.sourceVersion }).from(incidents).where(eq(incidents.id, ids[0]!));
    expect(incident!.version).toBe(Number(csvFields(rows[0]!)[TIMESTAMP]) + 3600);
  });

  it("writes the newest of the exports given in one import, whatever their order", async () => {
    const summary = await importFiles(database.handles, "acled", [export_("newest.csv", 7200, "9"), export_("oldest.csv", -7200, "1")]);
    expect(summary.entities.incidents!.updated).toBe(3);
    expect(summary.rows.olderThanStored).toBe(3);
    expect(await storedFatalities(database)).toEqual([9, 9, 9]);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("ACLED record versions on postgres"));
