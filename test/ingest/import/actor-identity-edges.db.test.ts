// Edge cases of actor identity across imports, on made-up rows: importing again after a
// curated actor absorbed dataset actors makes no second relation and no second holder of a
// code; two open periods of one country's forces (a stale file's "(2012-)" beside "(2022-)")
// give the same actors whichever row comes first; reloading the seed keeps the aliases the
// datasets gave its actors.
import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { SubgraphHandles } from "../../../ingest/documents/subgraph-handles.js";
import { loadSeed } from "../../../ingest/seed/load-seed.js";
import { actorRelations, aliases } from "../../../services/actors/data/tables.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { sharedDatabase } from "../documents/support/databases.js";
import { actorGraph, repeatedRelations, sharedCodes } from "./support/actor-graph.js";
import { importFiles } from "./support/import-runs.js";
import { ACLED_FIXTURE, GDELT_FIXTURE, temporaryFolder, withFields, writeInput } from "./support/sample-files.js";

const [header, fix1001] = readFileSync(ACLED_FIXTURE, "utf8").split("\n") as [string, string];
const folder = temporaryFolder();

/** FIX1001 with other actors: a made-up event naming them as ACLED would. */
function event(id: string, actors: { actor1: string; assoc1?: string; inter1: string; actor2: string; inter2: string }): string {
  return withFields(header, fix1001, {
    event_id_cnty: id,
    actor1: actors.actor1,
    assoc_actor_1: actors.assoc1 ?? "",
    inter1: actors.inter1,
    actor2: actors.actor2,
    assoc_actor_2: "",
    inter2: actors.inter2,
    interaction: `${actors.inter1}-${actors.inter2}`,
  });
}

function acledFile(name: string, lines: readonly string[]): string {
  return writeInput(folder, name, `${[header, ...lines].join("\n")}\n`);
}

// Russia's forces in force now, a unit of them, a past period's forces: the crosswalk makes
// relations to CAMEO RUSMIL, which GDELT's fixture names and the seed's Russian forces hold.
const RUSSIA_FILE = acledFile("russia.csv", [
  event("EDG001", {
    actor1: "Military Forces of Russia (2000-)",
    assoc1: "Military Forces of Russia (2000-) Airborne Forces",
    inter1: "State forces",
    actor2: "Military Forces of Ukraine (2019-)",
    inter2: "State forces",
  }),
  event("EDG002", { actor1: "Military Forces of Russia (1991-1999)", inter1: "State forces", actor2: "Civilians (Russia)", inter2: "Civilians" }),
]);

const SOMALIA_2012 = event("EDG101", {
  actor1: "Military Forces of Somalia (2012-)",
  assoc1: "Military Forces of Somalia (2012-) Danab Brigade",
  inter1: "State forces",
  actor2: "Al Shabaab",
  inter2: "Rebel group",
});
const SOMALIA_2022 = event("EDG102", { actor1: "Military Forces of Somalia (2022-)", inter1: "State forces", actor2: "Al Shabaab", inter2: "Rebel group" });

type Step = (handles: SubgraphHandles) => Promise<unknown>;
const seed: Step = (handles) => loadSeed(handles);
const acled: Step = (handles) => importFiles(handles, "acled", [RUSSIA_FILE]);
const gdelt: Step = (handles) => importFiles(handles, "gdelt", [GDELT_FIXTURE]);

describe.each(BACKENDS)("actor identity edge cases on $name", (backend) => {
  async function graphAfter(steps: readonly Step[]): Promise<{ graph: string[]; shared: string[]; repeated: string[]; handles: SubgraphHandles }> {
    const database = await sharedDatabase(backend);
    try {
      for (const step of steps) await step(database.handles);
      return {
        graph: await actorGraph(database.handles),
        shared: await sharedCodes(database.handles),
        repeated: await repeatedRelations(database.handles),
        handles: database.handles,
      };
    } finally {
      await database.dispose();
    }
  }

  describe("importing again after the seed absorbed the datasets' actors", () => {
    it.each([
      ["GDELT, seed, ACLED twice, GDELT", [gdelt, seed, acled, acled, gdelt], [seed, acled, gdelt]],
      ["ACLED, GDELT, seed, ACLED, GDELT", [acled, gdelt, seed, acled, gdelt], [seed, acled, gdelt]],
      ["ACLED, seed, ACLED, seed", [acled, seed, acled, seed], [seed, acled]],
    ])("%s: no relation twice, no code held by two actors, the graph of one pass", { timeout: 60_000 }, async (_, steps, onePassSteps) => {
      const onePass = await graphAfter(onePassSteps);
      const again = await graphAfter(steps);
      expect(again.repeated).toEqual([]);
      expect(again.shared).toEqual([]);
      expect(again.graph).toEqual(onePass.graph);
      // The past period's forces are PART_OF the seed's Russian forces, once.
      expect(again.graph).toContain("relation acled:military-forces-of-russia-1991-1999 PART_OF meridian:russian-armed-forces 1991-01-01 1999-12-31");
    });
  });

  describe("two open periods of one country's forces", () => {
    const variants: [string, Step[]][] = [
      ["(2012-) first in one file", [(handles) => importFiles(handles, "acled", [acledFile("somalia-a.csv", [SOMALIA_2012, SOMALIA_2022])])]],
      ["(2022-) first in one file", [(handles) => importFiles(handles, "acled", [acledFile("somalia-b.csv", [SOMALIA_2022, SOMALIA_2012])])]],
      [
        "the stale file imported first",
        [
          (handles) => importFiles(handles, "acled", [acledFile("somalia-stale.csv", [SOMALIA_2012])]),
          (handles) => importFiles(handles, "acled", [acledFile("somalia-new.csv", [SOMALIA_2022])]),
        ],
      ],
      [
        "the stale file imported last",
        [
          (handles) => importFiles(handles, "acled", [acledFile("somalia-new.csv", [SOMALIA_2022])]),
          (handles) => importFiles(handles, "acled", [acledFile("somalia-stale.csv", [SOMALIA_2012])]),
        ],
      ],
    ];
    let reference: string[] | undefined;
    it.each(variants)("%s: both names are CAMEO SOMMIL's, each with its period, the same graph", { timeout: 60_000 }, async (_, steps) => {
      const { graph, shared, repeated } = await graphAfter(steps);
      expect(graph).toEqual(
        expect.arrayContaining([
          "alias gdelt:sommil ACLED Military Forces of Somalia (2012-) 2012-01-01 -",
          "alias gdelt:sommil ACLED Military Forces of Somalia (2022-) 2022-01-01 -",
          "alias gdelt:sommil CAMEO SOMMIL - -",
        ]),
      );
      const unit = graph.find((line) => line.startsWith("alias ") && line.includes("ACLED Military Forces of Somalia (2012-) Danab Brigade"))!;
      expect(graph).toContain(`relation ${unit.split(" ")[1]} PART_OF gdelt:sommil 2012-01-01 -`);
      expect(shared).toEqual([]);
      expect(repeated).toEqual([]);
      if (reference === undefined) reference = graph;
      else expect(graph).toEqual(reference);
    });
  });

  describe("reloading the seed after imports", () => {
    it.each([
      ["after ACLED and GDELT", [acled, gdelt, seed]],
      ["loaded first", [seed, acled, gdelt]],
    ])("keeps the aliases the datasets gave the seed's actors (%s), and finds the actors unchanged", { timeout: 60_000 }, async (_, steps) => {
      const database = await sharedDatabase(backend);
      try {
        for (const step of steps) await step(database.handles);
        const before = await actorGraph(database.handles);
        const db = database.handles.actors.db;
        const holds = (actorId: string, scheme: "FREE" | "ACLED" | "CAMEO", value: string) =>
          db.$count(aliases, and(eq(aliases.actorId, actorId), eq(aliases.scheme, scheme), eq(aliases.value, value)));
        // GDELT's words for Russia and its forces; ACLED's name of the forces in force (crosswalk to RUSMIL).
        expect(await holds("meridian:russia", "FREE", "MOSCOW")).toBe(1);
        expect(await holds("meridian:russian-armed-forces", "FREE", "RUSSIAN")).toBe(1);
        expect(await holds("meridian:russian-armed-forces", "ACLED", "Military Forces of Russia (2000-)")).toBe(1);
        const summary = await loadSeed(database.handles);
        expect(summary.actors).toMatchObject({ inserted: 0, updated: 0 });
        expect(await actorGraph(database.handles)).toEqual(before);
        expect(await db.$count(actorRelations)).toBeGreaterThan(0);
      } finally {
        await database.dispose();
      }
    });
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("actor identity edge cases on postgres"));
