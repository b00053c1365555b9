// No N+1: each benchmark operation, sent through the gateway for a page of 10 and of 500,
// makes every subgraph run the same number of SQL statements. A resolver that queried once
// per item (instead of batching through the request's DataLoaders) would make the large page
// cost hundreds more.
import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_OPERATIONS, type BenchOperation } from "../../../bench/operations.js";
import { generateDatabase } from "../../../ingest/generate/generate-database.js";
import { insertSink } from "../../../db/bulk/insert-sink.js";
import { DEFAULT_OPERATION_LIMITS } from "../../../platform/config/gateway-defaults.js";
import { scaleOf } from "../../../ingest/generate/scales.js";
import { SUBGRAPH_NAMES, type SubgraphName, forEverySubgraph } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE, type TestDatabase } from "../../../scripts/harness/backends.js";
import { type RunningGraph, postGraphQL, startGraph } from "../../support/graph.js";

// Enough for pages of 500 claims and of several hundred incidents; small enough to load in seconds.
const SCALE = scaleOf({ incidents: 1_000, statements: 5_000, actors: 300 });
const SMALL = 10;
const LARGE = 500;

type Counts = Record<SubgraphName | "unknown", number>;

// Each subgraph reads only the tables of its own Postgres schema, so the schema a statement
// names tells which subgraph ran it.
function subgraphOf(query: string): SubgraphName | "unknown" {
  return SUBGRAPH_NAMES.find((name) => query.includes(`"${name}".`)) ?? "unknown";
}

/**
 * How many items each list of the answer holds, by its path with list positions left out
 * (e.g. "claims.edges", "claims.edges.node.stances.edges"): the large page must grow every
 * list, not only their sum, so that no list can stay small unseen.
 */
function itemsPerList(data: unknown, path = "", into = new Map<string, number>()): Map<string, number> {
  if (Array.isArray(data)) {
    into.set(path, (into.get(path) ?? 0) + data.length);
    for (const item of data) itemsPerList(item, path, into);
  } else if (data && typeof data === "object") {
    for (const [key, value] of Object.entries(data)) itemsPerList(value, path ? `${path}.${key}` : key, into);
  }
  return into;
}

describe.each(BACKENDS)("no N+1 through the gateway ($name)", (backend) => {
  let database: TestDatabase;
  let graph: RunningGraph;
  let counts: Counts = { actors: 0, statements: 0, incidents: 0, unknown: 0 };

  beforeAll(async () => {
    database = await backend.create({ onQuery: (query) => counts[subgraphOf(query)]++ });
    const sink = insertSink(database.handle.db);
    const target = { handle: database.handle, sink };
    await generateDatabase(forEverySubgraph(target), { seed: 6, scale: SCALE });
    // Pages of 500 with nested lists cost more than the default limit lets a client ask for (GATEWAY_MAX_COST raises it).
    // Counts what executing an operation costs; the response cache's version reads (three statements a request, whatever its size) are not part of it.
    graph = await startGraph(database.handle, { operationLimits: { ...DEFAULT_OPERATION_LIMITS, maxCost: 200_000 }, responseCacheMaxBytes: 0 });
  }, 120_000);

  afterAll(async () => {
    await graph?.stop();
    await database?.dispose();
  });

  async function run(operation: BenchOperation, first: number): Promise<{ counts: Counts; items: Map<string, number> }> {
    counts = { actors: 0, statements: 0, incidents: 0, unknown: 0 };
    const response = await postGraphQL(graph.gatewayUrl, operation.query, operation.variables(first));
    expect(response.errors, operation.name).toBeUndefined();
    return { counts: { ...counts }, items: itemsPerList(response.data) };
  }

  it.each(BENCH_OPERATIONS.map((operation) => [operation.name, operation] as const))(
    "%s runs as many SQL statements per subgraph for 500 items as for 10",
    async (_name, operation) => {
      const small = await run(operation, SMALL);
      const large = await run(operation, LARGE);
      // Each list, the pages and every list nested in them, holds more than five times as many items on the large page.
      expect(large.items.size).toBeGreaterThan(0);
      const grown = [...large.items].map(([path, items]) => ({ path, grew: items > (small.items.get(path) ?? 0) * 5 }));
      expect(grown).toEqual([...large.items.keys()].map((path) => ({ path, grew: true })));
      expect(small.counts.unknown + large.counts.unknown).toBe(0);
      expect(large.counts).toEqual(small.counts);
    },
  );
});

if (POSTGRES_SKIPPED_NOTE) it.skip(POSTGRES_SKIPPED_NOTE, () => {});
