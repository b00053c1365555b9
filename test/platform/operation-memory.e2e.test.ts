// Distinct large operations cannot fill the heap: each is under the length limit, so it is
// accepted, parsed and cached, and every per-operation cache (parsed documents, query plans,
// persisted queries) is bounded by the bytes its entries keep, at the gateway and the
// subgraphs. Before, Apollo's caches counted a parsed document by its JSON, which leaves out
// the operation's text: a comment of any length was free, and 1,400 operations of 1 MB took
// the gateway's heap to 1.5 GB.
//
// The heap is measured after a full garbage collection, so what is left is what is kept. The
// operations never reach a database (`__typename` is answered by the server that receives it),
// so one backend is enough.
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_OPERATION_LIMITS } from "../../platform/config/gateway-defaults.js";
import { ByteBoundedCache } from "../../platform/graphql/byte-bounded-cache.js";
import { SUBGRAPH_SECRET_HEADER } from "../../platform/http/subgraph-secret.js";
import { BACKENDS, type TestDatabase } from "../../scripts/harness/backends.js";
import { type RunningGraph, startGraph } from "../support/graph.js";

const MIB = 1024 * 1024;
/** Small caches, so that the bound is far below what the operations would keep unbounded. */
const CACHE_BYTES = 2 * MIB;
const OPERATIONS = 1_500;
/** Just under the limit, so every operation is accepted and cached. */
const LENGTH = DEFAULT_OPERATION_LIMITS.maxOperationLength - 100;
const CONCURRENCY = 8;
const METRICS_TOKEN = "memory-test-metrics-token";

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

function heapAfterFullCollection(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** `query V<i> { __typename } #ppp…`, `length` characters long: the comment is no token. */
function paddedOperation(index: number, length: number): string {
  const head = `query V${index} { __typename } #`;
  return head + "p".repeat(length - head.length);
}

/** Sends every operation, CONCURRENCY at a time; returns the answers that were not `__typename`. */
async function sendAll(url: string, count: number, headers: Record<string, string> = {}): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const loop = async () => {
    while (next < count) {
      const index = next++;
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query: paddedOperation(index, LENGTH) }),
      });
      const text = await response.text();
      if (response.status !== 200 || !text.includes('"__typename":"Query"')) failures.push(`${index}: ${response.status} ${text.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  return failures;
}

async function cacheBytes(serviceUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(new URL("/metrics", serviceUrl), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const bytes: Record<string, number> = {};
  for (const [, cache, value] of text.matchAll(/^meridian_operation_cache_bytes\{cache="(\w+)"[^}]*\} (\d+)$/gm)) bytes[cache!] = Number(value);
  return bytes;
}

/** An operation graphql-jit compiles into about 400 KB of heap: four aliased pages of incidents, distinct by its name. */
function compiledHeavyOperation(index: number): string {
  const page = (alias: number) =>
    `p${alias}: incidents(first: ${alias + 1}) { totalCount edges { node { id type title startDate { date precision } status fatalities { best } place { name admin1 latitude longitude } } } }`;
  return `query Heavy${index} { ${[0, 1, 2, 3].map(page).join(" ")} }`;
}

const MAX_ALIASES = DEFAULT_OPERATION_LIMITS.maxAliases;

/** One page of incidents whose count is asked under the most aliases allowed, each a thousand characters long: the text goes into the plan's fetch. */
function longAliasedOperation(index: number): string {
  const aliases = Array.from({ length: MAX_ALIASES }, (_, alias) => `a${alias}_${"x".repeat(1_000)}: totalCount`);
  return `query Long${index} { incidents(first: 1) { ${aliases.join(" ")} } }`;
}

describe("memory under distinct large operations", () => {
  let database: TestDatabase;
  let graph: RunningGraph;
  beforeAll(async () => {
    database = await BACKENDS[0]!.create();
    graph = await startGraph(database.handle, { isProduction: true, operationCacheMaxBytes: CACHE_BYTES, metricsToken: METRICS_TOKEN });
  });
  afterAll(async () => {
    await graph?.stop();
    await database?.dispose();
  });

  it(`keeps the heap bounded by the caches after ${OPERATIONS} distinct operations of ${LENGTH} characters to the gateway and to a subgraph`, async () => {
    const before = heapAfterFullCollection();
    expect(await sendAll(graph.gatewayUrl, OPERATIONS)).toEqual([]);
    expect(await sendAll(graph.subgraphUrls.actors, OPERATIONS, { [SUBGRAPH_SECRET_HEADER]: graph.subgraphSecret })).toEqual([]);
    const grown = heapAfterFullCollection() - before;

    // Unbounded, the operations' text alone would keep 2 × 1,500 × 32 KB = 95 MB (108 MB measured). Bounded:
    // the gateway's three caches and the subgraph's two, plus a generous allowance for
    // whatever else a request leaves behind (sockets, metric series).
    const bound = 5 * CACHE_BYTES + 24 * MIB;
    expect(grown, `the heap grew ${Math.round(grown / MIB)} MB`).toBeLessThan(bound);

    for (const url of [graph.gatewayUrl, graph.subgraphUrls.actors]) {
      const caches = await cacheBytes(url);
      // Full: the cache holds as much as it may, and not more.
      expect(caches.parsed_documents).toBeGreaterThan(CACHE_BYTES - 2 * LENGTH * 2);
      for (const [cache, bytes] of Object.entries(caches)) expect(bytes, cache).toBeLessThanOrEqual(CACHE_BYTES);
    }
  }, 180_000);

  it("keeps the compiled operations within their bound, each operation sent twice (compiled when it comes back)", async () => {
    const url = graph.subgraphUrls.incidents;
    const send = async (index: number) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", [SUBGRAPH_SECRET_HEADER]: graph.subgraphSecret },
        body: JSON.stringify({ query: compiledHeavyOperation(index) }),
      });
      const answer = (await response.json()) as { data?: { p0?: { totalCount: number } } };
      expect(answer.data?.p0?.totalCount).toBe(0);
    };
    const before = heapAfterFullCollection();
    for (let index = 0; index < 150; index += 1) {
      await send(index);
      await send(index);
    }
    const grown = heapAfterFullCollection() - before;
    // Compiled as documents were kept (before), about 100 operations of 420 KB: 42 MB. Bounded:
    // documents, persisted queries and compiled operations, and the same allowance as above.
    expect(grown, `the heap grew ${Math.round(grown / MIB)} MB`).toBeLessThan(3 * CACHE_BYTES + 24 * MIB);
    const caches = await cacheBytes(url);
    expect(caches.compiled_operations).toBeGreaterThan(CACHE_BYTES / 2);
    expect(caches.compiled_operations).toBeLessThanOrEqual(CACHE_BYTES);
  }, 180_000);

  it("keeps what the gateway's single-fetch pass-through remembers with the documents, each operation sent twice", async () => {
    const operations = 800;
    // `round`, a variable the operation does not use, keeps the second request from the response cache.
    const send = async (index: number, round: number) => {
      const response = await fetch(graph.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: longAliasedOperation(index), variables: { round } }),
      });
      const answer = (await response.json()) as { data?: { incidents?: Record<string, number> } };
      expect(Object.values(answer.data?.incidents ?? {})).toHaveLength(MAX_ALIASES);
    };
    const passedThrough = async () => {
      const text = await (await fetch(new URL("/metrics", graph.gatewayUrl), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
      return Number(text.match(/^meridian_gateway_answers_total\{[^}]*shaping="unshaped"[^}]*\} (\d+)$/m)?.[1] ?? 0);
    };
    const before = heapAfterFullCollection();
    const passedBefore = await passedThrough();
    for (let index = 0; index < operations; index += 1) {
      await send(index, 1);
      await send(index, 2);
    }
    const grown = heapAfterFullCollection() - before;
    // The second request of each (the first is Apollo's, which plans it) was passed through unshaped.
    expect((await passedThrough()) - passedBefore).toBe(operations);
    // Kept in a Map instead of beside the documents, they stayed: the heap grew 109 MB (136 KB an operation).
    // Bounded: the gateway's three caches and the subgraph's two, and the same allowance as above.
    expect(grown, `the heap grew ${Math.round(grown / MIB)} MB`).toBeLessThan(5 * CACHE_BYTES + 24 * MIB);
  }, 180_000);
});

describe("a cache bounded by bytes", () => {
  const cache = () => new ByteBoundedCache<string>(10, (value) => value.length);

  it("evicts the least recently used entries until the new one fits", async () => {
    const strings = cache();
    await strings.set("a", "aaaa");
    await strings.set("b", "bbbb");
    await strings.get("a");
    await strings.set("c", "cccc");
    expect([await strings.get("a"), await strings.get("b"), await strings.get("c")]).toEqual(["aaaa", undefined, "cccc"]);
    expect(strings.bytes).toBe(8);
  });

  it("does not keep an entry larger than the whole cache, and counts a replaced entry once", async () => {
    const strings = cache();
    await strings.set("a", "aaaa");
    await strings.set("big", "x".repeat(11));
    await strings.set("a", "aaaaaa");
    expect([await strings.get("big"), await strings.get("a"), strings.bytes]).toEqual([undefined, "aaaaaa", 6]);
  });
});
