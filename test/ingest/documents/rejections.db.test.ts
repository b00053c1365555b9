import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MeridianDocument } from "../../../ingest/documents/document.schema.js";
import { loadDocument } from "../../../ingest/documents/load-document.js";
import { parseDocumentFile } from "../../../ingest/documents/parse-document-file.js";
import { DocumentError, type DocumentProblem } from "../../../services/kit/records/problems.js";
import { loadSeed } from "../../../ingest/seed/load-seed.js";
import { actors } from "../../../services/actors/data/tables.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type DocumentTestDatabase, sharedDatabase } from "./support/databases.js";
import { countRows, NO_ROWS } from "./support/row-counts.js";
import { smallDocument } from "./support/small-document.js";

/** The problems a rejected load reports; fails the test when the load succeeds. */
async function problemsOf(load: Promise<unknown>): Promise<readonly DocumentProblem[]> {
  const error = await load.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(DocumentError);
  return (error as DocumentError).problems;
}

// Loosely typed so that a case can break the document in ways its type forbids.
type Breakable = MeridianDocument & Record<string, any>;

const BROKEN_DOCUMENTS: { name: string; breakIt: (document: Breakable) => void; path: string; message: RegExp }[] = [
  {
    name: "a date that is not a real day",
    breakIt: (document) => (document.statements![0]!.said.date = "2025-02-30"),
    path: "statements[0].said.date",
    message: /real day written YYYY-MM-DD \(got "2025-02-30"\)/,
  },
  {
    name: "a reference to no actor",
    breakIt: (document) => (document.statements![0]!.speaker = "Nobody Known"),
    path: "statements[0].speaker",
    message: /no actor has the key, name or alias "Nobody Known"/,
  },
  {
    name: "a key neither in the document nor in the database",
    breakIt: (document) => (document.incidents![0]!.sources = ["missing-source"]),
    path: "incidents[0].sources[0]",
    message: /no source "missing-source" in this document or in the database/,
  },
  {
    name: "a duplicate key",
    breakIt: (document) => document.actors!.push({ key: "speaker", kind: "PERSON", name: "Another Person" }),
    path: "actors[2].key",
    message: /duplicate actor key "speaker" \(first used at actors\[0\]\)/,
  },
  {
    name: "a value outside an enumeration",
    breakIt: (document) => (document.incidents![0]!.type = "SKIRMISH" as never),
    path: "incidents[0].type",
    message: /must be one of CAPTURE, RECRUITMENT, .* \(got "SKIRMISH"\)/,
  },
  {
    name: "a country that is not an alpha-3 code",
    breakIt: (document) => (document.actors![0]!.country = "UA"),
    path: "actors[0].country",
    message: /ISO 3166-1 alpha-3/,
  },
  {
    name: "a misspelt field",
    breakIt: (document) => Object.assign(document.incidents![0]!, { summery: "typo" }),
    path: "incidents[0].summery",
    message: /is not a field here/,
  },
  {
    name: "two primary places",
    breakIt: (document) => document.incidents![0]!.places!.push({ name: "Sloviansk", primary: true }),
    path: "incidents[0].places",
    message: /exactly one place must be primary \(found 2\)/,
  },
  {
    name: "the same participant twice",
    breakIt: (document) => document.incidents![0]!.participants!.push({ actor: "Ministry of Examples", role: "CAPTOR" }),
    path: "incidents[0].participants[1]",
    message: /repeats the actor and role of participants\[0\]/,
  },
  {
    name: "a side for a participant that is no associate",
    breakIt: (document) => (document.incidents![0]!.participants![0]!.associatedWith = "SIDE_A"),
    path: "incidents[0].participants[0].associatedWith",
    message: /is only for participants in the role ASSOCIATE/,
  },
];

describe.each(BACKENDS)("rejected documents on $name", (backend) => {
  let database: DocumentTestDatabase;
  // Rejected loads write nothing, so the cases can share one database.
  beforeAll(async () => {
    database = await sharedDatabase(backend);
  });
  afterAll(() => database.dispose());

  it.each(BROKEN_DOCUMENTS)("rejects $name, naming its path, and writes nothing", async ({ breakIt, path, message }) => {
    const document = smallDocument() as Breakable;
    breakIt(document);
    const problems = await problemsOf(loadDocument(document, database.handles));
    expect(problems).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(await countRows(database.handles)).toEqual(NO_ROWS);
  });

  it("reports every reference problem of a document at once", async () => {
    const document = smallDocument();
    document.statements![0]!.speaker = "nobody";
    document.statements![0]!.stances![0]!.claim = "no-such-claim";
    document.relations![0]!.object = "Nobody Known";
    const problems = await problemsOf(loadDocument(document, database.handles));
    expect(problems.map((problem) => problem.path).sort()).toEqual(["relations[0].object", "statements[0].speaker", "statements[0].stances[0].claim"]);
  });

  it("names the line of an NDJSON fragment whose reference does not resolve", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "meridian-documents-")), "story.ndjson");
    const { statements, ...rest } = smallDocument();
    writeFileSync(file, `${JSON.stringify(rest)}\n${JSON.stringify({ format: "meridian/1", statements: [{ ...statements![0], speaker: "Nobody Known" }] })}\n`);
    const problems = await problemsOf(loadDocument(await parseDocumentFile(file), database.handles));
    expect(problems).toEqual([{ file, line: 2, path: "statements[0].speaker", message: expect.stringMatching(/no actor/) }]);
  });

  it("leaves stored entities as they were when a document that would change them is rejected", async () => {
    await loadSeed(database.handles);
    const before = await countRows(database.handles);
    const document = smallDocument();
    document.actors!.push({ key: "volodymyr-zelensky", kind: "PERSON", name: "Renamed" });
    document.incidents![0]!.participants![0]!.actor = "Nobody Known";
    await problemsOf(loadDocument(document, database.handles));
    expect(await countRows(database.handles)).toEqual(before);
    const [zelensky] = await database.handles.actors.db.select({ name: actors.name }).from(actors).where(eq(actors.id, "meridian:volodymyr-zelensky"));
    expect(zelensky).toEqual({ name: "Volodymyr Zelensky" });
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("rejected documents on postgres"));
