// The compiled operations' cache (services/kit/server/compiled-execution.ts): an operation is
// compiled when it comes back, not on first sight, and the compiled functions keep no more heap
// than the bound, however many distinct operations arrive. Compiled on first sight and never
// bounded, a thousand distinct operations took a subgraph's heap to 2.7 GB.
import "reflect-metadata";
import type { GatewayExecutor } from "@apollo/server-gateway-interface";
import { GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { compiledExecution } from "../../../services/kit/server/compiled-execution.js";
import type { ServiceMetrics } from "../../../platform/metrics/service-metrics.js";

const Item = new GraphQLObjectType({
  name: "Item",
  fields: { id: { type: GraphQLInt }, name: { type: GraphQLString }, tags: { type: new GraphQLList(GraphQLString) } },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      items: {
        type: new GraphQLList(Item),
        args: { first: { type: GraphQLInt, defaultValue: 2 } },
        resolve: (_root, { first }: { first: number }) => Array.from({ length: first }, (_, id) => ({ id, name: `item ${id}`, tags: ["a", "b"] })),
      },
    },
  }),
});

async function executorWith(maxBytes: number): Promise<{ run: (query: string) => Promise<unknown>; cache: { bytes: number; size: number } }> {
  let cache: { bytes: number; size: number } | undefined;
  const metrics = { watchCache: (_name: string, watched: { bytes: number; size: number }) => (cache = watched) } as unknown as ServiceMetrics;
  const { executor } = (await compiledExecution(schema, { maxBytes, metrics }).load({ apollo: {} } as never)) as { executor: GatewayExecutor };
  // As Apollo does: one parsed document per text while its cache keeps it.
  const documents = new Map<string, ReturnType<typeof parse>>();
  const run = async (query: string) => {
    if (!documents.has(query)) documents.set(query, parse(query));
    const request = { document: documents.get(query)!, operationName: null, request: { query, variables: {} }, context: {} };
    return executor(request as unknown as Parameters<GatewayExecutor>[0]);
  };
  return { run, cache: cache! };
}

describe("compiled operations", () => {
  it("are compiled when an operation comes back, and answer as its first run did", async () => {
    const { run, cache } = await executorWith(16 * 1024 * 1024);
    const query = "{ items(first: 3) { id name tags } }";
    const first = await run(query);
    expect(cache.size).toBe(0);
    const second = await run(query);
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBeGreaterThan(1_000);
    expect(second).toEqual(first);
    expect(first).toEqual({ data: { items: [0, 1, 2].map((id) => ({ id, name: `item ${id}`, tags: ["a", "b"] })) } });
    // The third finds it compiled: the cache does not grow.
    const bytes = cache.bytes;
    expect(await run(query)).toEqual(first);
    expect(cache.bytes).toBe(bytes);
  });

  it("keep no more than their bound under many distinct operations, each sent twice", async () => {
    const { run, cache } = await executorWith(256 * 1024);
    let peak = 0;
    for (let index = 0; index < 200; index += 1) {
      const query = `{ items(first: ${1 + (index % 4)}) { id n${index}: name tags } }`;
      await run(query);
      await run(query);
      peak = Math.max(peak, cache.bytes);
    }
    expect(peak).toBeLessThanOrEqual(256 * 1024);
    // It filled, and the oldest went: far fewer than 200 are kept.
    expect(peak).toBeGreaterThan(128 * 1024);
    expect(cache.size).toBeLessThan(200);
  });

  it("run on graphql-js when one is larger than the whole bound, without compiling it for every request", async () => {
    const { run, cache } = await executorWith(1024);
    const query = "{ items(first: 2) { id name tags } }";
    const expected = await run(query);
    for (let time = 0; time < 3; time += 1) expect(await run(query)).toEqual(expected);
    // Remembered as too large (its key alone is counted), not kept compiled.
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBeLessThan(200);
  });

  it("are never made for operations seen only once", async () => {
    const { run, cache } = await executorWith(16 * 1024 * 1024);
    for (let index = 0; index < 50; index += 1) await run(`{ items(first: 1) { n${index}: name } }`);
    expect(cache.size).toBe(0);
  });
});
