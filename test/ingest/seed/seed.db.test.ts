import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MeridianDocument } from "../../../ingest/documents/document.schema.js";
import { normalizeName } from "../../../services/kit/records/normalize-name.js";
import { isDatabaseEmpty, loadSeed, SEED_STORY_PATH } from "../../../ingest/seed/load-seed.js";
import { aliases } from "../../../services/actors/data/tables.js";
import { stances } from "../../../services/statements/data/tables.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type DocumentTestDatabase, sharedDatabase } from "../documents/support/databases.js";
import { countRows, type RowCounts } from "../documents/support/row-counts.js";

const story = JSON.parse(readFileSync(SEED_STORY_PATH, "utf8")) as MeridianDocument;

/** The rows the seed story file describes, counted from the file itself. */
function rowsInStory(): RowCounts {
  const actors = story.actors ?? [];
  const statements = story.statements ?? [];
  const incidents = story.incidents ?? [];
  const sum = <T>(items: T[], count: (item: T) => number) => items.reduce((total, item) => total + count(item), 0);
  return {
    actors: actors.length,
    // Every actor's name is stored as a FREE alias besides the listed ones.
    aliases: sum(
      actors,
      (actor) => (actor.aliases ?? []).length + ((actor.aliases ?? []).some((alias) => alias.scheme === "FREE" && alias.value === actor.name) ? 0 : 1),
    ),
    actorRelations: (story.relations ?? []).length,
    sources: (story.sources ?? []).length,
    statements: statements.length,
    claims: (story.claims ?? []).length,
    stances: sum(statements, (statement) => (statement.stances ?? []).length),
    statementIncidents: sum(statements, (statement) => (statement.incidents ?? []).length),
    incidents: incidents.length,
    places: sum(incidents, (incident) => (incident.places ?? []).length),
    participants: sum(incidents, (incident) => (incident.participants ?? []).length),
    incidentSources: sum(incidents, (incident) => (incident.sources ?? []).length),
    // Nothing is merged or deleted by loading.
    actorRedirects: 0,
    actorTombstones: 0,
    statementTombstones: 0,
    incidentTombstones: 0,
  };
}

describe.each(BACKENDS)("the seed story on $name", (backend) => {
  let database: DocumentTestDatabase;
  beforeEach(async () => {
    database = await sharedDatabase(backend);
  });
  afterEach(() => database.dispose());

  it("loads every entity of the file, and the database is no longer empty", async () => {
    expect(await isDatabaseEmpty(database.handles)).toBe(true);
    const summary = await loadSeed(database.handles);
    expect(summary).toEqual({
      sources: { inserted: story.sources!.length, updated: 0, unchanged: 0 },
      actors: { inserted: story.actors!.length, updated: 0, unchanged: 0 },
      relations: { inserted: story.relations!.length, updated: 0, unchanged: 0 },
      statements: { inserted: story.statements!.length, updated: 0, unchanged: 0 },
      claims: { inserted: story.claims!.length, updated: 0, unchanged: 0 },
      incidents: { inserted: story.incidents!.length, updated: 0, unchanged: 0 },
    });
    expect(await countRows(database.handles)).toEqual(rowsInStory());
    expect(await isDatabaseEmpty(database.handles)).toBe(false);
  });

  it("changes nothing when loaded a second time", async () => {
    await loadSeed(database.handles);
    const before = await countRows(database.handles);
    const summary = await loadSeed(database.handles);
    for (const counts of Object.values(summary)) expect(counts).toMatchObject({ inserted: 0, updated: 0 });
    expect(summary.actors.unchanged).toBe(story.actors!.length);
    expect(await countRows(database.handles)).toEqual(before);
  });

  it("makes the 155 claim contested: asserted by Zelensky, disputed by Lin Jian and China's government", async () => {
    await loadSeed(database.handles);
    const rows = await database.handles.statements.db
      .select({ statementId: stances.statementId, stance: stances.stance })
      .from(stances)
      .where(eq(stances.claimId, "meridian:claim-155-chinese-citizens-fight-for-russia"))
      .orderBy(stances.statementId);
    expect(rows).toEqual([
      { statementId: "meridian:china-dismisses-zelensky-claims", stance: "DISPUTES" },
      { statementId: "meridian:lin-jian-2025-04-09-verifying-with-ukraine", stance: "DISPUTES" },
      { statementId: "meridian:lin-jian-2025-04-10-no-irresponsible-remarks", stance: "DISPUTES" },
      { statementId: "meridian:zelensky-2025-04-09-155-chinese-citizens", stance: "ASSERTS" },
      { statementId: "meridian:zelensky-2025-04-09-recruitment-details", stance: "ASSERTS" },
    ]);
  });

  it("finds Zelensky under every spelling of his name, and Russia's forces under their ACLED and CAMEO names", async () => {
    await loadSeed(database.handles);
    const actorNamed = async (name: string) => {
      const rows = await database.handles.actors.db
        .selectDistinct({ actorId: aliases.actorId })
        .from(aliases)
        .where(eq(aliases.normalizedValue, normalizeName(name)));
      return rows.map((row) => row.actorId);
    };
    for (const name of ["Zelensky", "Zelenskyy", "zelenskiy", "Volodymyr Zelensky", "Volodymyr Zelenskyy", "president of Ukraine"]) {
      expect(await actorNamed(name)).toEqual(["meridian:volodymyr-zelensky"]);
    }
    const acled = await database.handles.actors.db
      .select({ actorId: aliases.actorId })
      .from(aliases)
      .where(and(eq(aliases.scheme, "ACLED"), eq(aliases.value, "Military Forces of Russia (2022-)")));
    expect(acled).toEqual([{ actorId: "meridian:russian-armed-forces" }]);
    expect(await actorNamed("RUSMIL")).toEqual(["meridian:russian-armed-forces"]);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("the seed story on postgres"));
