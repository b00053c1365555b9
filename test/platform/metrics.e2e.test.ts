// /metrics on the gateway and on every subgraph: Prometheus's text format, requests and
// errors by operation name, latency histograms, the gateway's fetches per subgraph and the
// subgraphs' database pools.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OTHER_OPERATION, OperationNameLabels } from "../../platform/metrics/operation-name-labels.js";
import { createSubgraphServer } from "../../services/kit/server/subgraph-server.js";
import { forEverySubgraph, subgraphNamed } from "../../services/registry.js";
import { loadSeed } from "../../ingest/seed/load-seed.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE, type TestDatabase } from "../../scripts/harness/backends.js";
import { type RunningGraph, startGraph } from "../support/graph.js";

// One fetch to each subgraph: a root field of each. Named after an example operation, the one
// kind of name that keeps a series of its own; the broken probe's made-up name counts as other.
const PROBE = "query SearchActors { actors(first: 1) { totalCount } statements(first: 1) { totalCount } incidents(first: 1) { totalCount } }";
const BROKEN = "query BrokenProbe { noSuchField }";

async function post(url: string, query: string, operationName: string) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, operationName }) });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

async function scrape(serviceUrl: string): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(new URL("/metrics", serviceUrl));
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

/** The value of the one sample whose name and labels match. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const line = text
    .split("\n")
    .find((candidate) => candidate.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}

describe.each(BACKENDS)("/metrics on $name", (backend) => {
  let database: TestDatabase;
  let graph: RunningGraph;
  beforeAll(async () => {
    database = await backend.create();
    // Each request is counted where it is computed; a repeat answered from the response cache would not reach Apollo or the subgraphs.
    graph = await startGraph(database.handle, { responseCacheMaxBytes: 0 });
    for (let round = 0; round < 2; round++) expect((await post(graph.gatewayUrl, PROBE, "SearchActors")).errors).toBeUndefined();
    expect((await post(graph.gatewayUrl, BROKEN, "BrokenProbe")).errors).toHaveLength(1);
  });
  afterAll(async () => {
    await graph?.stop();
    await database?.dispose();
  });

  it("the gateway counts requests and errors by operation name, in Prometheus's text format", async () => {
    const { status, type, text } = await scrape(graph.gatewayUrl);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(text, "meridian_graphql_requests_total", { operation_name: "SearchActors", operation_type: "query", service: "gateway" })).toBe(2);
    expect(sample(text, "meridian_graphql_errors_total", { operation_name: "other", code: "GRAPHQL_VALIDATION_FAILED" })).toBe(1);
    expect(sample(text, "meridian_graphql_errors_total", { operation_name: "SearchActors" })).toBeUndefined();
  });

  it("the gateway has a latency histogram per operation and Node's own process metrics", async () => {
    const { text } = await scrape(graph.gatewayUrl);
    expect(text).toContain("# TYPE meridian_graphql_request_duration_seconds histogram");
    expect(sample(text, "meridian_graphql_request_duration_seconds_count", { operation_name: "SearchActors" })).toBe(2);
    expect(sample(text, "meridian_graphql_request_duration_seconds_bucket", { operation_name: "SearchActors", le: "+Inf" })).toBe(2);
    expect(sample(text, "meridian_graphql_request_duration_seconds_sum", { operation_name: "SearchActors" })).toBeGreaterThan(0);
    expect(text).toMatch(/^process_cpu_user_seconds_total\{service="gateway"\} /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes\{service="gateway"\} /m);
  });

  it("the gateway times its fetches to each subgraph the operation used", async () => {
    const { text } = await scrape(graph.gatewayUrl);
    expect(text).toContain("# TYPE meridian_subgraph_fetch_duration_seconds histogram");
    for (const subgraph of ["actors", "statements", "incidents"]) {
      expect(sample(text, "meridian_subgraph_fetch_duration_seconds_count", { subgraph, outcome: "ok" }), subgraph).toBe(2);
    }
  });

  it("a subgraph serves its own counters and pool gauge without the subgraph secret", async () => {
    const { status, text } = await scrape(graph.subgraphUrls.actors);
    expect(status).toBe(200);
    // Counted under the client's operation, which the gateway's fetch is named after (SearchActors__actors__0).
    expect(sample(text, "meridian_graphql_requests_total", { operation_name: "SearchActors", operation_type: "query", service: "actors" })).toBe(2);
    expect(text).not.toContain('service="gateway"');
    const max = sample(text, "meridian_database_connections", { state: "max", service: "actors" });
    const open = sample(text, "meridian_database_connections", { state: "open", service: "actors" });
    if (backend.name === "pglite") {
      expect([max, open]).toEqual([1, 1]);
    } else {
      // The test pool's bound (support/backends.ts); the scrape's own query holds one open.
      expect(max).toBe(4);
      expect(open).toBeGreaterThanOrEqual(1);
      expect(open).toBeLessThanOrEqual(4);
      expect(sample(text, "meridian_database_connections", { state: "in_use", service: "actors" })).toBe(0);
    }
  });

  it("a subgraph counts the SQL statements it sends: a page of incidents with places is three", async () => {
    // The seed story, so that the page has incidents and their places are read.
    await loadSeed(forEverySubgraph(database.handle));
    const statementsSent = async () =>
      sample((await scrape(graph.subgraphUrls.incidents)).text, "meridian_database_statements_total", { service: "incidents" }) ?? Number.NaN;
    const before = await statementsSent();
    const query = "{ incidents(first: 5) { totalCount edges { node { id place { name } } } } }";
    const response = await fetch(graph.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
    const answer = (await response.json()) as { errors?: unknown; data: { incidents: { edges: unknown[] } } };
    expect(answer.errors).toBeUndefined();
    expect(answer.data.incidents.edges.length).toBeGreaterThan(0);
    // The page, its count, and the places of its incidents in one batch.
    expect((await statementsSent()) - before).toBe(3);
  });

  it("a subgraph started with metrics off has no /metrics", async () => {
    const server = await createSubgraphServer(subgraphNamed("incidents"), database.handle.db, { isProduction: false, metrics: false });
    const running = await server.listen(0, "127.0.0.1");
    try {
      expect((await scrape(running.url)).status).toBe(404);
    } finally {
      await running.stop();
    }
  });
});

describe("operation names as label values", () => {
  it("keeps a series per known name and counts every other name as other, however many a caller makes up first", () => {
    const labels = new OperationNameLabels(["SeedStory"]);
    const madeUp = Array.from({ length: 100 }, (_, index) => labels.labelFor(`MadeUp${index}`));
    expect(new Set(madeUp)).toEqual(new Set([OTHER_OPERATION]));
    expect(["SeedStory", "First", "SeedStory"].map((name) => labels.labelFor(name))).toEqual(["SeedStory", OTHER_OPERATION, "SeedStory"]);
  });

  it("labels requests without a name anonymous and names that are not GraphQL names other", () => {
    const labels = new OperationNameLabels();
    expect([undefined, null, "", 'x"}\n', "a".repeat(101)].map((name) => labels.labelFor(name))).toEqual([
      "anonymous",
      "anonymous",
      "anonymous",
      OTHER_OPERATION,
      OTHER_OPERATION,
    ]);
  });

  it("counts the gateway's fetches to a subgraph under the client's operation name", () => {
    const labels = new OperationNameLabels(["SeedStory", "Plain__name"]);
    expect(["SeedStory__actors__0", "SeedStory__statements__12", "Plain__name", "Other__actors__0"].map((name) => labels.labelFor(name))).toEqual([
      "SeedStory",
      "SeedStory",
      "Plain__name",
      OTHER_OPERATION,
    ]);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("/metrics on postgres"));
