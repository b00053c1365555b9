// npx tsx bench/attack-memory.ts  (or through bench/attack.ts)
// The memory attack of issue 14: thousands of distinct operations of about 1 MB each (a tiny
// operation padded with a comment, which the token limit does not see) used to stay in Apollo's
// parsed-document cache until the gateway ran out of heap. Starts the subgraphs on an embedded
// database with the seed story in this process and a production gateway as a process of its
// own, sends the issue's repro (now refused by the length limit) and then as many distinct
// operations just under the limit (accepted, parsed and cached), and reads the gateway's heap
// and resident memory from its /metrics before and after each.
import { DEFAULT_OPERATION_LIMITS } from "../platform/config/gateway-defaults.js";
import { loadSeed } from "../ingest/seed/load-seed.js";
import type { RunningServer } from "../platform/http/http-server.js";
import { DEFAULT_OPERATION_CACHE_BYTES } from "../platform/graphql/operation-caches.js";
import { createSubgraphServer } from "../services/kit/server/subgraph-server.js";
import { SUBGRAPHS, type SubgraphName, forEverySubgraph } from "../services/registry.js";
import { BACKENDS } from "../scripts/harness/backends.js";
import { freePort } from "../scripts/harness/processes.js";
import { METRICS_TOKEN, SECRET, metricValue, scrapeMetrics, startProcess, stopProcess } from "./harness.js";

const MB = 1024 * 1024;

export interface MemoryAttackOptions {
  /** Distinct operations sent in each phase; 5,000 when undefined. */
  operations?: number;
  /** Requests in flight at once; 8 when undefined. */
  concurrency?: number;
  /** The issue's repro: characters of each oversized operation; 1,040,000 p's after the operation when undefined. */
  oversizedLength?: number;
}

export interface MemorySample {
  heapUsedMb: number;
  rssMb: number;
}

export interface AttackPhase {
  operationLength: number;
  sent: number;
  /** Answers by HTTP status and error code (or "data"). */
  outcomes: Record<string, number>;
  seconds: number;
  after: MemorySample;
}

export interface MemoryAttackReport {
  before: MemorySample;
  oversized: AttackPhase;
  underLimit: AttackPhase;
  /** What the gateway may keep for operations: its three caches (parsed documents, query plans, persisted queries). */
  cacheBoundMb: number;
  /** What its caches held at the end, by cache. */
  cacheBytes: Record<string, number>;
  maxOperationLength: number;
}

async function memory(metricsUrl: string): Promise<MemorySample> {
  const text = await scrapeMetrics(metricsUrl);
  return {
    heapUsedMb: Math.round(metricValue(text, "nodejs_heap_size_used_bytes") / MB),
    rssMb: Math.round(metricValue(text, "process_resident_memory_bytes") / MB),
  };
}

/** `query V<i> { __typename } #ppp…`, `length` characters, as a JSON body; the padding is made once. */
function bodyMaker(length: number): (index: number) => string {
  const padding = "p".repeat(length);
  return (index) => {
    const head = `query V${index} { __typename } #`;
    return `{"query":"${head}${padding.slice(head.length)}"}`;
  };
}

async function attack(gatewayUrl: string, metricsUrl: string, length: number, count: number, concurrency: number): Promise<AttackPhase> {
  const makeBody = bodyMaker(length);
  const outcomes: Record<string, number> = {};
  const started = performance.now();
  let next = 0;
  const loop = async () => {
    while (next < count) {
      const index = next++;
      let outcome: string;
      try {
        const response = await fetch(gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: makeBody(index) });
        const answer = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
        outcome = `${response.status} ${answer.errors?.[0]?.extensions?.code ?? (answer.data ? "data" : "?")}`;
      } catch (error) {
        outcome = `failed: ${(error as Error).message}`;
      }
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  return { operationLength: length, sent: count, outcomes, seconds, after: await memory(metricsUrl) };
}

export async function measureMemoryAttack(options: MemoryAttackOptions = {}): Promise<MemoryAttackReport> {
  const operations = options.operations ?? 5_000;
  const concurrency = options.concurrency ?? 8;
  const maxOperationLength = DEFAULT_OPERATION_LIMITS.maxOperationLength;
  const database = await BACKENDS[0]!.create();
  const servers: RunningServer[] = [];
  let gateway: Awaited<ReturnType<typeof startProcess>> | undefined;
  try {
    await loadSeed(forEverySubgraph(database.handle));
    const subgraphUrls = {} as Record<SubgraphName, string>;
    for (const subgraph of SUBGRAPHS) {
      const server = await createSubgraphServer(subgraph, database.handle.db, { isProduction: true, subgraphSecret: SECRET });
      const running = await server.listen(0, "127.0.0.1");
      servers.push(running);
      subgraphUrls[subgraph.name] = running.url;
    }
    const port = await freePort();
    gateway = await startProcess(
      "gateway",
      "gateway/main.ts",
      {
        NODE_ENV: "production",
        SUBGRAPH_SECRET: SECRET,
        GATEWAY_PORT: String(port),
        METRICS_TOKEN,
        ...Object.fromEntries(SUBGRAPHS.map((subgraph) => [`${subgraph.name.toUpperCase()}_URL`, subgraphUrls[subgraph.name]])),
      },
      `http://127.0.0.1:${port}/ready`,
    );
    const gatewayUrl = `http://127.0.0.1:${port}/graphql`;
    const metricsUrl = `http://127.0.0.1:${port}/metrics`;
    const before = await memory(metricsUrl);
    const oversized = await attack(gatewayUrl, metricsUrl, options.oversizedLength ?? 1_040_000 + 30, operations, concurrency);
    const underLimit = await attack(gatewayUrl, metricsUrl, maxOperationLength - 100, operations, concurrency);
    const cacheBytes: Record<string, number> = {};
    for (const [, cache, value] of (await scrapeMetrics(metricsUrl)).matchAll(/^meridian_operation_cache_bytes\{cache="(\w+)"[^}]*\} (\d+)$/gm))
      cacheBytes[cache!] = Number(value);
    return { before, oversized, underLimit, cacheBoundMb: (3 * DEFAULT_OPERATION_CACHE_BYTES) / MB, cacheBytes, maxOperationLength };
  } finally {
    if (gateway) await stopProcess(gateway);
    for (const server of servers.reverse()) await server.stop();
    await database.dispose();
  }
}

/** The report as lines of text, for a terminal or a results file. */
export function describeMemoryAttack(report: MemoryAttackReport): string[] {
  const phase = (name: string, result: AttackPhase) =>
    `${name}: ${result.sent} distinct operations of ${result.operationLength.toLocaleString("en")} characters in ${result.seconds} s → ` +
    `${Object.entries(result.outcomes)
      .map(([outcome, count]) => `${count} × ${outcome}`)
      .join(", ")}; gateway heap ${result.after.heapUsedMb} MB, RSS ${result.after.rssMb} MB`;
  return [
    `gateway before: heap ${report.before.heapUsedMb} MB, RSS ${report.before.rssMb} MB (operation length limit ${report.maxOperationLength.toLocaleString("en")}, caches at most ${report.cacheBoundMb} MB together)`,
    phase("over the limit (the issue's repro)", report.oversized),
    phase("just under the limit", report.underLimit),
    `caches at the end: ${Object.entries(report.cacheBytes)
      .map(([cache, bytes]) => `${cache} ${(bytes / MB).toFixed(1)} MB`)
      .join(", ")}`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await measureMemoryAttack();
  for (const line of describeMemoryAttack(report)) console.log(line);
}
