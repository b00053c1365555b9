import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openPglite } from "../../../db/client.js";
import { loadDocument } from "../../../ingest/documents/load-document.js";
import type { SubgraphHandles } from "../../../ingest/documents/subgraph-handles.js";
import { migrateSubgraph } from "../../../db/migrate.js";
import { SUBGRAPHS, SUBGRAPH_NAMES } from "../../../services/registry.js";
import { loadSeed } from "../../../ingest/seed/load-seed.js";
import { actorRelations, aliases } from "../../../services/actors/data/tables.js";
import { places } from "../../../services/incidents/data/tables.js";
import { statements } from "../../../services/statements/data/tables.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type DocumentTestDatabase, sharedDatabase } from "./support/databases.js";
import { countRows } from "./support/row-counts.js";
import { smallDocument } from "./support/small-document.js";

const UNCHANGED_ONE = { inserted: 0, updated: 0, unchanged: 1 };

describe.each(BACKENDS)("loading documents on $name", (backend) => {
  let database: DocumentTestDatabase;
  beforeEach(async () => {
    database = await sharedDatabase(backend);
  });
  afterEach(() => database.dispose());

  it("derives IDs from keys: relations from subject, predicate and object, places from incident and name", async () => {
    await loadDocument(smallDocument(), database.handles);
    const [relation] = await database.handles.actors.db.select({ id: actorRelations.id }).from(actorRelations);
    expect(relation).toEqual({ id: "meridian:speaker-spokesperson-for-ministry" });
    const [place] = await database.handles.incidents.db.select({ id: places.id }).from(places);
    expect(place).toEqual({ id: "meridian:capture.kramatorsk" });
  });

  it("updates a changed entity and its child rows, counting the others unchanged", async () => {
    await loadDocument(smallDocument(), database.handles);
    const changed = smallDocument();
    changed.actors![0]!.aliases!.push({ scheme: "TITLE", value: "Spokeswoman of the Ministry of Examples" });
    changed.incidents![0]!.places = [{ key: "sloviansk", name: "Sloviansk", admin1: "Donetsk", country: "UKR", primary: true }];

    const summary = await loadDocument(changed, database.handles);

    expect(summary).toEqual({
      sources: UNCHANGED_ONE,
      actors: { inserted: 0, updated: 1, unchanged: 1 },
      relations: UNCHANGED_ONE,
      statements: UNCHANGED_ONE,
      claims: UNCHANGED_ONE,
      incidents: { inserted: 0, updated: 1, unchanged: 0 },
    });
    const speakerAliases = await database.handles.actors.db
      .select({ scheme: aliases.scheme, value: aliases.value })
      .from(aliases)
      .where(eq(aliases.actorId, "meridian:speaker"))
      .orderBy(aliases.scheme, aliases.value);
    expect(speakerAliases).toEqual([
      { scheme: "FREE", value: "O. Kovalenko" },
      { scheme: "FREE", value: "Olena Kovalenko" },
      { scheme: "TITLE", value: "Spokeswoman of the Ministry of Examples" },
    ]);
    expect(await database.handles.incidents.db.select({ id: places.id }).from(places)).toEqual([{ id: "meridian:capture.sloviansk" }]);
  });

  it("owns only the aliases it lists: updates a listed one, keeps those an import added and those it no longer lists", async () => {
    await loadDocument(smallDocument(), database.handles);
    const db = database.handles.actors.db;
    await db
      .insert(aliases)
      .values({ actorId: "meridian:speaker", scheme: "ACLED", value: "Olena Kovalenko (Ukraine)", normalizedValue: "olena kovalenko ukraine" });
    expect((await loadDocument(smallDocument(), database.handles)).actors).toEqual({ inserted: 0, updated: 0, unchanged: 2 });

    const changed = smallDocument();
    changed.actors![0]!.aliases = [{ scheme: "FREE", value: "Olena Kovalenko", validFrom: "2020-01-01" }];
    changed.statements![0]!.speaker = "speaker";
    expect((await loadDocument(changed, database.handles)).actors).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    const speakerAliases = await db
      .select({ scheme: aliases.scheme, value: aliases.value, validFrom: aliases.validFrom })
      .from(aliases)
      .where(eq(aliases.actorId, "meridian:speaker"))
      .orderBy(aliases.scheme, aliases.value);
    expect(speakerAliases).toEqual([
      { scheme: "ACLED", value: "Olena Kovalenko (Ukraine)", validFrom: null },
      { scheme: "FREE", value: "O. Kovalenko", validFrom: null },
      { scheme: "FREE", value: "Olena Kovalenko", validFrom: "2020-01-01" },
    ]);
  });

  it("refers to entities an earlier document stored, by key and by full ID", async () => {
    await loadDocument(smallDocument(), database.handles);
    const summary = await loadDocument(
      {
        format: "meridian/1",
        statements: [
          {
            key: "statement-two",
            speaker: "speaker",
            said: { date: "2025-04-10", precision: "DAY" },
            modality: "DIRECT_QUOTE",
            text: "I stand by it.",
            language: "en",
            source: "meridian:briefing",
            respondsTo: "statement-one",
            stances: [{ claim: "claim-one", stance: "SUPPORTS" }],
          },
        ],
      },
      database.handles,
    );
    expect(summary.statements).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    const [stored] = await database.handles.statements.db.select().from(statements).where(eq(statements.id, "meridian:statement-two"));
    expect(stored).toMatchObject({ speakerId: "meridian:speaker", sourceId: "meridian:briefing", respondsToId: "meridian:statement-one" });
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("loading documents on postgres"));

describe("loading into a database per subgraph", () => {
  let handles: SubgraphHandles;
  beforeEach(async () => {
    const [actors, statements, incidents] = await Promise.all(SUBGRAPH_NAMES.map(() => openPglite(undefined)));
    handles = { actors: actors!, statements: statements!, incidents: incidents! };
    // Each database holds only its own subgraph's schema, so a write into the wrong one fails.
    for (const subgraph of SUBGRAPHS) await migrateSubgraph(handles[subgraph.name], subgraph);
  });
  afterEach(async () => {
    for (const name of SUBGRAPH_NAMES) await handles[name].close();
  });

  it("writes each subgraph's rows into its own database, and a second load changes nothing", async () => {
    await loadSeed(handles);
    const counts = await countRows(handles);
    expect(counts.actors).toBeGreaterThan(0);
    expect(counts.statements).toBeGreaterThan(0);
    expect(counts.incidents).toBeGreaterThan(0);
    const again = await loadSeed(handles);
    for (const entityCounts of Object.values(again)) expect(entityCounts).toMatchObject({ inserted: 0, updated: 0 });
    expect(await countRows(handles)).toEqual(counts);
  });
});
