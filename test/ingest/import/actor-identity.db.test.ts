// Issue 18 on the shared files: a GDELT statement's speaker is the entity its row's Actor1
// codes denote (or none, the row's words kept), no two actors share a code, and the seed,
// the ACLED Somalia file and the GDELT file give the same actors in every import order.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadSeed } from "../../../ingest/seed/load-seed.js";
import { actorRelations, actors, aliases } from "../../../services/actors/data/tables.js";
import { statements } from "../../../services/statements/data/tables.js";
import { sharedDatabase } from "../documents/support/databases.js";
import { BACKENDS } from "../../../scripts/harness/backends.js";
import { describeRealSamples } from "../../support/real-samples.js";
import { realSample } from "../../../scripts/harness/shared-data.js";
import { importFiles } from "./support/import-runs.js";
import { REAL_ACLED_SOMALIA, REAL_GDELT_EVENTS, readGdelt } from "./support/sample-files.js";
import type { SubgraphHandles } from "../../../ingest/documents/subgraph-handles.js";
import { isAlpha3Country } from "../../../ingest/import/country-codes.js";

const PGLITE = BACKENDS.filter((backend) => backend.name === "pglite");

type Step = "seed" | "acled" | "gdelt";
const STEPS: Record<Step, (handles: SubgraphHandles) => Promise<unknown>> = {
  seed: (handles) => loadSeed(handles),
  acled: (handles) => importFiles(handles, "acled", [realSample(REAL_ACLED_SOMALIA)]),
  gdelt: (handles) => importFiles(handles, "gdelt", [realSample(REAL_GDELT_EVENTS)]),
};

/** Actors, aliases and relations as sorted lines: what must not depend on the import order. */
async function canonicalDump(handles: SubgraphHandles): Promise<string[]> {
  const db = handles.actors.db;
  const actorLines = (await db.select().from(actors)).map((actor) => `actor ${actor.id} ${actor.kind} ${actor.name} ${actor.country ?? "-"}`);
  const aliasLines = (await db.select().from(aliases)).map((alias) => `alias ${alias.actorId} ${alias.scheme} ${alias.value}`);
  const relationLines = (await db.select().from(actorRelations)).map((relation) => `relation ${relation.subjectId} ${relation.predicate} ${relation.objectId}`);
  return [...actorLines, ...aliasLines, ...relationLines].sort();
}

describeRealSamples("actor identity on the shared files", () => {
  describe.each(PGLITE)("on $name", (backend) => {
    it("gives every GDELT statement the speaker its Actor1 codes denote, or none with its words kept", async () => {
      const database = await sharedDatabase(backend);
      try {
        await loadSeed(database.handles);
        await STEPS.gdelt(database.handles);
        const events = new Map(readGdelt(realSample(REAL_GDELT_EVENTS)).map((event) => [`gdelt:${event[0]}`, event]));
        const stored = await database.handles.statements.db
          .select({ id: statements.id, speakerId: statements.speakerId, asWritten: statements.speakerAsWritten })
          .from(statements)
          .where(sql`${statements.id} like 'gdelt:%'`);
        const speakers = new Map(
          (await database.handles.actors.db.select({ id: actors.id, country: actors.country }).from(actors)).map((actor) => [actor.id, actor]),
        );
        const codesOf = async (actorId: string) =>
          (
            await database.handles.actors.db
              .select({ value: aliases.value })
              .from(aliases)
              .where(sql`${aliases.actorId} = ${actorId} and ${aliases.scheme} = 'CAMEO'`)
          ).map((alias) => alias.value);
        let withoutEntity = 0;
        for (const statement of stored) {
          const event = events.get(statement.id)!;
          const [code, words, country, knownGroup] = [event[5]!, event[6]!, event[7]!, event[8]!];
          if (!isAlpha3Country(country) && knownGroup === "") {
            withoutEntity += 1;
            expect(statement.speakerId, statement.id).toBeNull();
            expect(statement.asWritten, statement.id).toBe(words ? `${words} (CAMEO ${code})` : `CAMEO ${code}`);
            continue;
          }
          expect(statement.asWritten).toBeNull();
          expect(await codesOf(statement.speakerId!), statement.id).toContain(code);
          if (isAlpha3Country(country)) expect(speakers.get(statement.speakerId!)!.country, statement.id).toBe(country);
        }
        expect(withoutEntity).toBeGreaterThan(100);
        // "FINANCIAL SECRETARY → PROPERTY OWNER" is said by no worldwide "PRESIDENT".
        expect(stored.find((statement) => statement.id === "gdelt:881991711")).toMatchObject({ speakerId: null, asWritten: "FINANCIAL SECRETARY (CAMEO GOV)" });
      } finally {
        await database.dispose();
      }
    });

    const orders: Step[][] = [
      ["seed", "acled", "gdelt"],
      ["seed", "gdelt", "acled"],
      ["acled", "seed", "gdelt"],
      ["acled", "gdelt", "seed"],
      ["gdelt", "seed", "acled"],
      ["gdelt", "acled", "seed"],
    ];
    let reference: string[] | undefined;
    it.each(orders)("gives the same actors, aliases and relations importing %s, %s, %s", { timeout: 240_000 }, async (...order) => {
      const database = await sharedDatabase(backend);
      try {
        for (const step of order) await STEPS[step](database.handles);
        const dump = await canonicalDump(database.handles);
        // No two actors share a code in one scheme.
        const codes = dump.filter((line) => /^alias \S+ (CAMEO|ACLED|WIKIDATA) /.test(line)).map((line) => line.split(" ").slice(2).join(" "));
        expect(codes.length - new Set(codes).size).toBe(0);
        if (reference === undefined) reference = dump;
        else expect(dump).toEqual(reference);
      } finally {
        await database.dispose();
      }
    });
  });
});
