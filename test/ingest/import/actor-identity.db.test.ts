// Issue 18 on the shared files: a GDELT statement's speaker is the entity its row's Actor1
// codes denote (or none, the row's words kept), no two actors share a code, and the seed,
// the ACLED Somalia file and the GDELT file give the same actors in every import order.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadSeed } from "../../../ingest/seed/load-seed.js";
import { actorLinks, actorRelations, actors, aliases } from "../../../services/actors/data/tables.js";
import { statements } from "../../../services/statements/data/tables.js";
import { sharedDatabase } from "../documents/support/databases.js";
import { BACKENDS } from "../../../scripts/harness/backends.js";
import { describeRealSamples } from "../../support/real-samples.js";
import { realSample } from "../../../scripts/harness/shared-data.js";
import { importFiles } from "./support/import-runs.js";
import { REAL_ACLED_SOMALIA, REAL_GDELT_EVENTS, readGdelt } from "./support/sample-files.js";
import type { SubgraphHandles } from "../../../ingest/documents/subgraph-handles.js";
import { isAlpha3Country } from "../../../ingest/import/country-codes.js";
import { parseAcledActorName } from "../../../ingest/formats/acled/acled-actor-names.js";
import { acledActorMention } from "../../../ingest/formats/acled/acled-actor-mention.js";
import { ActorResolver } from "../../../ingest/import/actor-resolver.js";
import { DATASET_FORMATS } from "../../../ingest/formats/registry.js";
import { readAcled } from "./support/sample-files.js";

const PGLITE = BACKENDS.filter((backend) => backend.name === "pglite");

type Step = "seed" | "acled" | "gdelt";
const STEPS: Record<Step, (handles: SubgraphHandles) => Promise<unknown>> = {
  seed: (handles) => loadSeed(handles),
  acled: (handles) => importFiles(handles, "acled", [realSample(REAL_ACLED_SOMALIA)]),
  gdelt: (handles) => importFiles(handles, "gdelt", [realSample(REAL_GDELT_EVENTS)]),
};

/** Actors, aliases, relations and links as sorted lines: what must not depend on the import order. */
async function canonicalDump(handles: SubgraphHandles): Promise<string[]> {
  const db = handles.actors.db;
  const actorLines = (await db.select().from(actors)).map((actor) => `actor ${actor.id} ${actor.kind} ${actor.name} ${actor.country ?? "-"}`);
  const aliasLines = (await db.select().from(aliases)).map(
    (alias) => `alias ${alias.actorId} ${alias.scheme} ${alias.value} ${alias.validFrom ?? "-"} ${alias.validTo ?? "-"}`,
  );
  const relationLines = (await db.select().from(actorRelations)).map(
    (relation) => `relation ${relation.subjectId} ${relation.predicate} ${relation.objectId} ${relation.validFrom ?? "-"} ${relation.validTo ?? "-"}`,
  );
  // How each link was made must not depend on the order either (its ownActorId may: the ID an absorbed actor had, or would have had).
  const linkLines = (await db.select().from(actorLinks)).map(
    (link) =>
      `link ${link.scheme} ${link.value} -> ${link.actorId} ${link.method} ${link.confidence} ${link.status} ${link.rule} ${link.ownName} ${link.ownKind} ${link.ownCountry ?? "-"}`,
  );
  return [...actorLines, ...aliasLines, ...relationLines, ...linkLines].sort();
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

    it("gives ACLED's Somali actors country SOM, units PART_OF their force, and state forces of the period in force their CAMEO actor", {
      timeout: 240_000,
    }, async () => {
      const database = await sharedDatabase(backend);
      try {
        const summary = (await STEPS.acled(database.handles)) as Awaited<ReturnType<typeof importFiles>>;
        await STEPS.gdelt(database.handles);
        const db = database.handles.actors.db;
        const acledActors = await db
          .select({ value: aliases.value, actorId: aliases.actorId, country: actors.country, validFrom: aliases.validFrom, validTo: aliases.validTo })
          .from(aliases)
          .innerJoin(actors, sql`${actors.id} = ${aliases.actorId}`)
          .where(sql`${aliases.scheme} = 'ACLED'`);
        const actorOf = new Map(acledActors.map((row) => [row.value, row]));
        const somali = acledActors.filter((row) => parseAcledActorName(row.value).country === "SOM");
        expect(somali.length).toBeGreaterThan(250);
        for (const row of somali) expect(row.country, row.value).toBe("SOM");
        expect(actorOf.get("Civilians (Somalia)")!.country).toBe("SOM");
        expect(actorOf.get("Military Forces of Somaliland (2024-)")).toMatchObject({ country: "SOM", validFrom: "2024-01-01", validTo: null });
        const partOf = new Set(
          (await db.select().from(actorRelations).where(sql`${actorRelations.predicate} = 'PART_OF'`)).map(
            (relation) => `${relation.subjectId} ${relation.objectId}`,
          ),
        );
        const units = acledActors.filter((row) => parseAcledActorName(row.value).parent !== null);
        expect(units.length).toBeGreaterThan(30);
        for (const unit of units) {
          const parent = actorOf.get(parseAcledActorName(unit.value).parent!)!;
          expect(partOf.has(`${unit.actorId} ${parent.actorId}`), unit.value).toBe(true);
        }
        // The crosswalk: ACLED's forces and governments of the period in force are the CAMEO actors GDELT names.
        expect(actorOf.get("Military Forces of Somalia (2022-)")!.actorId).toBe("gdelt:sommil");
        expect(partOf.has(`${actorOf.get("Military Forces of Somalia (2022-) Puntland Dervish Force")!.actorId} gdelt:sommil`)).toBe(true);
        expect(actorOf.get("Government of Turkey (2016-)")!.actorId).toBe("gdelt:turgov");
        expect(actorOf.get("Military Forces of Turkey (2016-)")!.actorId).toBe("gdelt:turmil");
        expect(actorOf.get("Police Forces of Somalia (2022-)")!.actorId).toBe("gdelt:somcop");
        expect(actorOf.get("Military Forces of Somaliland (2024-)")!.actorId).not.toMatch(/^gdelt:/);
        const crosswalked = summary.actors!.resolutions.filter((resolution) => resolution.outcome === "crosswalk");
        expect(crosswalked.map((resolution) => resolution.value)).toContain("Military Forces of the United States (2025-)");
        for (const resolution of crosswalked) expect(parseAcledActorName(resolution.value).state, resolution.value).not.toBeNull();
        const stated = new Set(
          readAcled(realSample(REAL_ACLED_SOMALIA))
            .flatMap((row) => [row.actor1!, row.actor2!, ...`${row.assoc_actor_1};${row.assoc_actor_2}`.split(";").map((name) => name.trim())])
            .filter((name) => parseAcledActorName(name).state !== null && parseAcledActorName(name).period?.to === null),
        );
        expect(crosswalked.filter((resolution) => stated.has(resolution.value))).toHaveLength(stated.size);
      } finally {
        await database.dispose();
      }
    });

    it("makes the story's Russian armed forces, ACLED's Military Forces of Russia (2000-) and CAMEO RUSMIL one actor, in either order; a past period its own, PART_OF it", async () => {
      const mentions = () => {
        const current = acledActorMention("Military Forces of Russia (2000-)", "ARMED_FORCE");
        const unit = acledActorMention("Military Forces of Russia (2000-) Airborne Forces", "ARMED_FORCE");
        const past = acledActorMention("Military Forces of Russia (1991-1999)", "ARMED_FORCE");
        return { current, unit, past, rusmil: current.sameAs! };
      };
      for (const seedFirst of [true, false]) {
        const database = await sharedDatabase(backend);
        try {
          if (seedFirst) await loadSeed(database.handles);
          const resolver = new ActorResolver(
            database.handles.actors.db,
            DATASET_FORMATS.map((format) => format.actors),
          );
          const { current, unit, past, rusmil } = mentions();
          await resolver.resolve([unit, past]);
          await resolver.resolve([rusmil]);
          if (!seedFirst) await loadSeed(database.handles);
          const db = database.handles.actors.db;
          const holders = async (scheme: string, value: string) =>
            (await db.select({ actorId: aliases.actorId }).from(aliases).where(sql`${aliases.scheme} = ${scheme} and ${aliases.value} = ${value}`)).map(
              (row) => row.actorId,
            );
          expect(await holders("ACLED", current.value), `seed first: ${seedFirst}`).toEqual(["meridian:russian-armed-forces"]);
          expect(await holders("CAMEO", "RUSMIL")).toEqual(["meridian:russian-armed-forces"]);
          const [pastId] = await holders("ACLED", past.value);
          expect(pastId).toBe("acled:military-forces-of-russia-1991-1999");
          const [unitId] = await holders("ACLED", unit.value);
          const relations = (await db.select().from(actorRelations).where(sql`${actorRelations.predicate} = 'PART_OF'`)).map((relation) => [
            relation.subjectId,
            relation.objectId,
            relation.validFrom,
            relation.validTo,
          ]);
          expect(relations).toEqual(
            expect.arrayContaining([
              [unitId, "meridian:russian-armed-forces", "2000-01-01", null],
              [pastId, "meridian:russian-armed-forces", "1991-01-01", "1999-12-31"],
            ]),
          );
          const [period] = await db.select().from(aliases).where(sql`${aliases.scheme} = 'ACLED' and ${aliases.value} = ${current.value}`);
          expect(period).toMatchObject({ validFrom: "2000-01-01", validTo: null });
        } finally {
          await database.dispose();
        }
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
