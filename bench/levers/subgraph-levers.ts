// The levers of the subgraphs' processes, each measured on processes started fresh for it: DataLoader, prepared statements, pools, inline tracing, the young generation, compiled execution.
import { pathToFileURL } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import type { Database } from "../../db/client.js";
import { type Call, type Process, SUBGRAPH_SECRET_HEADERS, type Side, graphqlCall, incidentPageAndCountSql, statementsOf, stopProcesses } from "../harness.js";
import { INCIDENTS_BY_COUNTRY_AND_DATES, INCIDENTS_WITH_ACTORS, SEED_STORY } from "../operations.js";
import { type BaseGraph, startBaseGraph, startVariant } from "./graphs.js";
import { INCIDENTS_WITH_PARTICIPANTS, countryFilter, gatewayBody } from "./lever-operations.js";
import { PAYS_AT, type Report, compare, detail, row, text } from "./report.js";
import type { Settings } from "./settings.js";

/** The V8 flag the young-generation lever measures: the semi-spaces where each request's short-lived objects are allocated. */
const YOUNG_GENERATION_FLAG = "--max-semi-space-size=64";

export async function dataloaderLever(databaseUrl: string, settings: Settings, report: Report) {
  const lever = "DataLoader per request";
  const preload = pathToFileURL(new URL("../unbatched-loaders.ts", import.meta.url).pathname).href;
  const processes: Process[] = [];
  try {
    // Both systems started fresh for this lever, side by side, so that neither is warmer than the other.
    const batched = await startBaseGraph(databaseUrl, processes, { name: "batched" });
    const unbatched = await startBaseGraph(databaseUrl, processes, { name: "unbatched", subgraphNodeArgs: ["--import", preload] });
    const body = gatewayBody(INCIDENTS_WITH_ACTORS, 500);
    const batchedCall = graphqlCall(batched.gateway.url, body);
    const unbatchedCall = graphqlCall(unbatched.gateway.url, body);
    // Statements per request, each side alone, as the subgraphs count them (bench/run.ts does the same).
    const batchedStatements = await statementsOf(batched.addresses, batchedCall, 5);
    const unbatchedStatements = await statementsOf(unbatched.addresses, unbatchedCall, 3);
    const [a, b] = await compare(
      "dataloader: incidents-with-actors (500)",
      [
        { label: "batched (as shipped)", call: batchedCall, processes: [batched.subgraphs.actors, batched.subgraphs.incidents, batched.gateway.process] },
        { label: "maxBatchSize 1", call: unbatchedCall, processes: [unbatched.subgraphs.actors, unbatched.subgraphs.incidents, unbatched.gateway.process] },
      ],
      settings,
    );
    report.rows.push(
      row(
        {
          lever,
          scale: "10k",
          measured: `incidents-with-actors (500 incidents with their participants' actors) through the gateway, concurrency ${settings.concurrency}`,
          a: "each request's loaders batch (as shipped)",
          b: "every DataLoader dispatches each key alone (maxBatchSize 1)",
        },
        a!,
        b!,
        "throughput",
        { a: `; ${batchedStatements} SQL statements/request`, b: `; ${unbatchedStatements} SQL statements/request` },
      ),
    );
    detail(
      report,
      lever,
      `The switch: bench/unbatched-loaders.ts, loaded with \`node --import\` into the B subgraphs only, sets every DataLoader's batch size to 1 (the per-request cache stays). SQL statements per request are what the subgraphs count they sent (meridian_database_statements_total) over 5 (A) and 3 (B) requests sent one at a time: ${batchedStatements} batched, ${unbatchedStatements} unbatched.`,
    );
  } finally {
    await stopProcesses(processes);
  }
}

/** One side of a lever measured as two incidents subgraphs, called directly. */
interface SubgraphSide {
  label: string;
  /** What the report's A or B column says it is. */
  description: string;
  url: string;
  process: Process;
}

/** Rows for incidents by country (50) and incidents with participants (500), sent straight to A's and B's incidents subgraph. */
async function directIncidentsPair(settings: Settings, report: Report, lever: { name: string; key: string; a: SubgraphSide; b: SubgraphSide }) {
  for (const [key, operation, first] of [
    ["incidents-by-country", INCIDENTS_BY_COUNTRY_AND_DATES, 50],
    ["incidents-with-participants", INCIDENTS_WITH_PARTICIPANTS, 500],
  ] as const) {
    const body = gatewayBody(operation, first);
    const side = (one: SubgraphSide): Side => ({ label: one.label, call: graphqlCall(one.url, body, SUBGRAPH_SECRET_HEADERS), processes: [one.process] });
    const [a, b] = await compare(`${lever.key}: ${key} (direct)`, [side(lever.a), side(lever.b)], settings);
    report.rows.push(
      row(
        {
          lever: lever.name,
          scale: "10k",
          measured: `${key} (${first}) straight to the incidents subgraph, concurrency ${settings.concurrency}`,
          a: lever.a.description,
          b: lever.b.description,
        },
        a!,
        b!,
        "throughput",
      ),
    );
  }
}

export async function preparedStatementsLever(databaseUrl: string, sql: postgres.Sql, settings: Settings, report: Report) {
  const lever = "prepared statements";
  // Both sides started here with the switch set either way, so the comparison does not depend on the default.
  const prepared = await startVariant(databaseUrl, "incidents", "incidents (prepared)", { DATABASE_PREPARED_STATEMENTS: "true" });
  const unprepared = await startVariant(databaseUrl, "incidents", "incidents (unprepared)", { DATABASE_PREPARED_STATEMENTS: "false" });
  try {
    await directIncidentsPair(settings, report, {
      name: lever,
      key: "prepared",
      a: { label: "DATABASE_PREPARED_STATEMENTS=true", description: "DATABASE_PREPARED_STATEMENTS=true (default)", ...prepared },
      b: { label: "DATABASE_PREPARED_STATEMENTS=false", description: "DATABASE_PREPARED_STATEMENTS=false", ...unprepared },
    });
    const { page, total } = incidentPageAndCountSql(drizzle(sql) as unknown as Database, countryFilter(), 50);
    const sqlCall =
      (prepare: boolean): Call =>
      async () => {
        await Promise.all([sql.unsafe(page.sql, page.params as never[], { prepare }), sql.unsafe(total.sql, total.params as never[], { prepare })]);
        return undefined;
      };
    const [sqlA, sqlB] = await compare(
      "prepared: the page's SQL alone",
      [
        { label: "prepare: true", call: sqlCall(true) },
        { label: "prepare: false", call: sqlCall(false) },
      ],
      settings,
    );
    report.rows.push(
      row(
        {
          lever,
          scale: "10k",
          measured: `the incidents-by-country page's SQL alone (page and count, postgres.js), concurrency ${settings.concurrency}`,
          a: "postgres.js `prepare: true`",
          b: "`prepare: false` (what Drizzle asks for)",
        },
        sqlA!,
        sqlB!,
        "throughput",
      ),
    );
    detail(
      report,
      lever,
      "Drizzle asks postgres.js to prepare a statement only when the query is named with `.prepare(name)`, which no repository does; and postgres.js sends an unprepared statement with parameters in two round trips (Parse and Describe, then, knowing the parameter types, Bind and Execute). DATABASE_PREPARED_STATEMENTS (on by default; db/client.ts) makes the client prepare every statement with parameters, in transactions too: one round trip, parsed once per connection. Its connections set plan_cache_mode=force_custom_plan, so a prepared statement is still planned for its values each time (no generic plan chosen without them), and lists of IDs go as one array parameter (db/any-of-ids.ts), so a DataLoader batch of any size is one statement text, not one per length.",
    );
  } finally {
    await stopProcesses([prepared.process, unprepared.process]);
  }
}

/** Connections a process holds open in Postgres (its pools' application names carry its pid). */
async function connectionsOf(sql: postgres.Sql, process: Process): Promise<number> {
  const [found] = await sql`select count(*)::int as n from pg_stat_activity where application_name like ${`meridian/%/${process.child.pid}/%`}`;
  return found!.n as number;
}

export async function poolsLever(databaseUrl: string, sql: postgres.Sql, settings: Settings, report: Report) {
  const lever = "bounded pools";
  // All three started fresh for this lever, side by side.
  const variants = [
    await startVariant(databaseUrl, "incidents", "incidents (pool 10)", { DATABASE_POOL_MAX: "10" }),
    await startVariant(databaseUrl, "incidents", "incidents (pool 2)", { DATABASE_POOL_MAX: "2" }),
    await startVariant(databaseUrl, "incidents", "incidents (pool 50)", { DATABASE_POOL_MAX: "50" }),
  ];
  try {
    const body = gatewayBody(INCIDENTS_BY_COUNTRY_AND_DATES, 50);
    const concurrency = settings.poolConcurrency;
    const [a, small, large] = await compare(
      `pools: incidents-by-country (direct, c${concurrency})`,
      [
        { label: "DATABASE_POOL_MAX=10 (default)", call: graphqlCall(variants[0]!.url, body, SUBGRAPH_SECRET_HEADERS), processes: [variants[0]!.process] },
        { label: "DATABASE_POOL_MAX=2", call: graphqlCall(variants[1]!.url, body, SUBGRAPH_SECRET_HEADERS), processes: [variants[1]!.process] },
        { label: "DATABASE_POOL_MAX=50", call: graphqlCall(variants[2]!.url, body, SUBGRAPH_SECRET_HEADERS), processes: [variants[2]!.process] },
      ],
      settings,
      concurrency,
    );
    const held = await Promise.all(variants.map((variant) => connectionsOf(sql, variant.process)));
    const measured = `incidents-by-country (50 a page) straight to the incidents subgraph, concurrency ${concurrency}`;
    const connections = (n: number) => `; ${n} connections open after the run`;
    report.rows.push(
      row({ lever, scale: "10k", measured, a: "pool of 10 (default)", b: "pool of 2 (too tight)" }, a!, small!, "throughput", {
        a: connections(held[0]!),
        b: connections(held[1]!),
      }),
    );
    // Against a pool five times larger the bound pays when it costs nothing: it holds a fifth of the connections for the same work.
    const largeRow = row({ lever, scale: "10k", measured, a: "pool of 10 (default)", b: "pool of 50 (nearly unbounded here)" }, a!, large!, "throughput", {
      a: connections(held[0]!),
      b: connections(held[2]!),
    });
    largeRow.pays = largeRow.ratio >= 1 / PAYS_AT && a!.all.errors === 0;
    largeRow.ratioOf += "; pays if ≥ 0.95 (as fast, with a fifth of the connections)";
    report.rows.push(largeRow);
    detail(
      report,
      lever,
      `Connections each incidents process held in Postgres after the run (pg_stat_activity by the pool's application name): pool 10: ${held[0]}, pool 2: ${held[1]}, pool 50: ${held[2]}. Postgres here allows 100 connections for everything on the machine; three subgraphs × replicas × an unbounded pool would exceed it.`,
    );
  } finally {
    await stopProcesses(variants.map((variant) => variant.process));
  }
}

export async function inlineTracingLever(databaseUrl: string, settings: Settings, report: Report) {
  const lever = "inline tracing off";
  // Both started fresh for this lever, side by side.
  const untraced = await startVariant(databaseUrl, "incidents", "incidents (no inline tracing)", { SUBGRAPH_INLINE_TRACING: "false" });
  const variant = await startVariant(databaseUrl, "incidents", "incidents (inline tracing)", { SUBGRAPH_INLINE_TRACING: "true" });
  try {
    const traced = { ...SUBGRAPH_SECRET_HEADERS, "apollo-federation-include-trace": "ftv1" };
    for (const [key, operation, first] of [
      ["incidents-by-country", INCIDENTS_BY_COUNTRY_AND_DATES, 50],
      ["incidents-with-participants", INCIDENTS_WITH_PARTICIPANTS, 500],
    ] as const) {
      const body = gatewayBody(operation, first);
      // B must really trace: its answers carry the trace; A's (tracing disabled) must not.
      const hasTrace = (url: string) => async () => {
        const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...traced }, body });
        return ((await response.json()) as { extensions?: { ftv1?: string } }).extensions?.ftv1 !== undefined;
      };
      const [a, b, c] = await compare(
        `inline tracing: ${key} (direct)`,
        [
          {
            label: "disabled (as shipped), ftv1 asked",
            call: graphqlCall(untraced.url, body, traced),
            processes: [untraced.process],
            check: async () => ((await hasTrace(untraced.url)()) ? "answered with a trace" : undefined),
          },
          {
            label: "SUBGRAPH_INLINE_TRACING, ftv1 asked",
            call: graphqlCall(variant.url, body, traced),
            processes: [variant.process],
            check: async () => ((await hasTrace(variant.url)()) ? undefined : "answered without a trace"),
          },
          { label: "SUBGRAPH_INLINE_TRACING, not asked", call: graphqlCall(variant.url, body, SUBGRAPH_SECRET_HEADERS), processes: [variant.process] },
        ],
        settings,
      );
      const measured = `${key} (${first}) straight to the incidents subgraph with \`apollo-federation-include-trace: ftv1\`, concurrency ${settings.concurrency}`;
      report.rows.push(
        row({ lever, scale: "10k", measured, a: "tracing disabled (as shipped)", b: "SUBGRAPH_INLINE_TRACING=true, trace asked for" }, a!, b!, "throughput"),
      );
      detail(
        report,
        lever,
        `${key}: with tracing on but no trace asked for (our gateway never asks: it sends the header only when Apollo usage reporting samples a request) the subgraph does ${text(c!.all)}.`,
      );
    }
  } finally {
    await stopProcesses([untraced.process, variant.process]);
  }
}

export async function youngGenerationLever(databaseUrl: string, settings: Settings, report: Report) {
  const lever = "a larger young generation";
  // Two whole graphs, every process of one with the flag: the gateway and the subgraphs all allocate per request.
  const processes: Process[] = [];
  try {
    const larger = await startBaseGraph(databaseUrl, processes, {
      name: YOUNG_GENERATION_FLAG,
      subgraphNodeArgs: [YOUNG_GENERATION_FLAG],
      gatewayNodeArgs: [YOUNG_GENERATION_FLAG],
    });
    const usual = await startBaseGraph(databaseUrl, processes, { name: "V8's default" });
    for (const [key, operation, first] of [
      ["incidents-by-country", INCIDENTS_BY_COUNTRY_AND_DATES, 50],
      ["seed-story", SEED_STORY, 10],
    ] as const) {
      const body = gatewayBody(operation, first);
      const graphProcesses = (graph: BaseGraph) => [graph.gateway.process, ...Object.values(graph.subgraphs)];
      const [a, b] = await compare(
        `young generation: ${key}`,
        [
          { label: YOUNG_GENERATION_FLAG, call: graphqlCall(larger.gateway.url, body), processes: graphProcesses(larger) },
          { label: "V8's default", call: graphqlCall(usual.gateway.url, body), processes: graphProcesses(usual) },
        ],
        settings,
      );
      report.rows.push(
        row(
          {
            lever,
            scale: "10k",
            measured: `${key} (${first}) through the gateway, concurrency ${settings.concurrency}; two graphs, each its own gateway and subgraphs`,
            a: `\`${YOUNG_GENERATION_FLAG}\` in every process`,
            b: "V8's default young generation (semi-spaces of up to 16 MB)",
          },
          a!,
          b!,
          "throughput",
        ),
      );
    }
  } finally {
    await stopProcesses(processes);
  }
}

export async function compiledExecutionLever(databaseUrl: string, settings: Settings, report: Report) {
  const lever = "compiled execution";
  const processes: Process[] = [];
  try {
    // Straight to one subgraph, where execution is all there is; then the seed story through two whole graphs.
    const compiled = await startVariant(databaseUrl, "incidents", "incidents (compiled)", {});
    const interpreted = await startVariant(databaseUrl, "incidents", "incidents (graphql-js)", { SUBGRAPH_COMPILED_EXECUTION: "false" });
    processes.push(compiled.process, interpreted.process);
    await directIncidentsPair(settings, report, {
      name: lever,
      key: "compiled execution",
      a: { label: "compiled (as shipped)", description: "operations compiled by graphql-jit (as shipped)", ...compiled },
      b: { label: "SUBGRAPH_COMPILED_EXECUTION=false", description: "SUBGRAPH_COMPILED_EXECUTION=false: graphql-js's execution", ...interpreted },
    });
    // Their connections go back first: the base graph and two more stay within the server's max_connections (100);
    // with the variants still up, the last graph started was refused connections under load.
    await stopProcesses(processes.splice(0));
    const compiledGraph = await startBaseGraph(databaseUrl, processes, { name: "compiled" });
    const interpretedGraph = await startBaseGraph(databaseUrl, processes, { name: "graphql-js", subgraphEnv: { SUBGRAPH_COMPILED_EXECUTION: "false" } });
    const body = gatewayBody(SEED_STORY, 10);
    const graphProcesses = (graph: BaseGraph) => Object.values(graph.subgraphs);
    const [seedA, seedB] = await compare(
      "compiled execution: seed-story",
      [
        { label: "compiled (as shipped)", call: graphqlCall(compiledGraph.gateway.url, body), processes: graphProcesses(compiledGraph) },
        { label: "SUBGRAPH_COMPILED_EXECUTION=false", call: graphqlCall(interpretedGraph.gateway.url, body), processes: graphProcesses(interpretedGraph) },
      ],
      settings,
    );
    report.rows.push(
      row(
        {
          lever,
          scale: "10k",
          measured: `seed-story (10) through the gateway, concurrency ${settings.concurrency}; two graphs, each its own gateway and subgraphs`,
          a: "operations compiled by graphql-jit in every subgraph (as shipped)",
          b: "SUBGRAPH_COMPILED_EXECUTION=false in every subgraph",
        },
        seedA!,
        seedB!,
        "throughput",
      ),
    );
    detail(
      report,
      lever,
      "The subgraphs run each operation as a function graphql-jit compiled from its document once (services/kit/server/compiled-execution.ts); test/services/kit/compiled-execution.e2e.test.ts shows the answers equal graphql-js's.",
    );
  } finally {
    await stopProcesses(processes);
  }
}
