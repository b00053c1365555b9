// A page of incidents reads only the columns its answer needs (incidentColumnsFor): each field of
// Incident asked alone on a page must answer exactly what the same incidents answer when fetched
// by ID, which reads every column. The fields are the API schema's, so a field added later is
// checked without anyone listing it; the statements show which columns a page read.
import "reflect-metadata";
import path from "node:path";
import { type GraphQLObjectType, getNamedType, isObjectType } from "graphql";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApiSchema } from "../../../gateway/api-schema.js";
import { readSupergraph } from "../../../gateway/supergraph.js";
import { DEFAULT_OPERATION_LIMITS } from "../../../platform/config/gateway-defaults.js";
import { resultRows } from "../../../db/result-rows.js";
import { insertSink } from "../../../db/bulk/insert-sink.js";
import { generateDatabase } from "../../../ingest/generate/generate-database.js";
import { scaleOf } from "../../../ingest/generate/scales.js";
import { BACKENDS, type TestDatabase } from "../../../scripts/harness/backends.js";
import { forEverySubgraph } from "../../../services/registry.js";
import { importFiles } from "../../ingest/import/support/import-runs.js";
import { type RunningGraph, postGraphQL, startGraph } from "../../support/graph.js";
import { selectionOf } from "../../support/operation-cases.js";

// Each incident of a page is fetched again by ID, as a root field of one operation.
const PAGE = DEFAULT_OPERATION_LIMITS.maxRootFields;
// Incidents from each dataset, so that every column is met with a value: the GDELT file's are the latest of their dataset.
const FILTERS = ["{}", '{ dataset: "GDELT", occurred: { from: "2025-06-01" } }', '{ dataset: "ACLED" }'];
const GDELT_FIXTURE = path.resolve("test/fixtures/gdelt/20250612101500.export.CSV");
const schema = buildApiSchema(readSupergraph());
const incidentType = schema.getType("Incident") as GraphQLObjectType;

function fieldSelection(name: string): string {
  const named = getNamedType(incidentType.getFields()[name]!.type);
  return isObjectType(named) ? `${name} { ${selectionOf(schema, named, 1)} }` : name;
}

describe.each(BACKENDS)("a page of incidents reads the columns its answer needs ($name)", (backend) => {
  let database: TestDatabase;
  let graph: RunningGraph;
  let statements: string[] = [];

  beforeAll(async () => {
    database = await backend.create({ onQuery: (query) => statements.push(query) });
    await generateDatabase(forEverySubgraph({ handle: database.handle, sink: insertSink(database.handle.db) }), {
      seed: 22,
      scale: scaleOf({ incidents: 300, statements: 300, actors: 100 }),
    });
    // The generator leaves GDELT's measures out; a real GDELT file has them.
    await importFiles(forEverySubgraph(database.handle), "gdelt", [GDELT_FIXTURE]);
    graph = await startGraph(database.handle, { responseCacheMaxBytes: 0 });
  }, 120_000);

  afterAll(async () => {
    await graph?.stop();
    await database?.dispose();
  });

  async function ask(query: string, variables?: Record<string, unknown>) {
    const { data, errors } = await postGraphQL(graph.gatewayUrl, query, variables);
    expect(errors).toBeUndefined();
    return data;
  }

  /** The page statement's text, sent while `query` ran. */
  async function pageStatementOf(query: string, variables?: Record<string, unknown>): Promise<string> {
    statements = [];
    await ask(query, variables);
    const page = statements.filter((statement) => statement.includes('from "incidents"."incidents"') && statement.includes("limit"));
    expect(page).toHaveLength(1);
    return page[0]!;
  }

  it.each(Object.keys(incidentType.getFields()))("Incident.%s asked alone on a page answers as the incident fetched by ID", async (field) => {
    const selection = fieldSelection(field);
    for (const filter of FILTERS) {
      const page = await ask(`{ incidents(first: ${PAGE}, filter: ${filter}) { edges { node { ${selection} } } } }`);
      const ids: string[] = (await ask(`{ incidents(first: ${PAGE}, filter: ${filter}) { edges { node { id } } } }`)).incidents.edges.map(
        (edge: any) => edge.node.id,
      );
      expect(ids.length).toBeGreaterThan(0);
      const byId = await ask(`{ ${ids.map((id, index) => `i${index}: incident(id: ${JSON.stringify(id)}) { ${selection} }`).join(" ")} }`);
      expect(page.incidents.edges.map((edge: any) => edge.node)).toEqual(ids.map((_, index) => byId[`i${index}`]));
    }
  });

  /** The actor in the most incidents, and one of its roles. */
  async function busiestActor(): Promise<{ actorId: string; role: string }> {
    const [busiest] = resultRows<{ actorId: string; role: string }>(
      await database.handle.db.execute(
        sql`select actor_id as "actorId", min(role) as role from incidents.participants group by actor_id order by count(*) desc, actor_id limit 1`,
      ),
    );
    return busiest!;
  }

  /** Each node of `page` against the same incidents fetched by ID, one root field each. */
  async function expectAnswersById(nodes: any[], selection: string) {
    const ids: string[] = nodes.map((node) => node.id);
    expect(ids.length).toBeGreaterThan(0);
    const byId = await ask(`{ ${ids.map((id, index) => `i${index}: incident(id: ${JSON.stringify(id)}) { ${selection} }`).join(" ")} }`);
    expect(nodes).toEqual(ids.map((id, index) => ({ id, ...byId[`i${index}`] })));
  }

  it.each(Object.keys(incidentType.getFields()))("Incident.%s asked alone on an actor's incidents answers as the incident fetched by ID", async (field) => {
    const busiest = await busiestActor();
    const selection = fieldSelection(field);
    for (const filter of ["", `, filter: { role: ${busiest.role} }`]) {
      const { actor } = await ask(
        `{ actor(id: ${JSON.stringify(busiest.actorId)}) { incidents(first: ${PAGE}${filter}) { edges { node { id ${selection} } } } } }`,
      );
      await expectAnswersById(
        actor.incidents.edges.map((edge: any) => edge.node),
        selection,
      );
    }
  });

  it("the pages compared hold what the fields give: dates that end, GDELT measures, ACLED's taxonomy, deaths, summaries", async () => {
    const nodes = [];
    for (const filter of FILTERS) {
      const page = await ask(
        `{ incidents(first: ${PAGE}, filter: ${filter}) { edges { node { summary ${fieldSelection("endDate")} ${fieldSelection("taxonomy")} ${fieldSelection("fatalities")} } } } }`,
      );
      nodes.push(...page.incidents.edges.map((edge: any) => edge.node));
    }
    expect(nodes.some((node: any) => node.endDate !== null)).toBe(true);
    expect(nodes.some((node: any) => node.taxonomy.gdelt !== null)).toBe(true);
    expect(nodes.some((node: any) => node.taxonomy.eventType !== null)).toBe(true);
    expect(nodes.some((node: any) => node.fatalities.best !== null)).toBe(true);
    expect(nodes.some((node: any) => node.summary !== null)).toBe(true);
  });

  it("reads only the columns of the fields asked, through fragments, aliases and @skip/@include", async () => {
    // As Apollo Client asks: __typename everywhere, which no column answers.
    const titleOnly = await pageStatementOf("{ incidents(first: 5) { __typename edges { __typename node { __typename title } } } }");
    expect(titleOnly).toContain('"title"');
    expect(titleOnly).not.toContain('"summary"');
    expect(titleOnly).not.toContain('"acled_event_type"');

    const fragment = await pageStatementOf(
      "query { incidents(first: 5) { ...Page } } fragment Page on IncidentConnection { edges { node { ... on Incident { s: summary } ...Dates } } } fragment Dates on Incident { endDate { date } }",
    );
    expect(fragment).toContain('"summary"');
    expect(fragment).toContain('"end_on"');
    expect(fragment).not.toContain('"title"');

    const query =
      "query ($skip: Boolean!, $with: Boolean!) { incidents(first: 5) { edges { node { title summary @skip(if: $skip) status @include(if: $with) } } } }";
    const skipped = await pageStatementOf(query, { skip: true, with: false });
    expect(skipped).not.toContain('"summary"');
    expect(skipped).not.toContain('"status"');
    const kept = await pageStatementOf(query, { skip: false, with: true });
    expect(kept).toContain('"summary"');
    expect(kept).toContain('"status"');
  });

  it("an actor's incidents read only the columns of the fields asked, and pages asking different fields are batched apart", async () => {
    const id = JSON.stringify((await busiestActor()).actorId);
    statements = [];
    const answer = await ask(
      `{ actor(id: ${id}) { a: incidents(first: 3) { edges { node { id title } } } b: incidents(first: 3) { edges { node { id summary } } } } }`,
    );
    const ranked = statements.filter((statement) => statement.includes('from "incidents"."incidents"') && statement.includes("child_rank"));
    expect(ranked).toHaveLength(2);
    expect(ranked.filter((statement) => statement.includes('"title"') && !statement.includes('"summary"'))).toHaveLength(1);
    expect(ranked.filter((statement) => statement.includes('"summary"') && !statement.includes('"title"'))).toHaveLength(1);
    // Each page answers its own fields: batched with the other's columns, the summaries would be null.
    await expectAnswersById(
      answer.actor.a.edges.map((edge: any) => edge.node),
      "title",
    );
    await expectAnswersById(
      answer.actor.b.edges.map((edge: any) => edge.node),
      "summary",
    );
    expect(answer.actor.b.edges.some((edge: any) => edge.node.summary !== null)).toBe(true);
  });

  it("reads every column for a field the map does not name (taxonomy)", async () => {
    const statement = await pageStatementOf("{ incidents(first: 5) { edges { node { taxonomy { dataset } } } } }");
    expect(statement).toContain('"acled_event_type"');
    expect(statement).toContain('"summary"');
  });
});
