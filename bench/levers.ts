// npm run bench:levers -- --duration 5 --warmup 1 --concurrency 8 --levers dataloader,keyset [--out FILE]
// Issue 6, item 5: each performance lever measured against the same system without it, in
// the same run. A is the lever as shipped, B the same code with the lever off (a config
// switch, a benchmark-only switch, or the query written the other way); where the lever is a
// process's setting, A and B are both processes started fresh for it, side by side, and warmed
// up alike; the two are sent in alternating rounds (A B B A …) so that other work on the
// shared machine falls on both, and each ratio is given with its spread over the rounds.
// Process levers run on meridian_gen_10k, the levers where data size matters (keyset,
// indexes, totalCount) on meridian_gen_1m. Writes bench/LEVERS.md and prints a summary.
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Supergraph, operationFromDocument } from "@apollo/federation-internals";
// The planner @apollo/gateway runs (its own dependency, same version): timed here alone.
import { QueryPlanner } from "@apollo/query-planner";
import { type SQL, sql as drizzleSql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { parse, specifiedRules, validate } from "graphql";
import postgres from "postgres";
import type { Database } from "../db/client.js";
import { readSupergraph } from "../gateway/supergraph.js";
import { encodeCursor } from "../services/kit/pages/pagination.js";
import { SortOrder } from "../services/kit/pages/sort-order.js";
import { IncidentSortField, IncidentType } from "../services/incidents/schema/incident.enums.js";
import { incidentCountQuery } from "../services/incidents/data/incident-counts.js";
import { IncidentOrder } from "../services/incidents/data/incident-order.js";
import type { IncidentFilter } from "../services/incidents/schema/incident.input.js";
import { incidentPageQuery } from "../services/incidents/data/incident.repository.js";
import { SUBGRAPHS as SUBGRAPH_DEFINITIONS } from "../services/registry.js";
import { explainScans } from "../scripts/harness/query-plans.js";
import {
  type Call,
  type Figures,
  type GraphAddresses,
  type Measured,
  type Process,
  SCALES,
  SUBGRAPHS,
  SUBGRAPH_SECRET_HEADERS,
  type Side,
  alternateRounds,
  graphAddresses,
  graphqlCall,
  incidentPageAndCountSql,
  machineLines,
  median,
  operationBody,
  spreadOf,
  startGateway,
  startSubgraph,
  statementsOf,
  stopProcesses,
} from "./harness.js";
import { commitLine } from "./provenance.js";
import {
  type BenchOperation,
  INCIDENTS_BY_COUNTRY_AND_DATES,
  INCIDENTS_WITH_ACTORS,
  MONTHLY_INCIDENT_COUNTS,
  SEED_STORY,
  STATEMENT_SEARCH,
} from "./operations.js";

/** The V8 flag the young-generation lever measures: the semi-spaces where each request's short-lived objects are allocated. */
const YOUNG_GENERATION_FLAG = "--max-semi-space-size=64";

/** A lever pays when it makes its figure at least this much better; smaller differences are within this machine's noise. */
const PAYS_AT = 1.05;

const LEVERS = [
  "dataloader",
  "keyset",
  "indexes",
  "total-count",
  "prepared-statements",
  "pools",
  "keep-alive",
  "inline-tracing",
  "plan-cache",
  "schema-once",
  "subgraph-client",
  "young-generation",
  "compiled-execution",
  "single-fetch",
] as const;
type Lever = (typeof LEVERS)[number];
/** The levers whose cost grows with the data: measured on a million incidents. */
const LARGE_DATA_LEVERS: readonly Lever[] = ["keyset", "indexes", "total-count"];

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "5" },
      warmup: { type: "string", default: "3" },
      rounds: { type: "string", default: "4" },
      concurrency: { type: "string", default: "8" },
      "pool-concurrency": { type: "string", default: "32" },
      levers: { type: "string", default: LEVERS.join(",") },
      // A run of a few levers can be written beside the full report instead of over it.
      out: { type: "string", default: "bench/LEVERS.md" },
    },
  });
  const number = (name: string, text: string, min: number) => {
    const value = Number(text);
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name}: must be a number ≥ ${min}, got ${text}`);
    return value;
  };
  const integer = (name: string, text: string, min: number, max: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name}: must be an integer in [${min}, ${max}], got ${text}`);
    return value;
  };
  const levers = values.levers.split(",").map((lever) => lever.trim());
  for (const lever of levers) if (!LEVERS.includes(lever as Lever)) throw new Error(`--levers: "${lever}" is not one of ${LEVERS.join(", ")}`);
  return {
    durationS: number("duration", values.duration, 0.5),
    warmupS: number("warmup", values.warmup, 0),
    rounds: integer("rounds", values.rounds, 1, 20),
    concurrency: integer("concurrency", values.concurrency, 1, 256),
    poolConcurrency: integer("pool-concurrency", values["pool-concurrency"], 1, 256),
    levers: levers as Lever[],
    out: values.out,
  };
}

type Settings = ReturnType<typeof options>;

/** Each side probed and warmed up, then measured in `rounds` alternating rounds sharing --duration; figures per side. */
async function compare(title: string, sides: Side[], settings: Settings, concurrency = settings.concurrency): Promise<Measured[]> {
  const measured = await alternateRounds(title, sides, {
    rounds: settings.rounds,
    roundS: settings.durationS / settings.rounds,
    warmupS: settings.warmupS,
    concurrency,
  });
  for (const [index, figures] of measured.entries()) console.log(`  ${title.padEnd(44)} ${sides[index]!.label.padEnd(34)} ${text(figures.all)}`);
  return measured;
}

function text(figures: Figures): string {
  const cpu = figures.cpuMsPerRequest
    ? `; CPU ${Object.entries(figures.cpuMsPerRequest)
        .map(([name, ms]) => `${name} ${ms}`)
        .join(", ")} ms/request`
    : "";
  return `${figures.throughput} req/s, p50 ${figures.p50} / p95 ${figures.p95} / p99 ${figures.p99} ms${figures.errors ? `, ${figures.errors} errors (${figures.firstError})` : ""}${cpu}`;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

interface Row {
  lever: string;
  scale: string;
  measured: string;
  a: string;
  b: string;
  aFigures: string;
  bFigures: string;
  /** How many times better A is than B on the figure the verdict reads: the median of the rounds' ratios. */
  ratio: number;
  /** The least and greatest of the rounds' ratios. */
  range: [number, number];
  ratioOf: string;
  pays: boolean;
}

/** A row whose verdict reads throughput (A÷B) or p50 latency (B÷A), round by round (the median pays or not); errors on A's side never pay. */
function row(
  fields: Omit<Row, "aFigures" | "bFigures" | "ratio" | "range" | "ratioOf" | "pays">,
  a: Measured,
  b: Measured,
  by: "throughput" | "p50",
  extra: { a?: string; b?: string } = {},
): Row {
  const spread = by === "throughput" ? spreadOf(a, b, (figures) => figures.throughput) : spreadOf(b, a, (figures) => figures.p50);
  return {
    ...fields,
    aFigures: text(a.all) + (extra.a ?? ""),
    bFigures: text(b.all) + (extra.b ?? ""),
    ratio: spread.median,
    range: [spread.min, spread.max],
    ratioOf: by === "throughput" ? "throughput A÷B" : "p50 B÷A",
    pays: spread.median >= PAYS_AT && a.all.errors === 0,
  };
}

interface Report {
  rows: Row[];
  /** Per lever, what the table cannot hold: plans, timings, the switch used. */
  details: Map<string, string[]>;
}

function detail(report: Report, lever: string, ...lines: string[]) {
  report.details.set(lever, [...(report.details.get(lever) ?? []), ...lines]);
}

const gatewayBody = (operation: BenchOperation, first: number) => operationBody(operation, first);

/** The incidents subgraph's own share of "500 incidents with their participants' actors": what the gateway asks it for. */
const INCIDENTS_WITH_PARTICIPANTS: BenchOperation = {
  name: "incidents with their participants (the incidents subgraph's share)",
  query: /* GraphQL */ `
    query BenchIncidentsWithParticipants($first: Int!) {
      incidents(first: $first, sort: { order: DESC }) {
        edges { node { id title startDate { date } participants { role actor { id } } } }
      }
    }`,
  variables: (first) => ({ first }),
};

/** Incidents of one common type over eight years: a filter the daily tallies do not keep, so its totalCount counts incidents. */
const INCIDENTS_OF_TYPE_AND_DATES: BenchOperation = {
  name: "incidents of a type and dates",
  query: INCIDENTS_BY_COUNTRY_AND_DATES.query
    .replace("BenchIncidentsByCountryAndDates", "BenchIncidentsOfTypeAndDates")
    .replace("$country: String!", "$type: IncidentType!")
    .replace("country: $country", "type: $type"),
  variables: (first) => ({ first, type: "ARMED_CLASH", occurred: { from: "2018-01-01", to: "2025-12-31" } }),
};

/** The same operation without `totalCount` in its selection. */
function withoutTotalCount(operation: BenchOperation): BenchOperation {
  const query = operation.query.replace(/^\s*totalCount\n/m, "");
  if (query === operation.query) throw new Error(`bench/levers.ts: ${operation.name} no longer selects totalCount on a line of its own`);
  return { ...operation, name: `${operation.name}, without totalCount`, query };
}

const countryFilter = (): IncidentFilter => {
  const variables = INCIDENTS_BY_COUNTRY_AND_DATES.variables(50) as { country: string; occurred: { from: string; to: string } };
  return { country: variables.country, occurred: variables.occurred };
};

// ---------------------------------------------------------------- 10k: the processes' levers

interface BaseGraph {
  addresses: GraphAddresses;
  subgraphs: Record<(typeof SUBGRAPHS)[number], Process>;
  gateway: { process: Process; url: string };
}

interface GraphVariant {
  /** Names the processes, e.g. "gateway (batched)". */
  name?: string;
  /** Node's own options for the subgraphs, and for the gateway. */
  subgraphNodeArgs?: string[];
  gatewayNodeArgs?: string[];
  /** Environment for the subgraphs. */
  subgraphEnv?: Record<string, string>;
}

/** Three subgraphs and a gateway in front of them, started now, as `variant` says. */
async function startBaseGraph(databaseUrl: string, processes: Process[], variant: GraphVariant = {}): Promise<BaseGraph> {
  const addresses = await graphAddresses(databaseUrl);
  const subgraphs = {} as BaseGraph["subgraphs"];
  const label = (name: string) => (variant.name ? `${name} (${variant.name})` : name);
  for (const name of SUBGRAPHS) {
    subgraphs[name] = await startSubgraph(addresses, name, { label: label(name), nodeArgs: variant.subgraphNodeArgs, env: variant.subgraphEnv });
    processes.push(subgraphs[name]);
  }
  const gateway = await startGateway(addresses, { label: label("gateway"), nodeArgs: variant.gatewayNodeArgs });
  processes.push(gateway.process);
  return { addresses, subgraphs, gateway };
}

/** Starts a variant of one subgraph beside the base set, on ports of its own; returns it and its URL. */
async function startVariant(databaseUrl: string, name: (typeof SUBGRAPHS)[number], label: string, env: Record<string, string>, nodeArgs: string[] = []) {
  const addresses = await graphAddresses(databaseUrl);
  const process = await startSubgraph(addresses, name, { label, env, nodeArgs });
  return { process, url: addresses.subgraphUrl(name) };
}

async function dataloaderLever(databaseUrl: string, settings: Settings, report: Report) {
  const lever = "DataLoader per request";
  const preload = pathToFileURL(new URL("./unbatched-loaders.ts", import.meta.url).pathname).href;
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

async function preparedStatementsLever(databaseUrl: string, sql: postgres.Sql, settings: Settings, report: Report) {
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

async function poolsLever(databaseUrl: string, sql: postgres.Sql, settings: Settings, report: Report) {
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

function keepAliveLever(base: BaseGraph, settings: Settings, report: Report) {
  return gatewayPairLever(base, settings, report, {
    name: "keep-alive gateway → subgraphs",
    key: "keep-alive",
    by: "p50",
    a: { label: "keep-alive", description: "kept-alive connections (default)", env: { SUBGRAPH_KEEP_ALIVE: "true" } },
    b: { label: "no keep-alive", description: "SUBGRAPH_KEEP_ALIVE=false: a new connection per subgraph request", env: { SUBGRAPH_KEEP_ALIVE: "false" } },
  });
}

async function inlineTracingLever(databaseUrl: string, settings: Settings, report: Report) {
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

function singleFetchLever(base: BaseGraph, settings: Settings, report: Report) {
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

async function subgraphClientLever(base: BaseGraph, settings: Settings, report: Report) {
  const lever = "subgraph requests without fetch";
  const withFetch = pathToFileURL(new URL("./with-fetch-fetcher.mjs", import.meta.url).pathname).href;
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

async function youngGenerationLever(databaseUrl: string, settings: Settings, report: Report) {
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

async function compiledExecutionLever(databaseUrl: string, settings: Settings, report: Report) {
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

const PLANNED_OPERATIONS: [string, BenchOperation, number][] = [
  ["seed-story", SEED_STORY, 10],
  ["incidents-by-country", INCIDENTS_BY_COUNTRY_AND_DATES, 50],
  ["statement-search", STATEMENT_SEARCH, 20],
  ["monthly-counts", MONTHLY_INCIDENT_COUNTS, 120],
  ["incidents-with-actors", INCIDENTS_WITH_ACTORS, 500],
];

/** Median wall time of `work` over `times` runs after one unmeasured run, in ms. */
async function timeIt(times: number, work: () => unknown): Promise<number> {
  await work();
  const spent: number[] = [];
  for (let run = 0; run < times; run += 1) {
    const started = performance.now();
    await work();
    spent.push(performance.now() - started);
  }
  return Math.round(median(spent) * 100) / 100;
}

async function planCacheLever(base: BaseGraph, settings: Settings, report: Report) {
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

async function schemaOnceLever(base: BaseGraph, settings: Settings, report: Report) {
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

async function processLevers(settings: Settings, report: Report) {
  const databaseUrl = SCALES["10k"]!;
  const sql = postgres(databaseUrl, { max: settings.concurrency, onnotice: () => {} });
  const processes: Process[] = [];
  const wanted = (lever: Lever) => settings.levers.includes(lever);
  try {
    console.log("10k: starting the subgraphs and the gateway");
    const base = await startBaseGraph(databaseUrl, processes);
    if (wanted("dataloader")) await dataloaderLever(databaseUrl, settings, report);
    if (wanted("prepared-statements")) await preparedStatementsLever(databaseUrl, sql, settings, report);
    if (wanted("pools")) await poolsLever(databaseUrl, sql, settings, report);
    if (wanted("keep-alive")) await keepAliveLever(base, settings, report);
    if (wanted("inline-tracing")) await inlineTracingLever(databaseUrl, settings, report);
    if (wanted("plan-cache")) await planCacheLever(base, settings, report);
    if (wanted("schema-once")) await schemaOnceLever(base, settings, report);
    if (wanted("subgraph-client")) await subgraphClientLever(base, settings, report);
    if (wanted("young-generation")) await youngGenerationLever(databaseUrl, settings, report);
    if (wanted("compiled-execution")) await compiledExecutionLever(databaseUrl, settings, report);
    if (wanted("single-fetch")) await singleFetchLever(base, settings, report);
  } finally {
    await stopProcesses(processes);
    await sql.end();
  }
}

// ---------------------------------------------------------------- 1m: the data levers

function sqlCall(sql: postgres.Sql, statements: { sql: string; params: unknown[] }[]): Call {
  return async () => {
    await Promise.all(statements.map((statement) => sql.unsafe(statement.sql, statement.params as never[], { prepare: true })));
    return undefined;
  };
}

async function keysetLever(sql: postgres.Sql, db: Database, settings: Settings, report: Report) {
  const lever = "keyset pagination";
  const depth = 50_000;
  const filter = countryFilter();
  const order = IncidentOrder.of(undefined);
  // The cursor a client holds after reading `depth` incidents of the list.
  const [last] = (await db.execute(
    drizzleSql`select start_on::text as "startOn", id from incidents.incidents where country = ${filter.country} and start_on between ${filter.occurred!.from} and ${filter.occurred!.to} order by start_on, id offset ${depth - 1} limit 1`,
  )) as unknown as { startOn: string; id: string }[];
  if (!last) throw new Error(`${lever}: the incidents-by-country list at 1m has fewer than ${depth} incidents`);
  const keyset = incidentPageQuery(db, filter, order, 50, encodeCursor(order.cursorOf(last)));
  const offset = incidentPageQuery(db, filter, order, 50, null).offset(depth);
  const [keysetIds, offsetIds] = [await keyset, await offset].map((rows) => rows.map((found) => found.id).join(","));
  if (keysetIds !== offsetIds) throw new Error(`${lever}: the keyset page and the OFFSET page differ`);
  const [a, b] = await compare(
    `keyset: page after ${depth} (SQL)`,
    [
      { label: "keyset (as shipped)", call: sqlCall(sql, [keyset.toSQL()]) },
      { label: `OFFSET ${depth}`, call: sqlCall(sql, [offset.toSQL()]) },
    ],
    settings,
  );
  report.rows.push(
    row(
      {
        lever,
        scale: "1m",
        measured: `the incidents-by-country page (50) after the first ${depth.toLocaleString("en")} incidents of the list, SQL alone, concurrency ${settings.concurrency}`,
        a: "`(start_on, id) > cursor` (as shipped)",
        b: `\`OFFSET ${depth}\``,
      },
      a!,
      b!,
      "throughput",
    ),
  );
  const scans = async (query: { getSQL(): SQL }) =>
    (await explainScans(db, query.getSQL())).map((scan) => `${scan.node}${scan.index ? ` on ${scan.index}` : ""}`).join(", ");
  detail(
    report,
    lever,
    `Both return the same 50 incidents (checked). Plans: keyset ${await scans(keyset)}, reading ${await rowsScanned(db, keyset.getSQL())} rows; OFFSET ${await scans(offset)}, reading ${await rowsScanned(db, offset.getSQL())} rows to throw away the first ${depth.toLocaleString("en")}.`,
  );
}

/** Rows the scans of a statement's plan produced when it ran (EXPLAIN ANALYZE). */
async function rowsScanned(db: Database, query: SQL): Promise<string> {
  interface Node {
    "Actual Rows": number;
    "Relation Name"?: string;
    "Index Name"?: string;
    Plans?: Node[];
  }
  const [row] = (await db.execute(drizzleSql`explain (analyze, format json) ${query}`)) as unknown as Record<string, unknown>[];
  const plan = (row!["QUERY PLAN"] as { Plan: Node }[])[0]!.Plan;
  const scanned = (node: Node): number =>
    (node["Relation Name"] || node["Index Name"] ? node["Actual Rows"] : 0) + (node.Plans ?? []).reduce((sum, child) => sum + scanned(child), 0);
  return scanned(plan).toLocaleString("en");
}

const INDEXES_OFF = ["set local enable_indexscan = off", "set local enable_bitmapscan = off", "set local enable_indexonlyscan = off"];

async function indexesLever(sql: postgres.Sql, db: Database, settings: Settings, report: Report) {
  const lever = "an index for every filter and sort";
  const inTransaction =
    (statements: { sql: string; params: unknown[] }[], indexes: boolean): Call =>
    async () => {
      await sql.begin(async (transaction) => {
        if (!indexes) for (const setting of INDEXES_OFF) await transaction.unsafe(setting);
        // Unprepared on both sides: a prepared statement's cached generic plan would keep using an index after it is switched off.
        for (const statement of statements) await transaction.unsafe(statement.sql, statement.params as never[], { prepare: false });
      });
      return undefined;
    };
  const { page, total } = incidentPageAndCountSql(db, countryFilter(), 50);
  const [a, b] = await compare(
    "indexes: incidents-by-country (SQL)",
    [
      { label: "indexes (as shipped)", call: inTransaction([page, total], true) },
      { label: "index scans off", call: inTransaction([page, total], false) },
    ],
    settings,
  );
  report.rows.push(
    row(
      {
        lever,
        scale: "1m",
        measured: `the incidents-by-country page (50) and its count, SQL alone, concurrency ${settings.concurrency}`,
        a: "the planner free to use the indexes",
        b: "`enable_indexscan`, `enable_bitmapscan`, `enable_indexonlyscan` off (in the transaction)",
      },
      a!,
      b!,
      "throughput",
    ),
  );

  // Every filter the API offers that the benchmark's operations do not already cover, and the newest-first sort.
  const [someActor] = (await db.execute(
    drizzleSql`select actor_id as "actorId" from incidents.participants where incident_id = (select id from incidents.incidents order by id limit 1) limit 1`,
  )) as unknown as { actorId: string }[];
  const cases: [string, IncidentFilter, SortOrder][] = [
    ["country", { country: "UKR" }, SortOrder.ASC],
    ["type", { type: IncidentType.RIOT }, SortOrder.ASC],
    ["dataset", { dataset: "MERIDIAN" }, SortOrder.ASC],
    ["actor", { participant: { actor: someActor!.actorId } }, SortOrder.ASC],
    ["occurred (one month)", { occurred: { from: "2020-03-01", to: "2020-03-31" } }, SortOrder.ASC],
    ["no filter, newest first", {}, SortOrder.DESC],
  ];
  const lines = ["| filter | page: plan | count: plan | page + count with indexes (ms) | without (ms) |", "|---|---|---|---|---|"];
  const describe = async (query: SQL) =>
    [...new Set((await explainScans(db, query)).map((scan) => `${scan.node} (${scan.index ?? scan.relation})`))].join(", ");
  for (const [name, filter, direction] of cases) {
    const pageQuery = incidentPageQuery(db, filter, IncidentOrder.of({ by: IncidentSortField.OCCURRED_AT, order: direction }), 50, null);
    const countQuery = incidentCountQuery(db, filter);
    const both = [pageQuery.toSQL(), countQuery.toSQL()];
    const on = await timeIt(3, inTransaction(both, true));
    const off = await timeIt(1, inTransaction(both, false));
    lines.push(`| ${name} | ${await describe(pageQuery.getSQL())} | ${await describe(countQuery.getSQL())} | ${on} | ${off} |`);
    console.log(`  indexes: ${name.padEnd(26)} with ${on} ms, without ${off} ms`);
  }
  detail(
    report,
    lever,
    "Each filter's page (50, oldest first unless said) and count, EXPLAINed on a million incidents with the planner free, and timed (median of 3 with indexes; one run without, after one unmeasured run):",
    "",
    ...lines,
    "",
  );
}

async function totalCountLever(settings: Settings, report: Report) {
  const lever = "totalCount only when asked";
  const processes: Process[] = [];
  try {
    console.log("1m: starting the subgraphs and the gateway");
    const base = await startBaseGraph(SCALES["1m"]!, processes);
    const cases = [
      ["incidents-by-country", INCIDENTS_BY_COUNTRY_AND_DATES, "summed from the daily tallies (country and dates)"],
      ["incidents-of-type", INCIDENTS_OF_TYPE_AND_DATES, "counted over the incidents themselves (ARMED_CLASH, 2018–2025: no tally by type)"],
    ] as const;
    for (const [key, operation, how] of cases) {
      const [a, b] = await compare(
        `totalCount: ${key} (1m)`,
        [
          {
            label: "without totalCount",
            call: graphqlCall(base.gateway.url, gatewayBody(withoutTotalCount(operation), 50)),
            processes: [base.subgraphs.incidents],
          },
          { label: "with totalCount", call: graphqlCall(base.gateway.url, gatewayBody(operation, 50)), processes: [base.subgraphs.incidents] },
        ],
        settings,
      );
      report.rows.push(
        row(
          {
            lever,
            scale: "1m",
            measured: `${key} (50 a page) through the gateway, concurrency ${settings.concurrency}; totalCount ${how}`,
            a: "the page without `totalCount`: no count runs",
            b: "the same page with `totalCount` (what every page would cost if the count always ran)",
          },
          a!,
          b!,
          "p50",
        ),
      );
    }
  } finally {
    await stopProcesses(processes);
  }
}

async function dataLevers(settings: Settings, report: Report) {
  const wanted = (lever: Lever) => settings.levers.includes(lever);
  const sql = postgres(SCALES["1m"]!, { max: settings.concurrency, onnotice: () => {} });
  const db = drizzle(sql) as unknown as Database;
  try {
    if (wanted("keyset")) await keysetLever(sql, db, settings, report);
    if (wanted("indexes")) await indexesLever(sql, db, settings, report);
  } finally {
    await sql.end();
  }
  if (wanted("total-count")) await totalCountLever(settings, report);
}

// ---------------------------------------------------------------- the report

function markdown(report: Report, settings: Settings, command: string, startedAt: Date, commit: string): string {
  const lines: string[] = [];
  lines.push("# Levers (issue 6, item 5)", "");
  lines.push(commit, "");
  lines.push(
    `Written whole by \`npm run bench:levers\` (bench/levers.ts), started ${startedAt.toISOString()}, finished ${new Date().toISOString()}; never edited by hand.`,
    "",
  );
  lines.push("## Machine", "", ...machineLines(), "");
  lines.push("## Command", "", "```", command, "```", "");
  lines.push("## Method", "");
  lines.push(
    `Each lever is measured as A (the lever on; as Meridian ships it unless the row says B is the default) against B (the same code without it) in the same run. Where the lever is a process's setting (DataLoader, pools, keep-alive, inline tracing, prepared statements, the subgraph client, the young generation, compiled execution), both A and B are processes started fresh for that lever, side by side, never a process that has already served the other levers. Both sides get a probe and ${settings.warmupS} s of warm-up, then ${settings.durationS} s each, sent in ${settings.rounds} alternating rounds (A B, B A, …) so that other work on this shared machine falls on both. Load is a closed loop (each of the concurrent loops sends its next request when the last is answered). Processes are separate Node processes as in \`npm run bench\` (NODE_ENV=production); the process levers run on meridian_gen_10k, keyset, indexes and totalCount on meridian_gen_1m (a million incidents).`,
    "",
    `The ratio is how many times better A is on the figure named (throughput A÷B, or p50 latency B÷A), taken round by round: the median of the rounds, with their range; a lever **pays** when that median is at least ${PAYS_AT} (differences under 5% are within this machine's noise), unless its row says otherwise. CPU is the serving process's user + system time per request (/proc).`,
    "",
  );
  lines.push("## Results", "");
  lines.push("| lever | scale | measured | A | B | A figures | B figures | ratio | verdict |");
  lines.push("|---|---|---|---|---|---|---|---|---|");
  for (const found of report.rows) {
    lines.push(
      `| ${found.lever} | ${found.scale} | ${found.measured} | ${found.a} | ${found.b} | ${found.aFigures} | ${found.bFigures} | ${found.ratio}× (${found.ratioOf}; rounds ${found.range[0]}–${found.range[1]}×) | **${found.pays ? "pays" : "does not pay"}** |`,
    );
  }
  lines.push("");
  if (report.details.size) {
    lines.push("## Details", "");
    for (const [lever, details] of report.details) lines.push(`### ${lever}`, "", ...details, "");
  }
  return lines.join("\n");
}

async function main() {
  const settings = options();
  const startedAt = new Date();
  const commit = commitLine();
  const args = process.argv.slice(2);
  const command = `npm run bench:levers${args.length ? ` -- ${args.join(" ")}` : ""}`;
  console.log(
    `bench:levers: ${settings.levers.join(", ")}; ${settings.durationS} s per side in ${settings.rounds} rounds at concurrency ${settings.concurrency}`,
  );
  const report: Report = { rows: [], details: new Map() };
  if (settings.levers.some((lever) => !LARGE_DATA_LEVERS.includes(lever))) await processLevers(settings, report);
  if (settings.levers.some((lever) => LARGE_DATA_LEVERS.includes(lever))) await dataLevers(settings, report);
  writeFileSync(settings.out, markdown(report, settings, command, startedAt, commit));
  console.log("\nLevers:");
  for (const found of report.rows)
    console.log(
      `  ${(found.pays ? "pays" : "does not pay").padEnd(13)} ${found.lever}, ${found.scale}: ${found.ratio}× (rounds ${found.range[0]}–${found.range[1]}×; ${found.ratioOf}) — ${found.measured}`,
    );
  console.log(`Written to ${settings.out}`);
}

await main();
process.exit(0);
