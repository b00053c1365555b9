// npm run bench -- --scale 10k,1m --duration 10 --concurrency 8 --operations seed-story,search
// Issue 6's benchmark. For each generated database (npm run generate) it starts the three
// subgraphs and our gateway as processes of their own, and Hive Gateway beside them; then, for
// each operation, warms up and sends it at a fixed concurrency (a closed loop) for a set time,
// through our gateway, straight to the subgraph (single-subgraph operations), through Hive
// (cross-subgraph operations); and times the incidents page's SQL alone with postgres.js.
// Writes every figure to bench/RESULTS.md and prints a summary.
import "reflect-metadata";
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { count } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { Agent, fetch } from "undici";
import type { Database } from "../db/client.js";
import { incidents } from "../services/incidents/db/tables.js";
import { incidentFilterCondition } from "../services/incidents/incident-filter.js";
import { IncidentOrder } from "../services/incidents/incident-order.js";
import { incidentPageQuery } from "../services/incidents/incident.repository.js";
import {
  type BenchOperation,
  INCIDENTS_BY_COUNTRY_AND_DATES,
  INCIDENTS_WITH_ACTORS,
  MONTHLY_INCIDENT_COUNTS,
  SEED_STORY,
  STATEMENT_SEARCH,
} from "./operations.js";

const projectRoot = new URL("..", import.meta.url).pathname;
const SCALES: Record<string, string> = {
  "10k": "postgres://postgres@127.0.0.1:5432/meridian_gen_10k",
  "100k": "postgres://postgres@127.0.0.1:5432/meridian_gen_100k",
  "1m": "postgres://postgres@127.0.0.1:5432/meridian_gen_1m",
};
const SUBGRAPHS = ["actors", "statements", "incidents"] as const;
type Subgraph = (typeof SUBGRAPHS)[number];
const SECRET = "bench-subgraph-secret-0123456789";

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

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Process {
  name: string;
  child: ChildProcess;
  peakRssMb: number;
}

/** Starts `node --import tsx <script>` and waits until `readyUrl` answers 200. */
async function startProcess(name: string, script: string, env: Record<string, string>, readyUrl: string): Promise<Process> {
  const profile = process.env.BENCH_CPU_PROFILE === name ? ["--cpu-prof", "--cpu-prof-dir=/tmp/meridian-bench-prof"] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", script], {
    cwd: projectRoot,
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: "1", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} while starting:\n${errors}`);
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return { name, child, peakRssMb: 0 };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGTERM");
  throw new Error(`${name} did not become ready within 60 s:\n${errors}`);
}

async function stopProcess(process: Process): Promise<void> {
  if (process.child.exitCode !== null) return;
  const exited = new Promise((resolve) => process.child.once("exit", resolve));
  process.child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (process.child.exitCode === null) process.child.kill("SIGKILL");
}

/** CPU time (user + system) a process has used so far, in ms. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024);
  } catch {
    return NaN;
  }
}

interface Figures {
  /** CPU milliseconds each process spent per request during the measured run. */
  cpuMsPerRequest?: Record<string, number>;
  requests: number;
  errors: number;
  firstError?: string;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  /** Everything sent, the probe and the warm-up included (for statements per request). */
  sent?: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[index]! * 10) / 10;
}

/** Runs `call` from `concurrency` loops at once for `seconds`, each loop sending its next call as soon as the last is answered. */
async function closedLoop(concurrency: number, seconds: number, call: () => Promise<string | undefined>): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const endsAt = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < endsAt) {
      const sent = performance.now();
      let error: string | undefined;
      try {
        error = await call();
      } catch (thrown) {
        error = thrown instanceof Error ? thrown.message : String(thrown);
      }
      latencies.push(performance.now() - sent);
      if (error) {
        errors += 1;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsedS = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    firstError,
    throughput: Math.round((latencies.length / elapsedS) * 10) / 10,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

const agent = new Agent({ connections: 256, keepAliveTimeout: 30_000 });

function graphqlCall(url: string, planned: Planned, headers: Record<string, string> = {}): () => Promise<string | undefined> {
  const body = JSON.stringify({ query: planned.operation.query, variables: planned.operation.variables(planned.first) });
  return async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
      dispatcher: agent,
      signal: AbortSignal.timeout(60_000),
    });
    const answer = (await response.json()) as { errors?: { message: string }[] };
    if (!response.ok || answer.errors) return answer.errors?.[0]?.message ?? `HTTP ${response.status}`;
    return undefined;
  };
}

/** Transactions committed in the database so far; each autocommit statement postgres.js sends is one. */
async function committedTransactions(sql: postgres.Sql): Promise<number> {
  const [row] = await sql`select xact_commit::bigint as n from pg_stat_database where datname = current_database()`;
  return Number(row!.n);
}

/** Statements per request from the server's own counter: it flushes a backend's counts once the backend has been idle a moment. */
async function statementsPerRequest(sql: postgres.Sql, before: number, requests: number): Promise<number> {
  // Read until the counter has stopped moving: the last backends to go idle flush up to a few seconds late.
  let reads = 0;
  let last = await committedTransactions(sql);
  for (let settled = 0; settled < 2 && reads < 24; reads += 1) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await committedTransactions(sql);
    settled = now === last + 1 ? settled + 1 : 0;
    last = now;
  }
  return Math.round(((last - before - reads - 1) / requests) * 10) / 10;
}

/** The SQL the incidents-by-country page runs (its page and its totalCount), built by the repository's own code. */
function incidentsPageSql(db: Database, planned: Planned) {
  const variables = planned.operation.variables(planned.first) as { country: string; occurred: { from: string; to: string } };
  const filter = { country: variables.country, occurred: variables.occurred };
  const page = incidentPageQuery(db, filter, IncidentOrder.of(undefined), planned.first, undefined).toSQL();
  const total = db.select({ count: count() }).from(incidents).where(incidentFilterCondition(filter)).toSQL();
  return { page, total };
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
    const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, await freePort()] as const))) as Record<Subgraph, number>;
    const subgraphUrl = (name: Subgraph) => `http://127.0.0.1:${ports[name]}/graphql`;
    const common = {
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      SUBGRAPH_SECRET: SECRET,
      ACTORS_PORT: String(ports.actors),
      STATEMENTS_PORT: String(ports.statements),
      INCIDENTS_PORT: String(ports.incidents),
      ACTORS_URL: subgraphUrl("actors"),
      STATEMENTS_URL: subgraphUrl("statements"),
      INCIDENTS_URL: subgraphUrl("incidents"),
    };
    for (const name of SUBGRAPHS) {
      processes.push(await startProcess(name, `services/${name}/main.ts`, common, `http://127.0.0.1:${ports[name]}/ready`));
    }
    const gatewayPort = await freePort();
    processes.push(await startProcess("gateway", "gateway/main.ts", { ...common, GATEWAY_PORT: String(gatewayPort), GATEWAY_MAX_COST: "200000" }, `http://127.0.0.1:${gatewayPort}/ready`));
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    let hiveUrl: string | undefined;
    const hivePort = await freePort();
    try {
      processes.push(await startProcess("hive gateway", "bench/hive-gateway.ts", { ...common, HIVE_PORT: String(hivePort), HIVE_DEDUPLICATE_INFLIGHT: settings.hiveDedupe ? "1" : "0" }, `http://127.0.0.1:${hivePort}/healthcheck`));
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
        const call = graphqlCall(gatewayUrl, planned);
        const before = await committedTransactions(sql);
        const gateway = await measure("gateway", call);
        const row: Row = { scale, key: planned.key, name: planned.operation.name, crossesSubgraphs, gateway, statementsPerRequest: await statementsPerRequest(sql, before, gateway.sent!) };
        rows.push(row);
        if (planned.subgraph) row.direct = await measure("direct", graphqlCall(subgraphUrl(planned.subgraph), planned, { "meridian-subgraph-secret": SECRET }));
        if (crossesSubgraphs && hiveUrl) row.hive = await measure("hive", graphqlCall(hiveUrl, planned));
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
    for (const process of processes.reverse()) await stopProcess(process);
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
  lines.push(`- CPUs (nproc): ${cpus().length} × ${cpus()[0]?.model ?? "unknown"}`);
  lines.push(`- Memory: ${Math.round(totalmem() / 2 ** 30)} GiB total, ${Math.round(freemem() / 2 ** 30)} GiB free at the end`);
  lines.push(`- Node ${process.version}; Postgres on 127.0.0.1 (same machine); 1-minute load average at the end ${loadavg()[0]!.toFixed(1)} (the machine is shared with other work)`);
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
    if (run.sqlText) lines.push("The incidents-by-country SQL timed alone (page and totalCount, sent together, built by `incidentPageQuery` and the count's filter):", "", "```sql", run.sqlText, "```", "");
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
