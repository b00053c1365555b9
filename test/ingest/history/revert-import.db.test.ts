// An import is a recorded run: listed with its files' SHA-256 and summary, every row it wrote
// recorded under it, and reverting it puts every table back exactly as it was before the run
// (compared table by table, every row). A revert is refused, changing nothing, when it was
// reverted already, when no run has the ID, or when a later edit touched what the run wrote.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RevertRefused, revertImportRun } from "../../../ingest/history/revert-import.js";
import { loadSeed } from "../../../ingest/seed/load-seed.js";
import { changes, importRuns, rowChanges } from "../../../services/incidents/data/tables.js";
import { importRuns as actorImportRuns } from "../../../services/actors/data/tables.js";
import { IncidentCuration } from "../../../services/incidents/writes/incident-curation.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type DocumentTestDatabase, sharedDatabase } from "../documents/support/databases.js";
import { importFiles } from "../import/support/import-runs.js";
import { ACLED_FIXTURE, GDELT_FIXTURE } from "../import/support/sample-files.js";
import { tableChecksums } from "../../support/table-checksums.js";
import { editorScope } from "../../support/editor-scope.js";
import { inOneTransactionPerHandle } from "../../../db/bulk/in-one-transaction.js";
import { SUBGRAPH_HISTORIES } from "../../../services/histories.js";
import { beginChange } from "../../../services/kit/history/begin-change.js";
import { undoRows } from "../../../services/kit/history/undo-rows.js";
import type { SubgraphName } from "../../../services/registry.js";

async function refusal(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(RevertRefused);
  return (error as Error).message;
}

describe.each(BACKENDS)("import runs and their revert on $name", (backend) => {
  let database: DocumentTestDatabase;
  beforeEach(async () => {
    database = await sharedDatabase(backend);
    await loadSeed(database.handles);
  });
  afterEach(() => database.dispose());

  it("records an ACLED import's run with its file's SHA-256, and every row it inserted under it", async () => {
    const summary = await importFiles(database.handles, "acled", [ACLED_FIXTURE]);
    expect(summary.runId).toMatch(/^[0-9a-f-]{36}$/);
    const [run] = await database.handles.incidents.db.select().from(importRuns).where(eq(importRuns.id, summary.runId!));
    expect(run!.format).toBe("acled");
    expect(run!.files).toEqual([
      { name: ACLED_FIXTURE, bytes: readFileSync(ACLED_FIXTURE).length, sha256: createHash("sha256").update(readFileSync(ACLED_FIXTURE)).digest("hex") },
    ]);
    expect(run!.finishedAt).not.toBeNull();
    expect((run!.summary as { entities: { incidents: { inserted: number } } }).entities.incidents.inserted).toBe(summary.entities.incidents!.inserted);
    // Every subgraph records the run, the actors' too.
    expect(await database.handles.actors.db.$count(actorImportRuns, eq(actorImportRuns.id, summary.runId!))).toBe(1);
    const [change] = await database.handles.incidents.db.select().from(changes).where(eq(changes.importRunId, summary.runId!));
    expect(change!.kind).toBe("import");
    expect(change!.keyName).toMatch(/^os:/);
    const inserted = await database.handles.incidents.db.$count(rowChanges, eq(rowChanges.changeId, change!.id));
    expect(inserted).toBeGreaterThanOrEqual(summary.entities.incidents!.inserted);
  });

  it("puts every table back as it was before an ACLED import, then a GDELT import, reverted newest first", async () => {
    const before = await tableChecksums(database.handles);
    const acled = await importFiles(database.handles, "acled", [ACLED_FIXTURE]);
    const afterAcled = await tableChecksums(database.handles);
    const gdelt = await importFiles(database.handles, "gdelt", [GDELT_FIXTURE]);
    expect(await tableChecksums(database.handles)).not.toEqual(afterAcled);
    await revertImportRun(database.handles, gdelt.runId!, "os:tester");
    expect(await tableChecksums(database.handles)).toEqual(afterAcled);
    await revertImportRun(database.handles, acled.runId!, "os:tester");
    expect(await tableChecksums(database.handles)).toEqual(before);
  });

  it("puts every table back when a run's history is read seven rows at a time (runs and stretches across pages)", async () => {
    const before = await tableChecksums(database.handles);
    const acled = await importFiles(database.handles, "acled", [ACLED_FIXTURE]);
    let undone = 0;
    await inOneTransactionPerHandle(database.handles, async (databases) => {
      for (const name of Object.keys(SUBGRAPH_HISTORIES) as SubgraphName[]) {
        const history = SUBGRAPH_HISTORIES[name];
        const { changes: changesOf } = history.tables;
        const [change] = await databases[name].select({ id: changesOf.id }).from(changesOf).where(eq(changesOf.importRunId, acled.runId!));
        if (!change) continue;
        await beginChange(databases[name], history, { kind: "revertImport", keyName: "os:tester", reverts: change.id, importRunId: null });
        undone += await undoRows(databases[name], history, change.id, 7);
      }
    });
    // Many pages: the run wrote far more rows than seven.
    expect(undone).toBeGreaterThan(7 * 10);
    expect(await tableChecksums(database.handles)).toEqual(before);
  });

  it("refuses a second revert, an unknown run and a run a later edit built on, changing nothing", async () => {
    const acled = await importFiles(database.handles, "acled", [ACLED_FIXTURE]);
    const [incident] = await database.handles.incidents.db.select().from(rowChanges).where(eq(rowChanges.tableName, "incidents")).limit(1);
    await new IncidentCuration(database.handles.incidents.db, editorScope("alice")).update(incident!.entityId, { title: "Edited after the import" });
    const edited = await tableChecksums(database.handles);
    const conflict = await refusal(revertImportRun(database.handles, acled.runId!));
    expect(conflict).toContain("later changes touched what import run");
    expect(conflict).toContain(`updateIncident of incident ${incident!.entityId} by alice`);
    expect(await tableChecksums(database.handles)).toEqual(edited);
    expect(await refusal(revertImportRun(database.handles, "no-such-run"))).toContain('no import run "no-such-run" is recorded');
  });

  it("refuses to revert a run twice", async () => {
    const acled = await importFiles(database.handles, "acled", [ACLED_FIXTURE]);
    await revertImportRun(database.handles, acled.runId!);
    const reverted = await tableChecksums(database.handles);
    expect(await refusal(revertImportRun(database.handles, acled.runId!))).toContain("was already reverted");
    expect(await tableChecksums(database.handles)).toEqual(reverted);
  });

  it("keeps no run of a dry run (the seed's is the only one)", async () => {
    const dry = await importFiles(database.handles, "acled", [ACLED_FIXTURE], { dryRun: true });
    expect(dry.runId).toBeUndefined();
    expect(await database.handles.incidents.db.$count(importRuns)).toBe(1);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("import runs and their revert on postgres"));
