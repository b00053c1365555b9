// npm run bench -- --scale 10k,1m --rounds 5 --duration 4 --concurrency 8 --operations seed-story,statement-search
// Issue 6's benchmark. For each generated database (npm run generate) it starts the three
// subgraphs and our gateway as processes of their own, and Hive Gateway beside them, all
// scales at once. Then, for each operation, every way of sending it is measured in the same
// alternating rounds (each loaded for --duration s at a fixed concurrency, a closed loop; the
// order reversed every other round): through our gateway, straight to the subgraph
// (single-subgraph operations), through Hive (cross-subgraph operations), the incidents page's
// SQL alone as a real request sends it (bench/sql-replay.ts), at every scale. Each target's
// ratio is taken round by round, so it compares figures measured a few seconds apart, and is
// reported with its spread. Writes every figure to bench/RESULTS.md, headed by the commit
// measured, and prints a summary.
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  type BenchOperation,
  INCIDENTS_BY_COUNTRY_AND_DATES,
  INCIDENTS_WITH_ACTORS,
  MONTHLY_INCIDENT_COUNTS,
  SEED_STORY,
  STATEMENT_SEARCH,
} from "./operations.js";
import {
  type Figures,
  type GraphAddresses,
  type Measured,
  type Process,
  SCALES,
  SUBGRAPHS,
  SUBGRAPH_SECRET_HEADERS,
  type Side,
  type Spread,
  type Subgraph,
  alternateRounds,
  graphAddresses,
  graphqlCall,
  machineLines,
  median,
  operationBody,
  rssMb,
  spreadOf,
  spreadText,
  startGateway,
  startProcess,
  startSubgraph,
  statementsOf,
  stopProcesses,
} from "./harness.js";
import { commitLine } from "./provenance.js";
import { integerOption, numberOption } from "./options.js";
import { type SqlReplay, recordSqlOf, recordedSqlText } from "./sql-replay.js";
import { freePort } from "../scripts/harness/processes.js";

interface Planned {
  key: string;
  operation: BenchOperation;
  first: number;
  /** The one subgraph that answers it alone, so it can be called directly; undefined when it crosses subgraphs. */
  subgraph?: Subgraph;
  /** Filtered and paginated: item 4d compares its p95 at 1m with 10k. */
  filteredPage: boolean;
  /** Its SQL is also timed alone, as a request sends it (target c). */
  sqlAlone?: boolean;
}

const PLANNED: Planned[] = [
  { key: "seed-story", operation: SEED_STORY, first: 10, filteredPage: false },
  { key: "incidents-by-country", operation: INCIDENTS_BY_COUNTRY_AND_DATES, first: 50, subgraph: "incidents", filteredPage: true, sqlAlone: true },
  { key: "statement-search", operation: STATEMENT_SEARCH, first: 20, filteredPage: true },
  { key: "monthly-counts", operation: MONTHLY_INCIDENT_COUNTS, first: 120, subgraph: "incidents", filteredPage: false },
  { key: "incidents-with-actors", operation: INCIDENTS_WITH_ACTORS, first: 500, filteredPage: false },
];

function options() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "10k,1m" },
      rounds: { type: "string", default: "5" },
      duration: { type: "string", default: "4" },
      concurrency: { type: "string", default: "8" },
      operations: { type: "string", default: PLANNED.map((planned) => planned.key).join(",") },
      warmup: { type: "string", default: "3" },
      "hive-dedupe": { type: "boolean", default: false },
    },
  });
  const scales = values.scale.split(",").map((scale) => scale.trim());
  for (const scale of scales) if (!SCALES[scale]) throw new Error(`--scale: "${scale}" is not one of ${Object.keys(SCALES).join(", ")}`);
  const rounds = integerOption("rounds", values.rounds, 1, 50);
  // Seconds per side and round; shorter rounds than that measure the start of a loop, not its pace.
  const durationS = numberOption("duration", values.duration, 0.5);
  const warmupS = numberOption("warmup", values.warmup, 0);
  const concurrency = integerOption("concurrency", values.concurrency, 1, 256);
  const keys = values.operations.split(",").map((key) => key.trim());
  const planned = keys.map((key) => {
    const found = PLANNED.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`--operations: "${key}" is not one of ${PLANNED.map((candidate) => candidate.key).join(", ")}`);
    return found;
  });
  return { scales, rounds, durationS, warmupS, concurrency, planned, hiveDedupe: values["hive-dedupe"] };
}

type Settings = ReturnType<typeof options>;

/** One scale's running system: its subgraphs, our gateway and Hive Gateway. */
interface ScaleGraph {
  scale: string;
  addresses: GraphAddresses;
  processes: Process[];
  gatewayUrl: string;
  /** Our gateway again, with its response cache on (RESPONSE_CACHE_MAX_BYTES default): the same operation repeated. */
  cachedGatewayUrl: string;
  hiveUrl?: string;
  hiveNote?: string;
  /** Per operation key, its SQL as a request sends it, recorded for replay. */
  replays: Map<string, SqlReplay>;
}

async function startScale(scale: string, settings: Settings): Promise<ScaleGraph> {
  const databaseUrl = SCALES[scale]!;
  const graph: ScaleGraph = {
    scale,
    addresses: await graphAddresses(databaseUrl),
    processes: [],
    gatewayUrl: "",
    cachedGatewayUrl: "",
    replays: new Map(),
  };
  console.log(`${scale}: starting the subgraphs, our gateway and Hive Gateway`);
  for (const name of SUBGRAPHS) graph.processes.push(await startSubgraph(graph.addresses, name, { label: `${name} ${scale}` }));
  const gateway = await startGateway(graph.addresses, { label: `gateway ${scale}` });
  graph.processes.push(gateway.process);
  graph.gatewayUrl = gateway.url;
  const cached = await startGateway(graph.addresses, { label: `cached gateway ${scale}`, env: { RESPONSE_CACHE_MAX_BYTES: String(32 * 1024 * 1024) } });
  graph.processes.push(cached.process);
  graph.cachedGatewayUrl = cached.url;
  const hivePort = await freePort();
  try {
    graph.processes.push(
      await startProcess(
        `hive gateway ${scale}`,
        "bench/hive-gateway.ts",
        { ...graph.addresses.environment, HIVE_PORT: String(hivePort), HIVE_DEDUPLICATE_INFLIGHT: settings.hiveDedupe ? "1" : "0" },
        `http://127.0.0.1:${hivePort}/healthcheck`,
      ),
    );
    graph.hiveUrl = `http://127.0.0.1:${hivePort}/graphql`;
  } catch (error) {
    graph.hiveNote = `Hive Gateway did not start at ${scale}, so it was skipped: ${error instanceof Error ? error.message.slice(0, 500) : String(error)}`;
    console.warn(graph.hiveNote);
  }
  for (const planned of settings.planned.filter((candidate) => candidate.sqlAlone)) {
    // As many connections as a subgraph's pool (DATABASE_POOL_MAX default).
    graph.replays.set(planned.key, await recordSqlOf(databaseUrl, planned.operation, planned.first, 10));
  }
  return graph;
}

async function stopScale(graph: ScaleGraph): Promise<void> {
  await stopProcesses(graph.processes);
  for (const replay of graph.replays.values()) await replay.close();
}

interface Row {
  scale: string;
  key: string;
  gateway: Measured;
  statementsPerRequest: number;
  /** Through the gateway with its response cache on: the operation repeated, answered from the cache. */
  cached?: Measured;
  direct?: Measured;
  hive?: Measured;
  sql?: Measured;
}

const STATEMENT_SAMPLE = 5;

/** Every way of sending one operation, at every scale, measured in the same alternating rounds. */
async function benchOperation(planned: Planned, graphs: ScaleGraph[], settings: Settings): Promise<Row[]> {
  const body = operationBody(planned.operation, planned.first);
  const sides: Side[] = [];
  const at: { scale: string; path: keyof Omit<Row, "scale" | "key" | "statementsPerRequest"> }[] = [];
  const statements = new Map<string, number>();
  for (const graph of graphs) {
    const gatewayCall = graphqlCall(graph.gatewayUrl, body);
    // Counted before the rounds, one request at a time, so that no other side's statements fall in the count.
    statements.set(graph.scale, await statementsOf(graph.addresses, gatewayCall, STATEMENT_SAMPLE));
    sides.push({ label: `${graph.scale} gateway`, call: gatewayCall, processes: graph.processes });
    at.push({ scale: graph.scale, path: "gateway" });
    sides.push({ label: `${graph.scale} cached`, call: graphqlCall(graph.cachedGatewayUrl, body), processes: graph.processes });
    at.push({ scale: graph.scale, path: "cached" });
    if (planned.subgraph) {
      sides.push({
        label: `${graph.scale} direct`,
        call: graphqlCall(graph.addresses.subgraphUrl(planned.subgraph), body, SUBGRAPH_SECRET_HEADERS),
        processes: graph.processes,
      });
      at.push({ scale: graph.scale, path: "direct" });
    } else if (graph.hiveUrl) {
      sides.push({ label: `${graph.scale} hive`, call: graphqlCall(graph.hiveUrl, body), processes: graph.processes });
      at.push({ scale: graph.scale, path: "hive" });
    }
    const replay = graph.replays.get(planned.key);
    if (replay) {
      sides.push({ label: `${graph.scale} sql`, call: replay.call });
      at.push({ scale: graph.scale, path: "sql" });
    }
  }
  const sampler = setInterval(() => {
    for (const graph of graphs) for (const process of graph.processes) process.peakRssMb = Math.max(process.peakRssMb, rssMb(process.child.pid!));
  }, 500);
  let measured: Measured[];
  try {
    measured = await alternateRounds(planned.key, sides, {
      rounds: settings.rounds,
      roundS: settings.durationS,
      warmupS: settings.warmupS,
      concurrency: settings.concurrency,
    });
  } finally {
    clearInterval(sampler);
  }
  const rows = graphs.map(
    (graph): Row => ({ scale: graph.scale, key: planned.key, statementsPerRequest: statements.get(graph.scale)!, gateway: undefined as unknown as Measured }),
  );
  measured.forEach((figures, index) => {
    const row = rows.find((candidate) => candidate.scale === at[index]!.scale)!;
    row[at[index]!.path] = figures;
    console.log(`  ${planned.key.padEnd(22)} ${sides[index]!.label.padEnd(13)} ${figuresText(figures.all)}`);
  });
  return rows;
}

function figuresText(figures: Figures): string {
  return `${figures.throughput} req/s, p50 ${figures.p50} / p95 ${figures.p95} / p99 ${figures.p99} ms${figures.errors ? `, ${figures.errors} errors (${figures.firstError})` : ""}`;
}

const verdict = (met: boolean) => (met ? "met" : "NOT met");

interface Target {
  what: string;
  figure: string;
  spread: Spread;
  /** Judged on the median of the rounds' ratios. */
  met: boolean;
  /** In how many rounds the ratio alone would meet the target. */
  roundsMet: number;
}

function target(what: string, figure: string, spread: Spread, meets: (ratio: number) => boolean): Target {
  return { what, figure, spread, met: meets(spread.median), roundsMet: spread.rounds.filter(meets).length };
}

function targets(rows: Row[], scales: string[]): Target[] {
  const found: Target[] = [];
  for (const scale of scales) {
    for (const row of rows.filter((candidate) => candidate.scale === scale)) {
      if (row.cached) {
        const spread = spreadOf(row.cached, row.gateway, (figures) => figures.throughput);
        found.push(
          target(
            `(e) ${scale} ${row.key}: repeated, the response cache's throughput ≥ 10× uncached`,
            `${row.cached.all.throughput} / ${row.gateway.all.throughput} req/s`,
            spread,
            (ratio) => ratio >= 10,
          ),
        );
        // Judged as a ratio like the others: each round's p50 over the 2 ms it must stay under.
        const p50Rounds = row.cached.rounds.map((round) => Math.round((round.p50 / 2) * 100) / 100);
        const p50Spread: Spread = {
          all: Math.round((row.cached.all.p50 / 2) * 100) / 100,
          median: median(p50Rounds),
          min: Math.min(...p50Rounds),
          max: Math.max(...p50Rounds),
          rounds: p50Rounds,
        };
        found.push(target(`(f) ${scale} ${row.key}: repeated, p50 from the cache ÷ 2 ms < 1`, `${row.cached.all.p50} ms`, p50Spread, (ratio) => ratio < 1));
      }
      if (row.direct) {
        const spread = spreadOf(row.gateway, row.direct, (figures) => figures.p50);
        found.push(
          target(`(a) ${scale} ${row.key}: gateway p50 ≤ 1.3× direct`, `${row.gateway.all.p50} / ${row.direct.all.p50} ms`, spread, (ratio) => ratio <= 1.3),
        );
      }
      if (row.hive) {
        const spread = spreadOf(row.gateway, row.hive, (figures) => figures.throughput);
        found.push(
          target(
            `(b) ${scale} ${row.key}: our throughput ≥ Hive's`,
            `${row.gateway.all.throughput} / ${row.hive.all.throughput} req/s`,
            spread,
            (ratio) => ratio >= 1,
          ),
        );
      }
      if (row.sql) {
        const spread = spreadOf(row.gateway, row.sql, (figures) => figures.p50);
        found.push(
          target(`(c) ${scale} ${row.key}: GraphQL p50 ≤ 3× its SQL`, `${row.gateway.all.p50} / ${row.sql.all.p50} ms`, spread, (ratio) => ratio <= 3),
        );
      }
    }
  }
  if (scales.includes("10k") && scales.includes("1m")) {
    for (const large of rows.filter((row) => row.scale === "1m" && PLANNED.find((planned) => planned.key === row.key)?.filteredPage)) {
      const small = rows.find((row) => row.scale === "10k" && row.key === large.key)!;
      const spread = spreadOf(large.gateway, small.gateway, (figures) => figures.p95);
      found.push(
        target(`(d) ${large.key}: p95 at 1m ≤ 2× p95 at 10k`, `${large.gateway.all.p95} / ${small.gateway.all.p95} ms`, spread, (ratio) => ratio <= 2),
      );
    }
  }
  return found;
}

function targetLine(found: Target): string {
  return `${found.what}: ${found.figure}; ratio ${spreadText(found.spread)}; met in ${found.roundsMet} of ${found.spread.rounds.length} rounds`;
}

function cell(measured: Measured | undefined, scale: string): string {
  if (!measured) return "–";
  const figures = measured.all;
  const cpu = figures.cpuMsPerRequest
    ? `; CPU ms/request: ${Object.entries(figures.cpuMsPerRequest)
        .filter(([, ms]) => ms > 0)
        .map(([name, ms]) => `${name.replace(` ${scale}`, "")} ${ms}`)
        .join(", ")}`
    : "";
  const p50s = measured.rounds.map((round) => round.p50);
  return `${figuresText(figures)} (p50 by round ${Math.min(...p50s)}–${Math.max(...p50s)})${cpu}`;
}

function report(rows: Row[], graphs: ScaleGraph[], settings: Settings, command: string, startedAt: Date, commit: string): string {
  const lines: string[] = [];
  lines.push("# Benchmark results (issue 6)", "");
  lines.push(commit, "");
  lines.push(
    `Written whole by \`npm run bench\` (bench/run.ts), started ${startedAt.toISOString()}, finished ${new Date().toISOString()}; never edited by hand.`,
    "",
  );
  lines.push("## Machine", "");
  lines.push(...machineLines());
  lines.push("", "## Command", "", "```", command, "```", "");
  lines.push("## Method", "");
  lines.push(
    `All scales' systems run at once: per scale three subgraphs, our gateway and Hive Gateway, each its own Node process (NODE_ENV=production, LOG_LEVEL=warn, DATABASE_POOL_MAX default 10); the load generator and the SQL replay run in the bench process. For each operation, every way of sending it at every scale (the columns below) gets one probe and ${settings.warmupS} s of warm-up, then ${settings.rounds} rounds in which each is loaded for ${settings.durationS} s in turn at ${settings.concurrency} concurrent requests (closed loop), the order reversed every other round. A target's ratio is taken in each round from figures measured seconds apart and given as the median of the rounds with their range (and the ratio of all rounds' requests taken together); its verdict reads the median, and says in how many rounds the target held.`,
    "",
    `Hive Gateway ${settings.hiveDedupe ? "WITH" : "without"} its deduplication of identical in-flight subgraph queries (${settings.hiveDedupe ? "--hive-dedupe: its default" : "our gateway has none, and a closed loop of one identical query would otherwise measure the merging; --hive-dedupe turns it on"}).`,
    "",
    `SQL statements per request: what the subgraphs count they sent (meridian_database_statements_total on their /metrics) over ${STATEMENT_SAMPLE} requests sent one at a time through our gateway before the rounds, divided by ${STATEMENT_SAMPLE}.`,
    "",
    "SQL alone: the incidents-by-country operation run once in this process against the incidents subgraph's own schema, on a client opened as the services open theirs (`openPostgres`: every statement prepared, `plan_cache_mode=force_custom_plan`, a pool of 10), recording each statement with its parameters and the round it went out in (statements sent in the same turn of the event loop, such as totalCount beside a DataLoader batch, go together); replayed in those rounds and that order on that client, without GraphQL, HTTP or Drizzle around them (bench/sql-replay.ts).",
    "",
  );
  for (const graph of graphs) {
    lines.push(`## Scale ${graph.scale}`, "");
    lines.push(
      "| operation | page | through our gateway | repeated, from its response cache | directly to the subgraph | through Hive Gateway | SQL alone | SQL statements / request |",
    );
    lines.push("|---|---|---|---|---|---|---|---|");
    for (const row of rows.filter((candidate) => candidate.scale === graph.scale)) {
      const planned = PLANNED.find((candidate) => candidate.key === row.key)!;
      lines.push(
        `| ${row.key} | ${planned.first} | ${cell(row.gateway, graph.scale)} | ${cell(row.cached, graph.scale)} | ${cell(row.direct, graph.scale)} | ${cell(row.hive, graph.scale)} | ${cell(row.sql, graph.scale)} | ${row.statementsPerRequest} |`,
      );
    }
    const peakRss = graph.processes.map((process) => `${process.name.replace(` ${graph.scale}`, "")} ${process.peakRssMb} MB`).join(", ");
    lines.push("", `Peak RSS under load: ${peakRss}.`, "");
    if (graph.hiveNote) lines.push(graph.hiveNote, "");
    for (const [key, replay] of graph.replays) {
      lines.push(
        `The ${key} SQL timed alone: the ${replay.statements.length} statements one request sends, in ${new Set(replay.statements.map((statement) => statement.round)).size} rounds:`,
        "",
        "```sql",
        recordedSqlText(replay.statements),
        "```",
        "",
      );
    }
  }
  lines.push("## Targets", "");
  for (const found of targets(
    rows,
    graphs.map((graph) => graph.scale),
  ))
    lines.push(`- ${targetLine(found)} — **${verdict(found.met)}**`);
  lines.push("");
  return lines.join("\n");
}

async function main() {
  const settings = options();
  const startedAt = new Date();
  const commit = commitLine();
  const command = `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim();
  console.log(
    `bench: scales ${settings.scales.join(", ")}; ${settings.planned.length} operations; ${settings.rounds} rounds of ${settings.durationS} s per side at concurrency ${settings.concurrency}`,
  );
  const graphs: ScaleGraph[] = [];
  const rows: Row[] = [];
  try {
    for (const scale of settings.scales) graphs.push(await startScale(scale, settings));
    for (const planned of settings.planned) rows.push(...(await benchOperation(planned, graphs, settings)));
  } finally {
    for (const graph of graphs) await stopScale(graph);
  }
  writeFileSync(new URL("RESULTS.md", import.meta.url), report(rows, graphs, settings, command, startedAt, commit));
  console.log("\nTargets:");
  for (const found of targets(rows, settings.scales)) console.log(`  ${verdict(found.met).padEnd(7)} ${targetLine(found)}`);
  for (const graph of graphs) console.log(`  RSS at ${graph.scale}: ${graph.processes.map((process) => `${process.name} ${process.peakRssMb} MB`).join(", ")}`);
  console.log("Written to bench/RESULTS.md");
}

await main();
process.exit(0);
