// The example operations (examples/*.graphql) that Sandbox, GraphiQL, codegen and the
// persisted-operation manifest are built from: each is valid against the API schema, and
// each answers without errors on the seed story, through the gateway.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { buildApiSchema } from "../gateway/api-schema.js";
import { examplesDocument, readExamples } from "../gateway/examples.js";
import { readSupergraph } from "../gateway/supergraph.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "./support/backends.js";
import { useSeededGraph } from "./support/seeded-graph.js";

const examples = readExamples();

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

describe.each(BACKENDS)("the example operations through the gateway on $name", (backend) => {
  const graph = useSeededGraph(backend);

  it("each answers without errors; the seed story's claim and the claims view's answer are there", async () => {
    const answers = new Map<string, any>();
    for (const example of examples) {
      const { data, errors } = await graph.post(example.source);
      expect({ example: example.file, errors }).toEqual({ example: example.file, errors: undefined });
      answers.set(example.name, data);
    }
    expect(answers.get("SeedStory").claim.text).toBe("155 Chinese citizens fight for Russia in Ukraine");
    const contested = answers.get("ClaimsView").actor.claimsAbout.edges.map((edge: any) => edge.node);
    expect(contested).toContainEqual(
      expect.objectContaining({ status: "CONTESTED", assertedBy: [{ name: "Volodymyr Zelensky" }], firstAssertion: { saidAt: { date: "2025-04-09" }, speaker: { name: "Volodymyr Zelensky" } } }),
    );
    expect(answers.get("SearchActors").searchActors.edges[0].node.actor.id).toBe("meridian:volodymyr-zelensky");
    expect(answers.get("GdeltActorsWithCameoCodes").actors.totalCount).toBeGreaterThan(0);
  });

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
