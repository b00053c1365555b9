// The bulk path (`npm run import -- --bulk`: indexes dropped and built after the rows, tallies
// counted again) leaves the database as the incremental path does: the same rows in every table,
// tallies included, the same search answers, the same history of rows, and every index and
// trigger back as the migrations made them. Both paths run on databases that already hold the
// seed and an import, so the bulk path's recount covers rows it did not write, and its input
// updates stored incidents as well as adding new ones.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultRows } from "../../../db/result-rows.js";
import type { SubgraphHandles } from "../../../ingest/documents/subgraph-handles.js";
import type { ImportSummary } from "../../../ingest/import/import-summary.js";
import { loadSeed } from "../../../ingest/seed/load-seed.js";
import { IncidentSearchRepository } from "../../../services/incidents/data/incident-search.repository.js";
import { StatementSearchRepository } from "../../../services/statements/data/statement-search.repository.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { indexesAndTriggers } from "../../support/indexes-and-triggers.js";
import { WRITE_TIME_COLUMNS, tableChecksums } from "../../support/table-checksums.js";
import { type DocumentTestDatabase, sharedDatabase } from "../documents/support/databases.js";
import { importFiles } from "./support/import-runs.js";
import { ACLED_FIXTURE, GDELT_FIXTURE, acledLines, readAcled, temporaryFolder, withFields, writeInput } from "./support/sample-files.js";

const folder = temporaryFolder();
// 600 events: the fixture's, three of them changed (a later version, new deaths and date), and copies with IDs of their own.
const { header, rows } = acledLines(600);
const changed = rows.map((row, index) =>
  index < 3 ? withFields(header, row, { fatalities: String(10 + index), event_date: "2025-03-20", timestamp: "1900000000" }) : row,
);
const acledFile = writeInput(folder, "bulk.csv", `${[header, ...changed].join("\n")}\n`);

/** The rows the history recorded, by schema, table and operation (change IDs and times differ between databases). */
async function recordedRows(handles: SubgraphHandles): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const schema of ["actors", "statements", "incidents"] as const) {
    const rows = resultRows<{ table_name: string; operation: string; rows: number }>(
      await handles[schema].db.execute(
        sql`select table_name, operation, count(*)::int as "rows" from ${sql.identifier(schema)}.row_changes group by 1, 2 order by 1, 2`,
      ),
    );
    for (const row of rows) counts[`${schema}.${row.table_name} ${row.operation}`] = row.rows;
  }
  return counts;
}

async function searchAnswers(handles: SubgraphHandles): Promise<unknown> {
  const incidents = new IncidentSearchRepository(handles.incidents.db);
  const statements = new StatementSearchRepository(handles.statements.db);
  const answers: unknown[] = [];
  for (const [text, filter] of [
    ["rebels killed", { country: "NOR" }],
    ["Storhavn", null],
    ["CAMEO", null],
  ] as const) {
    const page = await incidents.search(text, filter, 50, null);
    answers.push(text, await page.totalCount, page.edges);
  }
  for (const text of ["CAMEO", "Chinese", "China"]) {
    const page = await statements.search(text, null, 50, null);
    answers.push(text, await page.totalCount, page.edges);
  }
  return answers;
}

describe.each(BACKENDS)("the bulk path on $name", (backend) => {
  const paths: Record<"incremental" | "bulk", { database?: DocumentTestDatabase; summaries: ImportSummary[] }> = {
    incremental: { summaries: [] },
    bulk: { summaries: [] },
  };
  let migrated: string[];

  beforeAll(async () => {
    for (const [name, path] of Object.entries(paths)) {
      path.database = await sharedDatabase(backend);
      const { handles } = path.database;
      migrated ??= await indexesAndTriggers(handles.incidents.db);
      await loadSeed(handles);
      await importFiles(handles, "acled", [ACLED_FIXTURE]);
      const bulk = name === "bulk" ? "on" : "off";
      path.summaries.push(await importFiles(handles, "acled", [acledFile], { bulk }), await importFiles(handles, "gdelt", [GDELT_FIXTURE], { bulk }));
    }
  }, 240_000);
  afterAll(async () => {
    for (const path of Object.values(paths)) await path.database?.dispose();
  });

  it("takes the bulk path only when told to here, and says what it rebuilt", () => {
    const [acled, gdelt] = paths.bulk.summaries;
    expect(acled!.bulk).toMatchObject({ reason: "--bulk" });
    // The incidents schema's secondary indexes but one, and the statements'; not the actors'.
    expect(acled!.bulk!.indexes).toBeGreaterThanOrEqual(20);
    expect(gdelt!.bulk).toBeDefined();
    expect(paths.incremental.summaries.map((summary) => summary.bulk)).toEqual([undefined, undefined]);
    // It did update stored incidents, not only add new ones.
    const stored = readAcled(ACLED_FIXTURE).length;
    expect(acled!.entities.incidents).toMatchObject({ updated: 3, unchanged: stored - 3, inserted: 600 - stored });
  });

  it("writes every table, tallies included, as the incremental path does", async () => {
    const bulk = await tableChecksums(paths.bulk.database!.handles, WRITE_TIME_COLUMNS);
    expect(bulk["incidents.incident_day_counts"]).not.toMatch(/^0:/);
    const incremental = await tableChecksums(paths.incremental.database!.handles, WRITE_TIME_COLUMNS);
    expect(Object.keys(bulk).filter((table) => bulk[table] !== incremental[table])).toEqual([]);
    expect(bulk).toEqual(incremental);
    expect(paths.bulk.summaries.map((summary) => summary.entities)).toEqual(paths.incremental.summaries.map((summary) => summary.entities));
  });

  it("answers searches as the incremental path's database does", async () => {
    const answers = await searchAnswers(paths.bulk.database!.handles);
    // Hits of the events written by both imports, the bulk path's copies among them.
    expect(JSON.stringify(answers)).toMatch(/acled:FIX\d+-\d+/);
    expect(JSON.stringify(answers)).toContain("gdelt:");
    expect(answers).toEqual(await searchAnswers(paths.incremental.database!.handles));
  });

  it("records the same rows in the history", async () => {
    expect(await recordedRows(paths.bulk.database!.handles)).toEqual(await recordedRows(paths.incremental.database!.handles));
  });

  it("leaves every index and trigger as the migrations made them", async () => {
    expect(await indexesAndTriggers(paths.bulk.database!.handles.incidents.db)).toEqual(migrated);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("the bulk path on postgres"));
