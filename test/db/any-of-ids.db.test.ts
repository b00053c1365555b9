// anyOfIds sends a list of IDs as one array parameter; each driver writes the array literal,
// so IDs holding the characters an array literal quotes must still match exactly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actors } from "../../services/actors/data/tables.js";
import { anyOfIds } from "../../db/any-of-ids.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE, type TestDatabase } from "../../scripts/harness/backends.js";

const AWKWARD_IDS = ['odd:"quoted", {braced}', "odd:back\\slash", "odd:NULL", "odd: spaced ", "odd:ünïcödé"];

describe.each(BACKENDS)("lists of IDs as one parameter on $name", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await backend.create();
    await database.handle.db.insert(actors).values([...AWKWARD_IDS, "odd:other"].map((id) => ({ id, kind: "PERSON" as const, name: id })));
  });
  afterAll(() => database?.dispose());

  it("finds each ID exactly, whatever characters it holds", async () => {
    const rows = await database.handle.db
      .select({ id: actors.id })
      .from(actors)
      .where(anyOfIds(actors.id, [...AWKWARD_IDS, "odd:missing"]));
    expect(rows.map((row) => row.id).sort()).toEqual([...AWKWARD_IDS].sort());
  });

  it("finds nothing for an empty list", async () => {
    expect(await database.handle.db.select({ id: actors.id }).from(actors).where(anyOfIds(actors.id, []))).toEqual([]);
  });
});

if (POSTGRES_SKIPPED_NOTE) it.skip(POSTGRES_SKIPPED_NOTE, () => {});
