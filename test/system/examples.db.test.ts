// The example operations (examples/*.graphql) that Sandbox, GraphiQL, codegen and the
// persisted-operation manifest are built from: each is valid against the API schema, and
// each answers what it promises on the seed story with the ACLED and GDELT samples imported,
// through the gateway: the seed's known answers, and the samples' figures counted from the
// raw files.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { buildApiSchema } from "../../gateway/api-schema.js";
import { examplesDocument, readExamples } from "../../platform/metrics/example-operations.js";
import { readSupergraph } from "../../gateway/supergraph.js";
import { importFiles } from "../ingest/import/support/import-runs.js";
import { REAL_ACLED_SOMALIA, REAL_GDELT_EVENTS, readAcled, readGdelt } from "../ingest/import/support/sample-files.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../scripts/harness/backends.js";
import { describeRealSamples } from "../support/real-samples.js";
import { realSample } from "../../scripts/harness/shared-data.js";
import { useSeededGraph } from "../support/seeded-graph.js";

const examples = readExamples();
/** Incidents and fatalities per admin1 region in the ACLED Somalia sample, counted from the file. */
function somaliaByAdmin1(): Map<string, { count: number; fatalities: number }> {
  const regions = new Map<string, { count: number; fatalities: number }>();
  for (const row of readAcled(realSample(REAL_ACLED_SOMALIA))) {
    const region = regions.get(row.admin1!) ?? { count: 0, fatalities: 0 };
    regions.set(row.admin1!, { count: region.count + 1, fatalities: region.fatalities + Number(row.fatalities) });
  }
  return regions;
}

describe("the example operations", () => {
  const apiSchema = buildApiSchema(readSupergraph());

  it("cover the seed story, the claims view, search, dashboards, ACLED and GDELT, the seed story first", () => {
    expect(examples[0]).toMatchObject({ name: "SeedStory", file: "seed-story.graphql" });
    expect(examples.map((example) => example.name)).toEqual(
      expect.arrayContaining([
        "ClaimsView",
        "SearchStatements",
        "SearchIncidents",
        "SearchActors",
        "DashboardIncidentsByMonth",
        "DashboardStatementsBySpeaker",
        "AcledSomaliaByAdmin1",
        "AcledAlShabaabAroundMogadishu",
        "GdeltActorsWithCameoCodes",
        "GdeltEvents",
        "ActorAcrossDatasets",
      ]),
    );
  });

  it.each(examples.map((example) => [example.file, example] as const))("%s is valid against the supergraph's API schema", (_file, example) => {
    expect(validate(apiSchema, parse(example.source)).map((error) => error.message)).toEqual([]);
  });

  it("refuses a file whose operation is not named after it, naming the file", () => {
    const directory = mkdtempSync(join(tmpdir(), "meridian-examples-"));
    writeFileSync(join(directory, "seed-story.graphql"), "query Other { actors { totalCount } }");
    expect(() => readExamples(directory)).toThrow("examples/seed-story.graphql: must hold exactly one operation, named SeedStory; found Other");
    writeFileSync(join(directory, "seed-story.graphql"), "query SeedStory {");
    expect(() => readExamples(directory)).toThrow(/^examples\/seed-story.graphql:1:18: Syntax Error/);
  });
});

type Ask = (query: string) => Promise<any>;

/** What each example must answer on the seed story with the ACLED Somalia and GDELT samples imported. */
const EXPECTATIONS: Record<string, (data: any, ask: Ask) => void | Promise<void>> = {
  SeedStory(data) {
    expect(data.claim.text).toBe("155 Chinese citizens fight for Russia in Ukraine");
    expect(data.claim.stances.edges.map((edge: any) => edge.node.statement.speaker.name)).toContain("Volodymyr Zelensky");
    expect(data.incidents.edges.map((edge: any) => edge.node.title)).toContain("Capture of two North Korean soldiers in Kursk region");
  },
  ClaimsView(data) {
    const contested = data.actor.claimsAbout.edges.map((edge: any) => edge.node);
    expect(contested).toContainEqual(
      expect.objectContaining({
        status: "CONTESTED",
        assertedBy: [{ name: "Volodymyr Zelensky" }],
        firstAssertion: { saidAt: { date: "2025-04-09" }, speaker: { name: "Volodymyr Zelensky" } },
      }),
    );
  },
  SearchActors(data) {
    expect(data.searchActors.edges[0].node.actor.id).toBe("meridian:volodymyr-zelensky");
  },
  SearchStatements(data) {
    expect(data.searchStatements.totalCount).toBe(2);
    expect(data.searchStatements.edges[0].node.statement.speaker.name).toBe("Volodymyr Zelensky");
  },
  SearchIncidents(data) {
    const hits = data.searchIncidents.edges.map((edge: any) => edge.node);
    expect(hits.length).toBe(5);
    expect(data.searchIncidents.totalCount).toBeGreaterThanOrEqual(hits.length);
    for (const hit of hits) expect(hit.snippet).toMatch(/<b>captur/i);
  },
  DashboardStatementsBySpeaker(data) {
    expect(data.statementStats).toEqual([
      { count: 4, speaker: { id: "meridian:lin-jian", name: "Lin Jian" } },
      { count: 4, speaker: { id: "meridian:volodymyr-zelensky", name: "Volodymyr Zelensky" } },
      { count: 2, speaker: { id: "meridian:government-of-china", name: "Government of China" } },
      { count: 1, speaker: { id: "meridian:tammy-bruce", name: "Tammy Bruce" } },
      { count: 1, speaker: { id: "meridian:united-states", name: "United States" } },
    ]);
  },
  async DashboardIncidentsByMonth(data, ask) {
    // Every month from the oldest incident's to the newest's, none left out, adding up to all the incidents there are.
    const months: { key: string; count: number }[] = data.incidentStats;
    const ends = await ask(
      "{ oldest: incidents(first: 1) { totalCount edges { node { startDate { date } } } } newest: incidents(first: 1, sort: { order: DESC }) { edges { node { startDate { date } } } } }",
    );
    const monthOf = (end: any) => `${end.edges[0].node.startDate.date.slice(0, 7)}-01`;
    const [year, month] = monthOf(ends.oldest).split("-").map(Number);
    const expected: string[] = [];
    for (
      let at = Date.UTC(year!, month! - 1, 1);
      expected.at(-1) !== monthOf(ends.newest);
      at = Date.UTC(new Date(at).getUTCFullYear(), new Date(at).getUTCMonth() + 1, 1)
    )
      expected.push(new Date(at).toISOString().slice(0, 10));
    expect(months.map((bucket) => bucket.key)).toEqual(expected);
    expect(months.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(ends.oldest.totalCount);
  },
  AcledSomaliaByAdmin1(data) {
    const regions = somaliaByAdmin1();
    const largest = [...regions.values()].map((region) => region.count).sort((a, b) => b - a);
    expect(data.incidentStats.map((bucket: any) => bucket.count)).toEqual(largest.slice(0, 10));
    for (const bucket of data.incidentStats)
      expect({ admin1: bucket.admin1, ...regions.get(bucket.admin1) }).toEqual({ admin1: bucket.admin1, count: bucket.count, fatalities: bucket.fatalities });
  },
  AcledAlShabaabAroundMogadishu(data) {
    const incidents = data.incidents.edges.map((edge: any) => edge.node);
    expect(incidents.length).toBe(20);
    expect(data.incidents.totalCount).toBeGreaterThanOrEqual(incidents.length);
    for (const incident of incidents) {
      expect(incident.fatalities.best).toBeGreaterThan(0);
      expect(incident.place.latitude).toBeGreaterThanOrEqual(1.9);
      expect(incident.place.latitude).toBeLessThanOrEqual(2.2);
      expect(incident.place.longitude).toBeGreaterThanOrEqual(45.1);
      expect(incident.place.longitude).toBeLessThanOrEqual(45.5);
      expect(incident.participants.map((participant: any) => participant.actor.name)).toContain("Al Shabaab");
    }
    const dates = incidents.map((incident: any) => incident.startDate.date);
    expect(dates).toEqual([...dates].sort().reverse());
  },
  GdeltEvents(data) {
    // The documented rule on the raw columns (as test/ingest/import/gdelt-import.db.test.ts): events that are not verbal (QuadClass 1 or 3, protests aside) are incidents.
    const incidents = readGdelt(realSample(REAL_GDELT_EVENTS)).filter((event) => !["1", "3"].includes(event[29]!) || event[28] === "14").length;
    expect(data.incidents.totalCount).toBe(incidents);
    expect(data.incidentStats.reduce((sum: number, bucket: any) => sum + bucket.count, 0)).toBe(incidents);
    const events = data.incidents.edges.map((edge: any) => edge.node);
    expect(events.length).toBe(20);
    for (const event of events) expect(event.taxonomy.dataset).toBe("GDELT");
  },
  ActorAcrossDatasets(data) {
    const acledName = "Military Forces of the United States (2025-)";
    // Counted from the raw files: the ACLED rows naming the force (as an actor or an associate), the GDELT verbal rows whose Actor1 is USAMIL.
    const acledRows = readAcled(realSample(REAL_ACLED_SOMALIA)).filter((row) =>
      [row.actor1, row.actor2, ...`${row.assoc_actor_1};${row.assoc_actor_2}`.split(";")].some((name) => name?.trim() === acledName),
    ).length;
    const gdeltStatements = readGdelt(realSample(REAL_GDELT_EVENTS)).filter(
      (event) => event[5] === "USAMIL" && ["1", "3"].includes(event[29]!) && event[28] !== "14",
    ).length;
    expect(acledRows).toBeGreaterThan(0);
    expect(gdeltStatements).toBeGreaterThan(0);
    // ACLED's name finds GDELT's actor, by its ACLED alias.
    expect(data.searchActors.edges).toHaveLength(1);
    const [{ node: hit }] = data.searchActors.edges;
    expect(hit.matchedAlias).toEqual({ scheme: "ACLED", value: acledName });
    expect(hit.actor).toMatchObject({ id: "gdelt:usamil", kind: "ARMED_FORCE", country: "USA" });
    expect(hit.actor.identifiers).toEqual(
      expect.arrayContaining([
        { scheme: "CAMEO", value: "USAMIL" },
        { scheme: "ACLED", value: acledName },
      ]),
    );
    expect(hit.actor.links).toContainEqual(
      expect.objectContaining({ scheme: "ACLED", value: acledName, method: "CROSSWALK", confidence: 0.9, status: "PROPOSED" }),
    );
    expect(data.acledIncidents.totalCount).toBe(acledRows);
    for (const edge of data.acledIncidents.edges) expect(edge.node.id).toMatch(/^acled:/);
    expect(hit.actor.statements.totalCount).toBe(gdeltStatements);
    for (const edge of hit.actor.statements.edges) expect(edge.node.id).toMatch(/^gdelt:/);
  },
  GdeltActorsWithCameoCodes(data) {
    const found = data.actors.edges.map((edge: any) => edge.node);
    expect(found.length).toBe(10);
    expect(data.actors.totalCount).toBeGreaterThan(found.length);
    for (const actor of found) expect(actor.aliases.map((alias: any) => alias.scheme)).toContain("CAMEO");
  },
};

// The examples' expectations are counted from the real samples, so this runs where they are.
describeRealSamples("the example operations on the real samples", () => {
  describe.each(BACKENDS)("the example operations through the gateway on $name", (backend) => {
    const graph = useSeededGraph(
      backend,
      async (handles) => {
        await importFiles(handles, "acled", [realSample(REAL_ACLED_SOMALIA)]);
        await importFiles(handles, "gdelt", [realSample(REAL_GDELT_EVENTS)]);
        // Thousands of rows into PGlite: minutes on a loaded machine.
      },
      600_000,
    );

    it("each answers what it promises", async () => {
      const answers = new Map<string, any>();
      for (const example of examples) {
        const { data, errors } = await graph.post(example.source);
        expect({ example: example.file, errors }).toEqual({ example: example.file, errors: undefined });
        answers.set(example.name, data);
      }
      // Every example is checked below: a new one needs its expectation.
      expect([...answers.keys()].sort()).toEqual(Object.keys(EXPECTATIONS).sort());
      for (const [name, data] of answers) await EXPECTATIONS[name]!(data, graph.ask);
    });
  });
});

describe("the example operations in Sandbox", () => {
  const graph = useSeededGraph(BACKENDS[0]!);

  it("Sandbox opens on every example in one document, the seed story first", async () => {
    const response = await fetch(graph.gatewayUrl, { headers: { accept: "text/html" } });
    const page = await response.text();
    expect(response.status).toBe(200);
    // The landing page carries its configuration, the document included, as JSON in the HTML.
    const config = JSON.parse(page.match(/var embeddedSandboxConfig = (.*);/)![1]);
    const document: string = config.initialState.document;
    expect(document).toBe(examplesDocument(examples));
    expect(document.indexOf("query SeedStory")).toBe(document.indexOf("query "));
    for (const example of examples) expect(document).toContain(`query ${example.name}`);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("the example operations on postgres"));
