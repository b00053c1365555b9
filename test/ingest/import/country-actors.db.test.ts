// A country's actor carries the country's names and code, whoever made it: GDELT's actor for
// CAMEO TUR, named "Türkiye", is found by "Turkey", "Türkiye", "Turkiye" and "TUR", and by a
// dataset's "Turkey"; a document's "Turkey" is the same actor in either order. A state of
// another name with a country's code (Somaliland, SOM) is not that country.
import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MeridianDocument } from "../../../ingest/documents/document.schema.js";
import { loadDocument } from "../../../ingest/documents/load-document.js";
import type { SubgraphHandles } from "../../../ingest/documents/subgraph-handles.js";
import { DATASET_FORMATS } from "../../../ingest/formats/registry.js";
import { ActorResolver } from "../../../ingest/import/actor-resolver.js";
import { actorRedirects, aliases } from "../../../services/actors/data/tables.js";
import { forEverySubgraph, subgraphNamed } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type SubgraphUnderTest, subgraphUnderTest } from "../../support/execute.js";
import { sharedDatabase } from "../documents/support/databases.js";
import { actorGraph, sharedCodes } from "./support/actor-graph.js";
import { importFiles } from "./support/import-runs.js";
import { GDELT_FIXTURE, temporaryFolder, writeInput } from "./support/sample-files.js";

/** The fixture's event 900000003 (RUS "MOSCOW" rejects GBR) said by Türkiye ("ANKARA") and by its government ("TURKEY"). */
function turkeyFile(): string {
  const moscow = readFileSync(GDELT_FIXTURE, "utf8").split("\n")[2]!.split("\t");
  const said = (id: string, code: string, words: string, type: string) => {
    const fields = [...moscow];
    [fields[0], fields[5], fields[6], fields[7], fields[12]] = [id, code, words, "TUR", type];
    return fields.join("\t");
  };
  return writeInput(temporaryFolder(), "turkey.export.CSV", `${said("900000901", "TUR", "ANKARA", "")}\n${said("900000902", "TURGOV", "TURKEY", "GOV")}\n`);
}

const TURKEY_DOCUMENT: MeridianDocument = {
  format: "meridian/1",
  actors: [
    { key: "turkey", kind: "STATE", name: "Turkey", country: "TUR" },
    { key: "somaliland", kind: "STATE", name: "Somaliland", country: "SOM" },
  ],
};

const oneDatabase = (handle: SubgraphHandles["actors"]): SubgraphHandles => forEverySubgraph(handle);

async function holdings(handles: SubgraphHandles, actorId: string): Promise<string[]> {
  const rows = await handles.actors.db.select().from(aliases).where(eq(aliases.actorId, actorId));
  return rows.map((alias) => `${alias.scheme} ${alias.value}`).sort();
}

describe.each(BACKENDS)("country actors on $name", (backend) => {
  describe("GDELT's actor for a country", () => {
    let actors: SubgraphUnderTest;
    const file = turkeyFile();
    beforeAll(async () => {
      actors = await subgraphUnderTest(backend, subgraphNamed("actors"), async (handle) => {
        await importFiles(oneDatabase(handle), "gdelt", [file]);
      });
    });
    afterAll(() => actors.database.dispose());

    it("carries the country's names and its CAMEO code", async () => {
      expect(await holdings(oneDatabase(actors.database.handle), "gdelt:tur")).toEqual([
        "CAMEO TUR",
        "FREE ANKARA",
        "FREE Turkey",
        "FREE Turkiye",
        "FREE Türkiye",
      ]);
      // The government is not the country: it keeps its own code and words.
      expect(await holdings(oneDatabase(actors.database.handle), "gdelt:turgov")).toEqual(["CAMEO TURGOV", "FREE Government of Türkiye", "FREE TURKEY"]);
    });

    it.each(["Turkey", "Türkiye", "Turkiye", "TUR"])("is found by searching %s, with the best score", async (query) => {
      const { data, errors } = await actors.execute(
        `query($query: String!) { searchActors(query: $query) { edges { node { score matchedAlias { scheme value } actor { id } } } } }`,
        { query },
      );
      expect(errors).toBeUndefined();
      const hits = data.searchActors.edges.map((edge: any) => edge.node);
      const country = hits.find((hit: any) => hit.actor.id === "gdelt:tur");
      expect(country, query).toBeDefined();
      expect(country.score).toBe(1);
      expect(hits[0].actor.id).toBe("gdelt:tur");
    });

    it("is among the actors of the country", async () => {
      const { data, errors } = await actors.execute(`{ actors(filter: { country: "TUR", kind: STATE }) { edges { node { id name } } } }`);
      expect(errors).toBeUndefined();
      expect(data.actors.edges.map((edge: any) => edge.node)).toEqual([{ id: "gdelt:tur", name: "Türkiye" }]);
    });
  });

  it("matches a dataset's \"Turkey\" by name to GDELT's Türkiye", async () => {
    const database = await sharedDatabase(backend);
    try {
      await importFiles(database.handles, "gdelt", [turkeyFile()]);
      const resolver = new ActorResolver(
        database.handles.actors.db,
        DATASET_FORMATS.map((format) => format.actors),
      );
      const ids = await resolver.resolve([{ scheme: "ACLED", value: "Turkey", name: "Turkey", kind: "STATE", kindIsStated: true, country: "TUR" }]);
      expect([...ids.values()]).toEqual(["gdelt:tur"]);
      expect(resolver.resolutions[0]).toMatchObject({ outcome: "name", actorName: "Türkiye" });
    } finally {
      await database.dispose();
    }
  });

  describe("a document's country and GDELT's", () => {
    let reference: string[] | undefined;
    it.each([
      ["the document first", true],
      ["GDELT first", false],
    ])("are one actor, the document's, with %s", { timeout: 60_000 }, async (_, documentFirst) => {
      const database = await sharedDatabase(backend);
      try {
        const file = turkeyFile();
        if (documentFirst) await loadDocument(TURKEY_DOCUMENT, database.handles);
        await importFiles(database.handles, "gdelt", [file]);
        if (!documentFirst) await loadDocument(TURKEY_DOCUMENT, database.handles);
        expect(await holdings(database.handles, "meridian:turkey")).toEqual(["CAMEO TUR", "FREE ANKARA", "FREE Turkey", "FREE Turkiye", "FREE Türkiye"]);
        if (!documentFirst) {
          const [redirect] = await database.handles.actors.db.select().from(actorRedirects).where(eq(actorRedirects.fromId, "gdelt:tur"));
          expect(redirect).toMatchObject({ toId: "meridian:turkey" });
        }
        // Somaliland is no name of Somalia: it gets neither Somalia's names nor its code.
        expect(await holdings(database.handles, "meridian:somaliland")).toEqual(["FREE Somaliland"]);
        expect(await database.handles.actors.db.$count(aliases, and(eq(aliases.scheme, "CAMEO"), eq(aliases.value, "SOM")))).toBe(0);
        expect(await sharedCodes(database.handles)).toEqual([]);
        const graph = await actorGraph(database.handles);
        if (reference === undefined) reference = graph;
        else expect(graph).toEqual(reference);
      } finally {
        await database.dispose();
      }
    });
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("country actors on postgres"));
