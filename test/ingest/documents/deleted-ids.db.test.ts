// A Meridian document (the seed story too) cannot bring back an ID an editor deleted or merged
// away: rows of other subgraphs still name it. The load is refused at the entity's key, naming
// the deletion, and writes nothing; a reference to a deleted entity says it was deleted.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadDocument } from "../../../ingest/documents/load-document.js";
import { isDatabaseEmpty, loadSeed } from "../../../ingest/seed/load-seed.js";
import { ActorCuration } from "../../../services/actors/writes/actor-curation.js";
import { IncidentCuration } from "../../../services/incidents/writes/incident-curation.js";
import { StatementCuration } from "../../../services/statements/writes/statement-curation.js";
import { DocumentError, type DocumentProblem } from "../../../services/kit/records/problems.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type DocumentTestDatabase, sharedDatabase } from "./support/databases.js";
import { countRows } from "./support/row-counts.js";
import { smallDocument } from "./support/small-document.js";
import { editorScope } from "../../support/editor-scope.js";

async function problemsOf(load: Promise<unknown>): Promise<readonly DocumentProblem[]> {
  const error = await load.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(DocumentError);
  return (error as DocumentError).problems;
}

const DELETED_ON = "was deleted on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC";

describe.each(BACKENDS)("deleted IDs in documents on $name", (backend) => {
  let database: DocumentTestDatabase;
  beforeEach(async () => {
    database = await sharedDatabase(backend);
  });
  afterEach(() => database.dispose());

  it("refuses a document that would re-create deleted entities of every kind, at their keys, writing nothing", async () => {
    await loadDocument(smallDocument(), database.handles);
    expect(await new StatementCuration(database.handles.statements.db, editorScope("alice")).deleteStatement("meridian:statement-one")).toBe(true);
    const statementCuration = new StatementCuration(database.handles.statements.db, editorScope());
    expect(await statementCuration.deleteClaim("meridian:claim-one")).toBe(true);
    expect(await statementCuration.deleteSource("meridian:briefing")).toBe(true);
    expect(await new ActorCuration(database.handles.actors.db, editorScope()).delete("meridian:speaker")).toBe(true);
    expect(await new IncidentCuration(database.handles.incidents.db, editorScope()).delete("meridian:capture")).toBe(true);
    const before = await countRows(database.handles);
    const problems = await problemsOf(loadDocument(smallDocument(), database.handles));
    const atKeys = problems.filter((problem) => problem.path.endsWith(".key"));
    expect(atKeys).toEqual(
      expect.arrayContaining([
        {
          path: "sources[0].key",
          message: expect.stringMatching(new RegExp(`^the source meridian:briefing ${DELETED_ON} by test-editor; .*give the source another key`)),
        },
        { path: "actors[0].key", message: expect.stringMatching(new RegExp(`^the actor meridian:speaker ${DELETED_ON}`)) },
        { path: "claims[0].key", message: expect.stringMatching(new RegExp(`^the claim meridian:claim-one ${DELETED_ON}`)) },
        { path: "statements[0].key", message: expect.stringMatching(new RegExp(`^the statement meridian:statement-one ${DELETED_ON} by alice`)) },
        { path: "incidents[0].key", message: expect.stringMatching(new RegExp(`^the incident meridian:capture ${DELETED_ON}`)) },
      ]),
    );
    expect(atKeys).toHaveLength(5);
    expect(await countRows(database.handles)).toEqual(before);
  });

  it("says a reference names a deleted entity", async () => {
    await loadDocument(smallDocument(), database.handles);
    await new ActorCuration(database.handles.actors.db, editorScope()).delete("meridian:ministry");
    const problems = await problemsOf(
      loadDocument(
        {
          format: "meridian/1",
          statements: [{ ...smallDocument().statements![0]!, key: "statement-two", onBehalfOf: "meridian:ministry", stances: [], incidents: [] }],
        },
        database.handles,
      ),
    );
    expect(problems).toContainEqual({
      path: "statements[0].onBehalfOf",
      message: expect.stringMatching(
        new RegExp(`^no actor "meridian:ministry" in this document or in the database: the actor meridian:ministry ${DELETED_ON}`),
      ),
    });
  });

  it("refuses a document that would give a merged actor's ID to a new actor", async () => {
    await loadDocument(smallDocument(), database.handles);
    await new ActorCuration(database.handles.actors.db, editorScope()).merge("meridian:ministry", "meridian:speaker");
    const problems = await problemsOf(loadDocument(smallDocument(), database.handles));
    expect(problems).toContainEqual({
      path: "actors[0].key",
      message: expect.stringMatching(/^the ID meridian:speaker belonged to an actor merged into meridian:ministry; /),
    });
  });

  it("refuses to load the seed story again over an actor an editor deleted, naming it, writing nothing", async () => {
    await loadSeed(database.handles);
    await new ActorCuration(database.handles.actors.db, editorScope()).delete("meridian:volodymyr-zelensky");
    const before = await countRows(database.handles);
    const problems = await problemsOf(loadSeed(database.handles));
    expect(problems.map((problem) => problem.message)).toEqual([expect.stringMatching(new RegExp(`^the actor meridian:volodymyr-zelensky ${DELETED_ON}`))]);
    expect(await countRows(database.handles)).toEqual(before);
  });

  it("is not empty for startup's seeding once every actor was deleted", async () => {
    await loadDocument({ format: "meridian/1", actors: [{ key: "only-one", kind: "PERSON", name: "Only One" }] }, database.handles);
    await new ActorCuration(database.handles.actors.db, editorScope()).delete("meridian:only-one");
    expect(await isDatabaseEmpty(database.handles)).toBe(false);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("deleted IDs in documents on postgres"));
