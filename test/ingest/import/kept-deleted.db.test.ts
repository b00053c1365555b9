// A dataset record an editor deleted stays deleted: importing the export again, or a newer
// version of the record, leaves it out and counts it as kept deleted; an actor an editor deleted
// is not created again, and the records that name it keep naming its ID (which answers null).
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatSummary } from "../../../ingest/import/import-summary.js";
import { actors, aliases } from "../../../services/actors/data/tables.js";
import { ActorCuration } from "../../../services/actors/writes/actor-curation.js";
import { LinkDecisions } from "../../../services/actors/writes/link-decisions.js";
import { loadDocument } from "../../../ingest/documents/load-document.js";
import { incidents, participants } from "../../../services/incidents/data/tables.js";
import { IncidentCuration } from "../../../services/incidents/writes/incident-curation.js";
import { statements } from "../../../services/statements/data/tables.js";
import { StatementCuration } from "../../../services/statements/writes/statement-curation.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type DocumentTestDatabase, sharedDatabase } from "../documents/support/databases.js";
import { importFiles } from "./support/import-runs.js";
import { GDELT_FIXTURE, acledLines, csvFields, temporaryFolder, withFields, writeInput } from "./support/sample-files.js";
import { editorScope } from "../../support/editor-scope.js";

const { header, rows } = acledLines(3);
const folder = temporaryFolder();
const TIMESTAMP = csvFields(header).indexOf("timestamp");
const ids = rows.map((row) => `acled:${csvFields(row)[0]}`);
const exportFile = writeInput(folder, "export.csv", `${[header, ...rows].join("\n")}\n`);
const newerExportFile = writeInput(
  folder,
  "newer.csv",
  `${[header, ...rows.map((row) => withFields(header, row, { timestamp: String(Number(csvFields(row)[TIMESTAMP]) + 3600) }))].join("\n")}\n`,
);

describe.each(BACKENDS)("records an editor deleted, imported again, on $name", (backend) => {
  let database: DocumentTestDatabase;
  beforeAll(async () => {
    database = await sharedDatabase(backend);
    await importFiles(database.handles, "acled", [exportFile]);
  });
  afterAll(() => database.dispose());

  const storedIncident = async (id: string) => database.handles.incidents.db.$count(incidents, eq(incidents.id, id));

  it("keeps a deleted ACLED event deleted, whether the same export or a newer version of it is imported", async () => {
    expect(await new IncidentCuration(database.handles.incidents.db, editorScope()).delete(ids[0]!)).toBe(true);
    const again = await importFiles(database.handles, "acled", [exportFile]);
    expect(again.rows.keptDeleted).toBe(1);
    expect(again.entities.incidents).toEqual({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
    expect(formatSummary(again, { listActors: false })).toContain("kept deleted: 1 records an editor deleted");
    const newer = await importFiles(database.handles, "acled", [newerExportFile]);
    expect(newer.rows.keptDeleted).toBe(1);
    expect(newer.entities.incidents).toEqual({ inserted: 0, updated: 2, unchanged: 0, rejected: 0 });
    expect(await storedIncident(ids[0]!)).toBe(0);
  });

  it("does not create again an actor an editor deleted: the events keep naming its ID", async () => {
    const [named] = await database.handles.incidents.db
      .select({ incidentId: participants.incidentId, actorId: participants.actorId })
      .from(participants)
      .where(like(participants.actorId, "acled:%"))
      .orderBy(participants.actorId)
      .limit(1);
    expect(named).toBeDefined();
    expect(await new ActorCuration(database.handles.actors.db, editorScope()).delete(named!.actorId)).toBe(true);
    const again = await importFiles(database.handles, "acled", [newerExportFile]);
    expect(again.actors!.resolutions).toContainEqual(expect.objectContaining({ actorId: named!.actorId, outcome: "retired" }));
    expect(formatSummary(again, { listActors: false })).toMatch(/, 1 kept deleted/);
    expect(await database.handles.actors.db.$count(actors, eq(actors.id, named!.actorId))).toBe(0);
    expect(await database.handles.actors.db.$count(aliases, eq(aliases.actorId, named!.actorId))).toBe(0);
    const stillNamed = await database.handles.incidents.db
      .select({ actorId: participants.actorId })
      .from(participants)
      .where(eq(participants.incidentId, named!.incidentId));
    expect(stillNamed).toContainEqual({ actorId: named!.actorId });
  });

  it("keeps a deleted GDELT statement deleted", async () => {
    await importFiles(database.handles, "gdelt", [GDELT_FIXTURE]);
    const [first] = await database.handles.statements.db
      .select({ id: statements.id })
      .from(statements)
      .where(like(statements.id, "gdelt:%"))
      .orderBy(statements.id)
      .limit(1);
    expect(await new StatementCuration(database.handles.statements.db, editorScope()).deleteStatement(first!.id)).toBe(true);
    const again = await importFiles(database.handles, "gdelt", [GDELT_FIXTURE]);
    expect(again.rows.keptDeleted).toBe(1);
    expect(again.entities.statements).toMatchObject({ inserted: 0, updated: 0 });
    expect(await database.handles.statements.db.$count(statements, eq(statements.id, first!.id))).toBe(0);
  });

  it("refuses to undo a link whose identifier's own actor an editor deleted: that would bring its ID back", async () => {
    expect(await new ActorCuration(database.handles.actors.db, editorScope()).delete("gdelt:nor")).toBe(true);
    await loadDocument(
      { format: "meridian/1", actors: [{ key: "norway", kind: "STATE", name: "Norway", country: "NOR", aliases: [{ scheme: "CAMEO", value: "NOR" }] }] },
      database.handles,
    );
    // Matched by its code now, NOR is linked to Norway, its own actor being the deleted gdelt:nor.
    await importFiles(database.handles, "gdelt", [GDELT_FIXTURE]);
    const refusal = await new LinkDecisions(database.handles.actors.db, editorScope()).reject("CAMEO", "NOR").then(
      () => undefined,
      (error: Error) => error,
    );
    expect(refusal?.message).toMatch(/^Argument "value": its own actor cannot come back: the actor gdelt:nor was deleted on /);
    expect(await database.handles.actors.db.$count(actors, eq(actors.id, "gdelt:nor"))).toBe(0);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("records an editor deleted, imported again, on postgres"));
