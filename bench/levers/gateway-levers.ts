// The gateway's levers: keep-alive, the subgraph client, the single-fetch pass-through, cache hits before Express (two gateways in front of the same subgraphs), the query-plan cache and building the schema once.
import { pathToFileURL } from "node:url";
import { Supergraph, operationFromDocument } from "@apollo/federation-internals";
// The planner @apollo/gateway runs (its own dependency, same version): timed here alone.
import { QueryPlanner } from "@apollo/query-planner";
import { parse, specifiedRules, validate } from "graphql";
import { readSupergraph } from "../../gateway/supergraph.js";
import { SUBGRAPHS as SUBGRAPH_DEFINITIONS } from "../../services/registry.js";
import { type Figures, type Measured, type Process, SUBGRAPH_SECRET_HEADERS, type Side, graphqlCall, startGateway, stopProcesses } from "../harness.js";
import { INCIDENTS_BY_COUNTRY_AND_DATES, SEED_STORY } from "../operations.js";
import type { BaseGraph } from "./graphs.js";
import { PLANNED_OPERATIONS, gatewayBody } from "./lever-operations.js";
import { type Report, compare, detail, round2, row, timeIt } from "./report.js";
import type { Settings } from "./settings.js";

/** One side of a lever measured as two gateways in front of the same subgraphs. */
interface GatewaySide {
  /** The side's label in the progress lines, and the process's name. */
  label: string;
  /** What the report's A or B column says it is. */
  description: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
  /** Checked once before measuring, with the side's process: a reason it is not what it should be. */
  check?: (process: Process) => string | undefined;
}

/** A lever of the gateway alone: A and B gateways started fresh, side by side, on the seed story and incidents by country. */
async function gatewayPairLever(
  base: BaseGraph,
  settings: Settings,
  report: Report,
  lever: { name: string; key: string; by: "throughput" | "p50"; a: GatewaySide; b: GatewaySide },
): Promise<void> {
  const start = (side: GatewaySide) => startGateway(base.addresses, { label: `gateway (${side.label})`, env: side.env, nodeArgs: side.nodeArgs });
  const a = await start(lever.a);
  const b = await start(lever.b);
  try {
    for (const [key, operation, first] of [
      ["seed-story", SEED_STORY, 10],
      ["incidents-by-country", INCIDENTS_BY_COUNTRY_AND_DATES, 50],
    ] as const) {
      const body = gatewayBody(operation, first);
      const side = (gateway: typeof a, described: GatewaySide): Side => ({
        label: described.label,
        call: graphqlCall(gateway.url, body),
        processes: [gateway.process],
        check: described.check && (async () => described.check!(gateway.process)),
      });
      const [measuredA, measuredB] = await compare(`${lever.key}: ${key}`, [side(a, lever.a), side(b, lever.b)], settings);
      report.rows.push(
        row(
          {
            lever: lever.name,
            scale: "10k",
            measured: `${key} (${first}) through the gateway, concurrency ${settings.concurrency}; both gateways in front of the same subgraphs`,
            a: lever.a.description,
            b: lever.b.description,
          },
          measuredA!,
          measuredB!,
          lever.by,
        ),
      );
    }
  } finally {
    await stopProcesses([a.process, b.process]);
  }
}

export function keepAliveLever(base: BaseGraph, settings: Settings, report: Report) {
  return gatewayPairLever(base, settings, report, {
    name: "keep-alive gateway → subgraphs",
    key: "keep-alive",
    by: "p50",
    a: { label: "keep-alive", description: "kept-alive connections (default)", env: { SUBGRAPH_KEEP_ALIVE: "true" } },
    b: { label: "no keep-alive", description: "SUBGRAPH_KEEP_ALIVE=false: a new connection per subgraph request", env: { SUBGRAPH_KEEP_ALIVE: "false" } },
  });
}

export function singleFetchLever(base: BaseGraph, settings: Settings, report: Report) {
  return gatewayPairLever(base, settings, report, {
    name: "single fetches passed through unshaped",
    key: "single fetch",
    by: "throughput",
    a: { label: "passed through", description: "a single-fetch answer of the shape asked for sent as the subgraph gave it (gateway/single-fetch.ts)" },
    b: {
      label: "shaped",
      description: "GATEWAY_SINGLE_FETCH_PASSTHROUGH=false: Apollo's execution of the plan and result shaping for every answer",
      env: { GATEWAY_SINGLE_FETCH_PASSTHROUGH: "false" },
    },
  });
}

/** Both gateways answer from their response cache: the operation is the same every time. */
const CACHED = { RESPONSE_CACHE_MAX_BYTES: String(32 * 1024 * 1024) };

export function earlyCacheHitsLever(base: BaseGraph, settings: Settings, report: Report) {
  return gatewayPairLever(base, settings, report, {
    name: "response cache hits answered before Express",
    key: "early cache hits",
    by: "throughput",
    a: {
      label: "early hits",
      description: "cached; a hit answered before Express, the request read as Express's chain reads it (platform/http/early-answers.ts)",
      env: CACHED,
    },
    b: {
      label: "hits through Express",
      description: "cached; GATEWAY_EARLY_CACHE_HITS=false: every hit through Express's chain",
      env: { ...CACHED, GATEWAY_EARLY_CACHE_HITS: "false" },
    },
  });
}

export async function subgraphClientLever(base: BaseGraph, settings: Settings, report: Report) {
  const lever = "subgraph requests without fetch";
  const withFetch = pathToFileURL(new URL("../with-fetch-fetcher.mjs", import.meta.url).pathname).href;
  await gatewayPairLever(base, settings, report, {
    name: lever,
    key: "subgraph client",
    by: "throughput",
    a: { label: "undici request", description: "undici `request`, the body read once into a plain response (gateway/subgraph-fetcher.ts)" },
    b: {
      label: "undici fetch",
      description: "undici `fetch`, its Response read and wrapped again (bench/fetch-fetcher.ts)",
      nodeArgs: ["--import", withFetch],
      check: (process) => (process.stderr().includes("undici's fetch") ? undefined : "the gateway did not load bench/fetch-fetcher.ts"),
    },
  });
  detail(
    report,
    lever,
    "B is the gateway as it was: bench/with-fetch-fetcher.mjs, loaded with `node --import` into B's gateway only, registers module hooks that load bench/fetch-fetcher.ts wherever gateway/subgraph-fetcher.ts is imported; B's check reads the line it writes to stderr.",
  );
}

export async function planCacheLever(base: BaseGraph, settings: Settings, report: Report) {
  const lever = "query-plan cache";
  // What each request would pay without the caches, timed in this process: the planner the gateway runs, and parsing and validating.
  const supergraph = Supergraph.build(readSupergraph());
  const apiSchema = supergraph.apiSchema();
  const graphqlSchema = apiSchema.toGraphQLJSSchema();
  const planner = new QueryPlanner(supergraph);
  const costs = new Map<string, { plan: number; parseValidate: number }>();
  for (const [key, operation] of PLANNED_OPERATIONS) {
    const document = parse(operation.query);
    const plan = await timeIt(10, () => planner.buildQueryPlan(operationFromDocument(apiSchema, document)));
    const parseValidate = await timeIt(10, () => validate(graphqlSchema, parse(operation.query), specifiedRules));
    costs.set(key, { plan, parseValidate });
  }
  detail(
    report,
    lever,
    `Time to plan each operation (QueryPlanner.buildQueryPlan on gateway/supergraph.graphql, median of 10 in the benchmark process) and to parse and validate it: ${PLANNED_OPERATIONS.map(([key]) => `${key} ${costs.get(key)!.plan} ms + ${costs.get(key)!.parseValidate} ms`).join("; ")}.`,
  );
  let unique = 0;
  for (const [key, operation, first] of PLANNED_OPERATIONS.filter(([key]) => ["seed-story", "incidents-by-country", "incidents-with-actors"].includes(key))) {
    const variables = operation.variables(first);
    // A comment makes each text new: Apollo Server's parsed-document cache and the gateway's plan cache are keyed by the text's hash.
    const fresh = () => {
      unique += 1;
      return JSON.stringify({ query: `# request ${unique}\n${operation.query}`, variables });
    };
    const [a, b] = await compare(
      `plan cache: ${key}`,
      [
        { label: "same text (cached plan)", call: graphqlCall(base.gateway.url, gatewayBody(operation, first)), processes: [base.gateway.process] },
        { label: "new text per request (planned anew)", call: graphqlCall(base.gateway.url, fresh), processes: [base.gateway.process] },
      ],
      settings,
    );
    const cost = costs.get(key)!;
    report.rows.push(
      row(
        {
          lever,
          scale: "10k",
          measured: `${key} (${first}) through the gateway, concurrency ${settings.concurrency}`,
          a: "the same text every time: plan (and parsed document) from cache",
          b: "a new comment per request: parsed, validated and planned every time",
        },
        a!,
        b!,
        "throughput",
        { b: `; planning alone ${cost.plan} ms, parse + validate ${cost.parseValidate} ms` },
      ),
    );
  }
}

export async function schemaOnceLever(base: BaseGraph, settings: Settings, report: Report) {
  const lever = "no per-request schema work";
  // Unloaded latency (one request at a time), so the comparison is with what a request costs, not its queueing.
  const oneAtATime = { ...settings, concurrency: 1 };
  const body = gatewayBody(INCIDENTS_BY_COUNTRY_AND_DATES, 50);
  const [direct, viaGateway] = await compare(
    "schema once: incidents-by-country (c1)",
    [
      { label: "incidents subgraph, direct", call: graphqlCall(base.addresses.subgraphUrl("incidents"), body, SUBGRAPH_SECRET_HEADERS) },
      { label: "through the gateway", call: graphqlCall(base.gateway.url, body) },
    ],
    oneAtATime,
    1,
  );
  const builds = new Map<string, number>();
  for (const subgraph of SUBGRAPH_DEFINITIONS) {
    const code = await subgraph.load();
    builds.set(subgraph.name, await timeIt(3, () => code.buildSchema()));
  }
  const incidentsBuild = builds.get("incidents")!;
  const supergraphBuild = await timeIt(3, () => new QueryPlanner(Supergraph.build(readSupergraph())));
  const plus = (figures: Figures, extraMs: number): Figures => ({
    ...figures,
    p50: round2(figures.p50 + extraMs),
    p95: round2(figures.p95 + extraMs),
    p99: round2(figures.p99 + extraMs),
    throughput: round2(1000 / (1000 / figures.throughput + extraMs)),
  });
  const perRequest = (measured: Measured, extraMs: number): Measured => ({
    all: plus(measured.all, extraMs),
    rounds: measured.rounds.map((round) => plus(round, extraMs)),
  });
  report.rows.push(
    row(
      {
        lever,
        scale: "10k",
        measured: "incidents-by-country (50) straight to the incidents subgraph, one request at a time",
        a: "schema built once at start (as shipped)",
        b: "schema built per request (A plus the measured build time; estimate)",
      },
      direct!,
      perRequest(direct!, incidentsBuild),
      "p50",
      { b: `; build ${incidentsBuild} ms` },
    ),
    row(
      {
        lever,
        scale: "10k",
        measured: "incidents-by-country (50) through the gateway, one request at a time",
        a: "supergraph and query planner built once at start (as shipped)",
        b: "built per request (A plus the measured build time; estimate)",
      },
      viaGateway!,
      perRequest(viaGateway!, supergraphBuild),
      "p50",
      { b: `; build ${supergraphBuild} ms` },
    ),
  );
  detail(
    report,
    lever,
    `Building each subgraph's schema (type-graphql + @apollo/subgraph, median of 3 in the benchmark process): ${[...builds].map(([name, ms]) => `${name} ${ms} ms`).join(", ")}; the gateway's supergraph and query planner: ${supergraphBuild} ms. No switch exists to build them per request, so B is A's measured latency plus the build time.`,
  );
}
