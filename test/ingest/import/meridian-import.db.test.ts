// `--format meridian` loads Meridian documents as the seed loader does, all documents of an
// import in one transaction, from files or standard input (JSON or NDJSON).
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentError } from "../../../services/kit/records/problems.js";
import { SEED_STORY_PATH } from "../../../ingest/seed/load-seed.js";
import { type DocumentTestDatabase, sharedDatabase } from "../documents/support/databases.js";
import { countRows, NO_ROWS } from "../documents/support/row-counts.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { failureOf, importFiles } from "./support/import-runs.js";
import { MERIDIAN_DANGLING_FIXTURE, MERIDIAN_FIXTURE, MERIDIAN_FOLLOW_UP_FIXTURE } from "./support/sample-files.js";

describe.each(BACKENDS)("importing Meridian documents on $name", (backend) => {
  let database: DocumentTestDatabase;
  beforeAll(async () => {
    database = await sharedDatabase(backend);
  });
  afterAll(() => database.dispose());

  it("rejects a document whose second file refers to nothing, writing neither file", async () => {
    const error = await failureOf(importFiles(database.handles, "meridian", [MERIDIAN_FIXTURE, MERIDIAN_DANGLING_FIXTURE]));
    expect(error).toBeInstanceOf(DocumentError);
    expect(error.message).toMatch(/dangling-reference\.ndjson:1: claims\[0\]\.subject: no actor "nobody-at-all" in this document or in the database/);
    expect(await countRows(database.handles)).toEqual(NO_ROWS);
  });

  it("loads a JSON document and an NDJSON one referring to it in one import, then finds them unchanged", async () => {
    const files = [MERIDIAN_FIXTURE, MERIDIAN_FOLLOW_UP_FIXTURE];
    const first = await importFiles(database.handles, "meridian", files);
    expect(first.entities).toMatchObject({
      actors: { inserted: 3, updated: 0, unchanged: 0 },
      sources: { inserted: 2, updated: 0, unchanged: 0 },
      claims: { inserted: 1, updated: 0, unchanged: 0 },
      statements: { inserted: 2, updated: 0, unchanged: 0 },
      incidents: { inserted: 1, updated: 0, unchanged: 0 },
    });
    const again = await importFiles(database.handles, "meridian", files);
    for (const counts of Object.values(again.entities)) expect(counts.inserted + counts.updated).toBe(0);
    expect(again.entities.statements).toMatchObject({ unchanged: 2 });
  });

  it("loads the seed story, then finds it unchanged", async () => {
    const first = await importFiles(database.handles, "meridian", [SEED_STORY_PATH]);
    expect(first.entities.actors!.inserted).toBeGreaterThan(20);
    expect(first.entities.incidents!.inserted).toBeGreaterThan(0);
    const again = await importFiles(database.handles, "meridian", [SEED_STORY_PATH]);
    for (const counts of Object.values(again.entities)) expect(counts.inserted + counts.updated).toBe(0);
  });

  it("reads NDJSON from standard input, referring to what the seed story stored", async () => {
    const lines = [
      { format: "meridian/1", sources: [{ key: "stdin-note", kind: "ARTICLE", title: "A note read from standard input" }] },
      { format: "meridian/1", claims: [{ key: "stdin-claim", text: "Zelensky spoke about the capture", subject: "volodymyr-zelensky" }] },
    ];
    const summary = await importFiles(database.handles, "meridian", ["-"], {}, Readable.from([lines.map((line) => JSON.stringify(line)).join("\n")]));
    expect(summary.entities.sources).toMatchObject({ inserted: 1 });
    expect(summary.entities.claims).toMatchObject({ inserted: 1 });
  });

  it("names standard input - in the problems of a document read from it", async () => {
    const error = await failureOf(importFiles(database.handles, "meridian", ["-"], {}, Readable.from(['{"format": "meridian/1", "actors": [{"key": "x"}]}'])));
    expect(error.message).toMatch(/^the document has \d+ problem\(s\):\n  - -: actors\[0\]\.kind: is required/);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("Meridian documents on postgres"));
