// npm run bench -- --scale 10k,1m --duration 10 --concurrency 8 --operations seed-story,search
// Issue 6's benchmark. For each generated database (npm run generate) it starts the three
// subgraphs and our gateway as processes of their own, and Hive Gateway beside them; then, for
// each operation, warms up and sends it at a fixed concurrency (a closed loop) for a set time,
// through our gateway, straight to the subgraph (single-subgraph operations), through Hive
// (cross-subgraph operations); and times the incidents page's SQL alone with postgres.js.
// Writes every figure to bench/RESULTS.md and prints a summary.
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Database } from "../db/client.js";
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
  type Process,
  SCALES,
  SUBGRAPHS,
  SUBGRAPH_SECRET_HEADERS,
  type Subgraph,
  closedLoop,
  committedTransactions,
  cpuMs,
  graphAddresses,
  graphqlCall,
  incidentPageAndCountSql,
  machineLines,
  operationBody,
  rssMb,
  startGateway,
  startProcess,
  startSubgraph,
  statementsPerRequest,
  stopProcesses,
} from "./harness.js";
import { freePort } from "../test/support/processes.js";

interface Planned {
  key: string;
  operation: BenchOperation;
  first: number;
  /** The one subgraph that answers it alone, so it can be called directly; undefined when it crosses subgraphs. */
  subgraph?: Subgraph;
  /** Filtered and paginated: item 4d compares its p95 at 1m with 10k. */
  filteredPage: boolean;
}

const PLANNED: Planned[] = [
  { key: "seed-story", operation: SEED_STORY, first: 10, filteredPage: false },
  { key: "incidents-by-country", operation: INCIDENTS_BY_COUNTRY_AND_DATES, first: 50, subgraph: "incidents", filteredPage: true },
  { key: "statement-search", operation: STATEMENT_SEARCH, first: 20, filteredPage: true },
  { key: "monthly-counts", operation: MONTHLY_INCIDENT_COUNTS, first: 120, subgraph: "incidents", filteredPage: false },
  { key: "incidents-with-actors", operation: INCIDENTS_WITH_ACTORS, first: 500, filteredPage: false },
];

function options() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "10k,1m" },
      duration: { type: "string", default: "10" },
      concurrency: { type: "string", default: "8" },
      operations: { type: "string", default: PLANNED.map((planned) => planned.key).join(",") },
      warmup: { type: "string", default: "2" },
      "hive-dedupe": { type: "boolean", default: false },
    },
  });
  const scales = values.scale.split(",").map((scale) => scale.trim());
  for (const scale of scales) if (!SCALES[scale]) throw new Error(`--scale: "${scale}" is not one of ${Object.keys(SCALES).join(", ")}`);
  const durationS = Number(values.duration);
  if (!Number.isFinite(durationS) || durationS <= 0) throw new Error(`--duration: must be a positive number of seconds, got ${values.duration}`);
  const warmupS = Number(values.warmup);
  if (!Number.isFinite(warmupS) || warmupS < 0) throw new Error(`--warmup: must be a number of seconds, got ${values.warmup}`);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) throw new Error(`--concurrency: must be an integer in [1, 256], got ${values.concurrency}`);
  const keys = values.operations.split(",").map((key) => key.trim());
  const planned = keys.map((key) => {
    const found = PLANNED.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`--operations: "${key}" is not one of ${PLANNED.map((candidate) => candidate.key).join(", ")}`);
    return found;
  });
  return { scales, durationS, warmupS, concurrency, planned, hiveDedupe: values["hive-dedupe"] };
}

/** The SQL the incidents-by-country page runs (its page and its totalCount), built by the repository's own code. */
function incidentsPageSql(db: Database, planned: Planned) {
  const variables = planned.operation.variables(planned.first) as { country: string; occurred: { from: string; to: string } };
  return incidentPageAndCountSql(db, { country: variables.country, occurred: variables.occurred }, planned.first);
}

interface Row {
  scale: string;
  key: string;
  name: string;
  crossesSubgraphs: boolean;
  gateway: Figures;
  statementsPerRequest: number;
  direct?: Figures;
  hive?: Figures;
  sql?: Figures;
}

interface ScaleRun {
  scale: string;
  rows: Row[];
  rss: { name: string; peakMb: number }[];
  hiveNote?: string;
  sqlText?: string;
}

async function benchScale(scale: string, settings: ReturnType<typeof options>): Promise<ScaleRun> {
  const databaseUrl = SCALES[scale]!;
  const sql = postgres(databaseUrl, { max: settings.concurrency, onnotice: () => {} });
  const processes: Process[] = [];
  const rows: Row[] = [];
  let hiveNote: string | undefined;
  let sqlText: string | undefined;
  try {
    const addresses = await graphAddresses(databaseUrl);
    for (const name of SUBGRAPHS) processes.push(await startSubgraph(addresses, name));
    const gateway = await startGateway(addresses);
    processes.push(gateway.process);
    const gatewayUrl = gateway.url;
    let hiveUrl: string | undefined;
    const hivePort = await freePort();
    try {
      processes.push(await startProcess("hive gateway", "bench/hive-gateway.ts", { ...addresses.environment, HIVE_PORT: String(hivePort), HIVE_DEDUPLICATE_INFLIGHT: settings.hiveDedupe ? "1" : "0" }, `http://127.0.0.1:${hivePort}/healthcheck`));
      hiveUrl = `http://127.0.0.1:${hivePort}/graphql`;
    } catch (error) {
      hiveNote = `Hive Gateway did not start, so it was skipped: ${error instanceof Error ? error.message.slice(0, 500) : String(error)}`;
      console.warn(hiveNote);
    }
    // Memory under load: every process's RSS, sampled while the loops run.
    const sampler = setInterval(() => {
      for (const process of processes) process.peakRssMb = Math.max(process.peakRssMb, rssMb(process.child.pid!));
    }, 500);
    try {
      for (const planned of settings.planned) {
        const crossesSubgraphs = planned.subgraph === undefined;
        const measure = async (label: string, call: () => Promise<string | undefined>) => {
          const probe = await call();
          if (probe) throw new Error(`${planned.key} via ${label} at ${scale} fails before it is measured: ${probe}`);
          const warmup = await closedLoop(settings.concurrency, settings.warmupS, call);
          const cpuBefore = processes.map((process) => cpuMs(process.child.pid!));
          const figures = await closedLoop(settings.concurrency, settings.durationS, call);
          figures.cpuMsPerRequest = Object.fromEntries(processes.map((process, index) => [process.name, Math.round(((cpuMs(process.child.pid!) - cpuBefore[index]!) / figures.requests) * 10) / 10]));
          figures.sent = 1 + warmup.requests + figures.requests;
          console.log(`  ${scale} ${planned.key.padEnd(22)} ${label.padEnd(8)} ${String(figures.throughput).padStart(7)} req/s  p50 ${figures.p50} p95 ${figures.p95} p99 ${figures.p99} ms${figures.errors ? `  ${figures.errors} errors: ${figures.firstError}` : ""}  cpu ms/req ${Object.entries(figures.cpuMsPerRequest).map(([name, ms]) => `${name} ${ms}`).join(", ")}`);
          return figures;
        };
        const body = operationBody(planned.operation, planned.first);
        const call = graphqlCall(gatewayUrl, body);
        const before = await committedTransactions(sql);
        const gateway = await measure("gateway", call);
        const row: Row = { scale, key: planned.key, name: planned.operation.name, crossesSubgraphs, gateway, statementsPerRequest: await statementsPerRequest(sql, before, gateway.sent!) };
        rows.push(row);
        if (planned.subgraph) row.direct = await measure("direct", graphqlCall(addresses.subgraphUrl(planned.subgraph), body, SUBGRAPH_SECRET_HEADERS));
        if (crossesSubgraphs && hiveUrl) row.hive = await measure("hive", graphqlCall(hiveUrl, body));
        if (planned.key === "incidents-by-country") {
          const { page, total } = incidentsPageSql(drizzle(sql) as unknown as Database, planned);
          sqlText = `${page.sql}\n-- params: ${JSON.stringify(page.params)}\n\n${total.sql}\n-- params: ${JSON.stringify(total.params)}`;
          // The page and its count, side by side as the resolvers send them.
          row.sql = await measure("sql", async () => {
            await Promise.all([sql.unsafe(page.sql, page.params as never[], { prepare: true }), sql.unsafe(total.sql, total.params as never[], { prepare: true })]);
            return undefined;
          });
        }
      }
    } finally {
      clearInterval(sampler);
    }
    return { scale, rows, rss: processes.map((process) => ({ name: process.name, peakMb: process.peakRssMb })), hiveNote, sqlText };
  } finally {
    await stopProcesses(processes);
    await sql.end();
  }
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const verdict = (met: boolean) => (met ? "met" : "NOT met");

interface Target {
  what: string;
  figure: string;
  met: boolean;
}

function targets(runs: ScaleRun[]): Target[] {
  const found: Target[] = [];
  for (const run of runs) {
    for (const row of run.rows) {
      if (row.direct) {
        const r = ratio(row.gateway.p50, row.direct.p50);
        found.push({ what: `(a) ${run.scale} ${row.key}: gateway p50 ≤ 1.3× direct`, figure: `${row.gateway.p50} / ${row.direct.p50} ms = ${r}×`, met: r <= 1.3 });
      }
      if (row.hive) {
        const r = ratio(row.gateway.throughput, row.hive.throughput);
        found.push({ what: `(b) ${run.scale} ${row.key}: our throughput ≥ Hive's`, figure: `${row.gateway.throughput} / ${row.hive.throughput} req/s = ${r}×`, met: r >= 1 });
      }
      if (row.sql) {
        const r = ratio(row.gateway.p50, row.sql.p50);
        found.push({ what: `(c) ${run.scale} ${row.key}: GraphQL p50 ≤ 3× its SQL`, figure: `${row.gateway.p50} / ${row.sql.p50} ms = ${r}×`, met: r <= 3 });
      }
    }
  }
  const small = runs.find((run) => run.scale === "10k");
  const large = runs.find((run) => run.scale === "1m");
  if (small && large) {
    for (const row of large.rows.filter((candidate) => PLANNED.find((planned) => planned.key === candidate.key)?.filteredPage)) {
      const base = small.rows.find((candidate) => candidate.key === row.key);
      if (!base) continue;
      const r = ratio(row.gateway.p95, base.gateway.p95);
      found.push({ what: `(d) ${row.key}: p95 at 1m ≤ 2× p95 at 10k`, figure: `${row.gateway.p95} / ${base.gateway.p95} ms = ${r}×`, met: r <= 2 });
    }
  }
  return found;
}

function cell(figures: Figures | undefined): string {
  if (!figures) return "–";
  const cpu = figures.cpuMsPerRequest ? `; CPU ms/request: ${Object.entries(figures.cpuMsPerRequest).filter(([, ms]) => ms > 0).map(([name, ms]) => `${name} ${ms}`).join(", ")}` : "";
  return `${figures.throughput} req/s, p50 ${figures.p50} / p95 ${figures.p95} / p99 ${figures.p99} ms${figures.errors ? `, ${figures.errors} errors (${figures.firstError})` : ""}${cpu}`;
}

function report(runs: ScaleRun[], settings: ReturnType<typeof options>, command: string): string {
  const lines: string[] = [];
  lines.push("# Benchmark results (issue 6)", "");
  lines.push(`Written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString()}.`, "");
  lines.push("## Machine", "");
  lines.push(...machineLines());
  lines.push("", "## Command", "", "```", command, "```", "");
  lines.push(`Each operation: one probe, ${settings.warmupS} s warm-up, then ${settings.durationS} s at ${settings.concurrency} concurrent requests (closed loop). Processes: three subgraphs, our gateway and Hive Gateway, each its own Node process (NODE_ENV=production, LOG_LEVEL=warn, DATABASE_POOL_MAX default 10); the load generator and the SQL timing run in the bench process.`);
  lines.push("", `Hive Gateway ${settings.hiveDedupe ? "WITH" : "without"} its deduplication of identical in-flight subgraph queries (${settings.hiveDedupe ? "--hive-dedupe: its default" : "our gateway has none, and a closed loop of one identical query would otherwise measure the merging; --hive-dedupe turns it on"}).`);
  lines.push("", "SQL statements per request: the database's committed transactions (pg_stat_database.xact_commit) during the gateway run, divided by the requests sent; every statement the subgraphs send is its own autocommit transaction, so this counts statements (pg_stat_statements is not preloaded on this server).", "");
  for (const run of runs) {
    lines.push(`## Scale ${run.scale}`, "");
    lines.push("| operation | page | through our gateway | directly to the subgraph | through Hive Gateway | SQL alone | SQL statements / request |");
    lines.push("|---|---|---|---|---|---|---|");
    for (const row of run.rows) {
      const planned = PLANNED.find((candidate) => candidate.key === row.key)!;
      lines.push(`| ${row.key} | ${planned.first} | ${cell(row.gateway)} | ${cell(row.direct)} | ${cell(row.hive)} | ${cell(row.sql)} | ${row.statementsPerRequest} |`);
    }
    lines.push("", "Peak RSS under load: " + run.rss.map((entry) => `${entry.name} ${entry.peakMb} MB`).join(", ") + ".", "");
    if (run.hiveNote) lines.push(run.hiveNote, "");
    if (run.sqlText) lines.push("The incidents-by-country SQL timed alone (page and totalCount, sent together, built by `incidentPageQuery` and `incidentCountQuery`, as the resolvers send them):", "", "```sql", run.sqlText, "```", "");
  }
  lines.push("## Targets", "");
  for (const target of targets(runs)) lines.push(`- ${target.what}: ${target.figure} — **${verdict(target.met)}**`);
  lines.push("");
  return lines.join("\n");
}

async function main() {
  const settings = options();
  const command = `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim();
  console.log(`bench: scales ${settings.scales.join(", ")}; ${settings.planned.length} operations; ${settings.durationS} s each at concurrency ${settings.concurrency}`);
  const runs: ScaleRun[] = [];
  for (const scale of settings.scales) runs.push(await benchScale(scale, settings));
  writeFileSync(new URL("RESULTS.md", import.meta.url), report(runs, settings, command));
  console.log("\nTargets:");
  for (const target of targets(runs)) console.log(`  ${verdict(target.met).padEnd(7)} ${target.what}: ${target.figure}`);
  for (const run of runs) console.log(`  RSS at ${run.scale}: ${run.rss.map((entry) => `${entry.name} ${entry.peakMb} MB`).join(", ")}`);
  console.log("Written to bench/RESULTS.md");
}

await main();
process.exit(0);
