// What the benchmarks share (bench/run.ts, bench/levers.ts): the generated databases, starting
// the subgraphs and gateways as processes of their own, a closed-loop load generator with its
// percentiles, the CPU and memory of a process, SQL statements counted by the server, and a
// description of the machine for the results files.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { Agent, fetch, request } from "undici";
import type { Database } from "../db/client.js";
import { incidentCountQuery } from "../services/incidents/data/incident-counts.js";
import { IncidentOrder } from "../services/incidents/data/incident-order.js";
import type { IncidentFilter } from "../services/incidents/schema/incident.input.js";
import { incidentPageQuery } from "../services/incidents/data/incident.repository.js";
import { freePort } from "../scripts/harness/processes.js";
import type { BenchOperation } from "./operations.js";
import { SUBGRAPH_NAMES, type SubgraphName } from "../services/registry.js";

export const projectRoot = new URL("..", import.meta.url).pathname;

/** The databases `npm run generate` fills, by scale. */
export const SCALES: Record<string, string> = {
  "10k": "postgres://postgres@127.0.0.1:5432/meridian_gen_10k",
  "100k": "postgres://postgres@127.0.0.1:5432/meridian_gen_100k",
  "1m": "postgres://postgres@127.0.0.1:5432/meridian_gen_1m",
};

/** The registered subgraphs, each started as a process of its own. */
export const SUBGRAPHS = SUBGRAPH_NAMES;
export type Subgraph = SubgraphName;
export const SECRET = "bench-subgraph-secret-0123456789";
/** What a direct call to a subgraph must carry, as the gateway's calls do. */
export const SUBGRAPH_SECRET_HEADERS = { "meridian-subgraph-secret": SECRET };
/** The benchmark's processes run as in production, where /metrics answers only a scrape with the token. */
export const METRICS_TOKEN = "bench-metrics-token-0123456789abcdef";

export interface Process {
  name: string;
  child: ChildProcess;
  peakRssMb: number;
  /** Set by stopProcess: an exit after it is expected. */
  stopping?: boolean;
  /** What the process has written to stderr so far. */
  stderr(): string;
}

/**
 * Whether BENCH_CPU_PROFILE names this process: a comma-separated list of names, each either whole
 * ("gateway 10k") or without its scale ("gateway" profiles our gateway at every scale, not the cached one).
 */
function profiled(name: string): boolean {
  const wanted = (process.env.BENCH_CPU_PROFILE ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return wanted.some((entry) => name === entry || name.startsWith(`${entry} `));
}

/**
 * Starts `node [nodeArgs] --import tsx <script>` and waits until `readyUrl` answers 200.
 * `nodeArgs` are Node's own options, e.g. another `--import` that changes the process for a benchmark.
 */
export async function startProcess(name: string, script: string, env: Record<string, string>, readyUrl: string, nodeArgs: string[] = []): Promise<Process> {
  const profile = profiled(name) ? ["--cpu-prof", `--cpu-prof-dir=${join(tmpdir(), "meridian-bench-prof", name.replaceAll(" ", "-"))}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", ...nodeArgs, script], {
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
      if (response.ok) {
        const started: Process = { name, child, peakRssMb: 0, stderr: () => errors };
        // A process that dies under load would otherwise show only as refused connections.
        child.once("exit", (code, signal) => {
          if (!started.stopping) console.error(`bench: ${name} exited unexpectedly (code ${code}, signal ${signal}); its last stderr:\n${errors.slice(-4000)}`);
        });
        return started;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGTERM");
  throw new Error(`${name} did not become ready within 60 s:\n${errors}`);
}

export async function stopProcess(process: Process): Promise<void> {
  process.stopping = true;
  if (process.child.exitCode !== null) return;
  const exited = new Promise((resolve) => process.child.once("exit", resolve));
  process.child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (process.child.exitCode === null) process.child.kill("SIGKILL");
}

export async function stopProcesses(processes: Process[]): Promise<void> {
  for (const process of [...processes].reverse()) await stopProcess(process);
}

/** Ports and URLs of one set of subgraphs, and the environment every process of the set shares. */
export interface GraphAddresses {
  ports: Record<Subgraph, number>;
  subgraphUrl(name: Subgraph): string;
  environment: Record<string, string>;
}

export async function graphAddresses(databaseUrl: string): Promise<GraphAddresses> {
  const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, await freePort()] as const))) as Record<Subgraph, number>;
  const subgraphUrl = (name: Subgraph) => `http://127.0.0.1:${ports[name]}/graphql`;
  return {
    ports,
    subgraphUrl,
    environment: {
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      SUBGRAPH_SECRET: SECRET,
      METRICS_TOKEN,
      ...Object.fromEntries(SUBGRAPHS.map((name) => [`${name.toUpperCase()}_PORT`, String(ports[name])])),
      ...Object.fromEntries(SUBGRAPHS.map((name) => [`${name.toUpperCase()}_URL`, subgraphUrl(name)])),
    },
  };
}

/** Starts one subgraph of a set; one at a time, so that their migration checks at start do not race. */
export function startSubgraph(
  addresses: GraphAddresses,
  name: Subgraph,
  options: { label?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<Process> {
  return startProcess(
    options.label ?? name,
    `services/${name}/main.ts`,
    { ...addresses.environment, ...options.env },
    `http://127.0.0.1:${addresses.ports[name]}/ready`,
    options.nodeArgs,
  );
}

/** Starts our gateway in front of a set of subgraphs; returns it and its GraphQL URL. */
export async function startGateway(
  addresses: GraphAddresses,
  options: { label?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<{ process: Process; url: string }> {
  const port = await freePort();
  const process = await startProcess(
    options.label ?? "gateway",
    "gateway/main.ts",
    // The benchmark's largest operations (500 incidents with their actors) cost more than the default limit allows.
    // The response cache is off unless a side asks for it: a closed loop of one operation would otherwise measure the cache.
    { ...addresses.environment, GATEWAY_PORT: String(port), GATEWAY_MAX_COST: "200000", RESPONSE_CACHE_MAX_BYTES: "0", ...options.env },
    `http://127.0.0.1:${port}/ready`,
    options.nodeArgs,
  );
  return { process, url: `http://127.0.0.1:${port}/graphql` };
}

/** CPU time (user + system) a process has used so far, in ms. */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024);
  } catch {
    return NaN;
  }
}

export interface Figures {
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

/** The raw outcome of one closed-loop run, to merge runs before taking percentiles. */
export interface Samples {
  latencies: number[];
  errors: number;
  firstError?: string;
  elapsedS: number;
}

export type Call = () => Promise<string | undefined>;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[index]! * 10) / 10;
}

/** Runs `call` from `concurrency` loops at once for `seconds`, each loop sending its next call as soon as the last is answered. */
export async function sampleClosedLoop(concurrency: number, seconds: number, call: Call): Promise<Samples> {
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
  return { latencies, errors, firstError, elapsedS: (performance.now() - started) / 1000 };
}

/** Throughput and percentiles over one or more runs taken together. */
export function summarize(runs: Samples[]): Figures {
  const latencies = runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
  const elapsedS = runs.reduce((sum, run) => sum + run.elapsedS, 0);
  return {
    requests: latencies.length,
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    firstError: runs.find((run) => run.firstError)?.firstError,
    throughput: Math.round((latencies.length / elapsedS) * 10) / 10,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

export async function closedLoop(concurrency: number, seconds: number, call: Call): Promise<Figures> {
  return summarize([await sampleClosedLoop(concurrency, seconds, call)]);
}

/** One of the things compared in alternating rounds: a call, and the processes whose CPU it is charged. */
export interface Side {
  label: string;
  call: Call;
  /** Processes whose CPU time per request is reported. */
  processes?: Process[];
  /** Checked once before measuring: a reason the answers are not what this side should give. */
  check?: () => Promise<string | undefined>;
}

export interface RoundsSettings {
  rounds: number;
  /** Seconds each side is loaded in each round. */
  roundS: number;
  warmupS: number;
  concurrency: number;
}

/** A side's figures over all rounds taken together, and each round's alone (for the spread of a ratio). */
export interface Measured {
  all: Figures;
  rounds: Figures[];
}

/**
 * Each side probed and warmed up, then loaded for `roundS` in each of `rounds` rounds, the
 * sides one after another, in reverse order every other round (A B C, C B A, …): other work on
 * a shared machine, and its speed drifting, fall on every side alike.
 */
export async function alternateRounds(title: string, sides: Side[], settings: RoundsSettings): Promise<Measured[]> {
  for (const side of sides) {
    const problem = (await side.call()) ?? (await side.check?.());
    if (problem) throw new Error(`${title}, ${side.label}: fails before it is measured: ${problem}`);
    await sampleClosedLoop(settings.concurrency, settings.warmupS, side.call);
  }
  const samples: Samples[][] = sides.map(() => []);
  const cpu = sides.map(() => new Map<string, number>());
  for (let round = 0; round < settings.rounds; round += 1) {
    const order = sides.map((_, index) => index);
    if (round % 2 === 1) order.reverse();
    for (const index of order) {
      const side = sides[index]!;
      const before = (side.processes ?? []).map((process) => cpuMs(process.child.pid!));
      samples[index]!.push(await sampleClosedLoop(settings.concurrency, settings.roundS, side.call));
      for (const [at, process] of (side.processes ?? []).entries()) {
        cpu[index]!.set(process.name, (cpu[index]!.get(process.name) ?? 0) + cpuMs(process.child.pid!) - before[at]!);
      }
    }
  }
  return sides.map((side, index) => {
    const all = summarize(samples[index]!);
    if (side.processes?.length)
      all.cpuMsPerRequest = Object.fromEntries([...cpu[index]!].map(([name, ms]) => [name, Math.round((ms / all.requests) * 10) / 10]));
    return { all, rounds: samples[index]!.map((run) => summarize([run])) };
  });
}

/** A ratio over rounds: of the figures taken together, and the median, least and greatest of the rounds' own. */
export interface Spread {
  all: number;
  median: number;
  min: number;
  max: number;
  /** Each round's ratio, in order. */
  rounds: number[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `figure(a) / figure(b)`, over all rounds and round by round (a and b measured in the same rounds). */
export function spreadOf(a: Measured, b: Measured, figure: (figures: Figures) => number): Spread {
  const rounds = a.rounds.map((round, index) => round2(figure(round) / figure(b.rounds[index]!)));
  return { all: round2(figure(a.all) / figure(b.all)), median: round2(median(rounds)), min: Math.min(...rounds), max: Math.max(...rounds), rounds };
}

export function spreadText(spread: Spread): string {
  return `${spread.median}× (median of ${spread.rounds.length} rounds; range ${spread.min}–${spread.max}×; all rounds together ${spread.all}×)`;
}

/** A production process's /metrics, read with METRICS_TOKEN. */
export async function scrapeMetrics(metricsUrl: string): Promise<string> {
  const response = await fetch(metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  if (!response.ok) throw new Error(`${metricsUrl} answered ${response.status}`);
  return response.text();
}

/** The value of the first sample of `name` in a scrape, whatever its labels. */
export function metricValue(text: string, name: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${name}{`) || candidate.startsWith(`${name} `));
  if (line === undefined) throw new Error(`no ${name} in /metrics`);
  return Number(line.slice(line.lastIndexOf(" ") + 1));
}

/** SQL statements the subgraphs of a set have sent so far, from their /metrics (meridian_database_statements_total). */
async function statementsSent(addresses: GraphAddresses): Promise<number> {
  let sum = 0;
  for (const name of SUBGRAPHS) {
    sum += metricValue(await scrapeMetrics(new URL("/metrics", addresses.subgraphUrl(name)).href), "meridian_database_statements_total");
  }
  return sum;
}

/**
 * SQL statements per request of `call`, sent `requests` times one at a time, as the subgraphs
 * count what they send. (The database's own counter, pg_stat_database.xact_commit, also counts
 * autovacuum's transactions and flushes late, which made its figures wrong by hundreds.)
 */
export async function statementsOf(addresses: GraphAddresses, call: Call, requests: number): Promise<number> {
  const before = await statementsSent(addresses);
  for (let sent = 0; sent < requests; sent += 1) {
    const problem = await call();
    if (problem) throw new Error(problem);
  }
  return Math.round((((await statementsSent(addresses)) - before) / requests) * 10) / 10;
}

const agent = new Agent({ connections: 256, keepAliveTimeout: 30_000 });

/** The request body of an operation at page size `first`. */
export function operationBody(operation: BenchOperation, first: number): string {
  return JSON.stringify({ query: operation.query, variables: operation.variables(first) });
}

/**
 * POSTs `body` (or a new body per call) and returns the first error, if any. The load generator
 * shares the machine's two cores with what it measures, so it is kept light: undici's `request`
 * rather than `fetch`, and an answer is parsed only when its status is not 200 or its text holds
 * "errors" anywhere. With `fetch` and every answer parsed, the generator took 0.8 ms of CPU per
 * cached request (a page of 50 incidents), more than the gateway answering it; now 0.2–0.3 ms.
 */
export function graphqlCall(url: string, body: string | (() => string), headers: Record<string, string> = {}): Call {
  return async () => {
    const response = await request(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : body(),
      dispatcher: agent,
      headersTimeout: 60_000,
      bodyTimeout: 60_000,
    });
    const text = await response.body.text();
    if (response.statusCode === 200 && !text.includes('"errors"')) return undefined;
    return firstErrorOf(text) ?? `HTTP ${response.statusCode}`;
  };
}

function firstErrorOf(text: string): string | undefined {
  try {
    return (JSON.parse(text) as { errors?: { message: string }[] }).errors?.[0]?.message;
  } catch {
    return undefined;
  }
}

/** The SQL of one page of incidents (oldest first) and of its totalCount, built by the repository's own code, as text and parameters. */
export function incidentPageAndCountSql(db: Database, filter: IncidentFilter, first: number, after?: string) {
  const page = incidentPageQuery(db, filter, IncidentOrder.of(undefined), first, after).toSQL();
  return { page, total: incidentCountQuery(db, filter).toSQL() };
}

/** The "Machine" lines of a results file. */
export function machineLines(): string[] {
  return [
    `- CPUs (nproc): ${cpus().length} × ${cpus()[0]?.model ?? "unknown"}`,
    `- Memory: ${Math.round(totalmem() / 2 ** 30)} GiB total, ${Math.round(freemem() / 2 ** 30)} GiB free at the end`,
    `- Node ${process.version}; Postgres on 127.0.0.1 (same machine); 1-minute load average at the end ${loadavg()[0]!.toFixed(1)} (the machine is shared with other work)`,
  ];
}
