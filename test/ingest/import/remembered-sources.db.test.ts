// An import remembers the shared sources it wrote only up to a bound (dataset-writer.ts), so
// that a year of GDELT does not keep tens of millions of article IDs. A source forgotten and met
// again is compared with what is stored, as a later import's would be: the tables come out the
// same as with every source remembered, and the forgotten ones are counted unchanged.
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import type { ImportSummary } from "../../../ingest/import/import-summary.js";
import { runImport } from "../../../ingest/import/run-import.js";
import { loadSeed } from "../../../ingest/seed/load-seed.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { WRITE_TIME_COLUMNS, tableChecksums } from "../../support/table-checksums.js";
import { type DocumentTestDatabase, sharedDatabase } from "../documents/support/databases.js";
import { GDELT_FIXTURE } from "./support/sample-files.js";

describe.each(BACKENDS)("shared sources remembered within a bound on $name", (backend) => {
  const databases: DocumentTestDatabase[] = [];
  afterEach(async () => {
    for (const database of databases.splice(0)) await database.dispose();
  });

  /** The fixture twice in one run (its sources met again), remembering `remembered` sources at most. */
  async function importTwice(remembered?: number): Promise<{ database: DocumentTestDatabase; summary: ImportSummary }> {
    const database = await sharedDatabase(backend);
    databases.push(database);
    await loadSeed(database.handles);
    const summary = await runImport(
      { format: "gdelt", files: [GDELT_FIXTURE, GDELT_FIXTURE], dryRun: false, skipInvalid: false, bulk: "off" },
      database.handles,
      { stdin: Readable.from([]), rememberedSharedSources: remembered },
    );
    return { database, summary };
  }

  it("writes the same tables remembering one source as remembering all, counting the forgotten ones unchanged", async () => {
    const all = await importTwice();
    const one = await importTwice(1);
    expect(await tableChecksums(one.database.handles, WRITE_TIME_COLUMNS)).toEqual(await tableChecksums(all.database.handles, WRITE_TIME_COLUMNS));
    expect(one.summary.entities.sources!.inserted).toBe(all.summary.entities.sources!.inserted);
    expect(all.summary.entities.sources!.inserted).toBeGreaterThan(1);
    // Remembering all, the second file's sources are known written; remembering one, they are compared again.
    expect(one.summary.entities.sources!.unchanged).toBeGreaterThan(all.summary.entities.sources!.unchanged);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("shared sources remembered within a bound on postgres"));
