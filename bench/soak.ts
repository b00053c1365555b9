// npm run bench:soak -- --rate 50 --duration 60
// Starts the whole graph (`npm start`: embedded PGlite with the seed story, or DATABASE_URL),
// sends the example operations (examples/) to the gateway at a fixed rate (an open loop: a slow answer
// does not slow the sending), and reports errors, latency percentiles and the server's memory
// every 10 s. Writes the figures to bench/SOAK.md. Exits 1 on any error.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "../scripts/harness/processes.js";
import { commitLine } from "./provenance.js";
import { SOAK_OPERATIONS, type SoakOperation } from "./soak-operations.js";

/** Taken at the start: the checkout may move on while the soak runs. */
const COMMIT = commitLine();

const WINDOW_MS = 10_000;
const projectRoot = new URL("..", import.meta.url).pathname;

interface Outcome {
  operation: string;
  latencyMs: number;
  error?: string;
}

interface Window {
  endsAtS: number;
  sent: number;
  answered: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  rssMb: number;
  /** The machine's 1-minute load average: other work on a shared machine shows here. */
  load: number;
}

function options() {
  const { values } = parseArgs({
    options: { rate: { type: "string", default: "50" }, duration: { type: "string", default: "60" } },
  });
  const rate = Number(values.rate);
  const durationS = Number(values.duration);
  if (!Number.isFinite(rate) || rate <= 0 || rate > 10_000)
    throw new Error(`--rate: must be a number of requests per second in (0, 10000], got ${values.rate}`);
  if (!Number.isFinite(durationS) || durationS <= 0) throw new Error(`--duration: must be a positive number of seconds, got ${values.duration}`);
  return { rate, durationS };
}

/** `npm start` as a child process, so its memory is measured apart from the load's. */
async function startGraph(): Promise<{ child: ChildProcess; gatewayUrl: string; database: string; stop(): Promise<void> }> {
  const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), "meridian-soak-"));
  const ports = { GATEWAY_PORT: await freePort(), ACTORS_PORT: await freePort(), STATEMENTS_PORT: await freePort(), INCIDENTS_PORT: await freePort() };
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      APOLLO_TELEMETRY_DISABLED: "1",
      HOST: "127.0.0.1",
      ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])),
      ...(dataDir ? { PGLITE_DATA_DIR: dataDir } : {}),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Meridian is up")) {
        // From here on its request logs are read and dropped, as a log shipper would.
        child.stdout!.off("data", onData);
        child.stdout!.resume();
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  return {
    child,
    gatewayUrl: `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`,
    database: dataDir ? "embedded PGlite (seed story)" : "Postgres at DATABASE_URL",
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 10) / 10;
}

async function send(gatewayUrl: string, operation: SoakOperation): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await fetch(gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: operation.query, operationName: operation.name }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    const latencyMs = performance.now() - started;
    if (!response.ok || body.errors) return { operation: operation.name, latencyMs, error: body.errors?.[0]?.message ?? `HTTP ${response.status}` };
    return { operation: operation.name, latencyMs };
  } catch (error) {
    return { operation: operation.name, latencyMs: performance.now() - started, error: error instanceof Error ? error.message : String(error) };
  }
}

async function main() {
  const { rate, durationS } = options();
  const graph = await startGraph();
  const pid = graph.child.pid!;
  try {
    // Each operation once first: a broken one stops the run before it is measured.
    for (const operation of SOAK_OPERATIONS) {
      const outcome = await send(graph.gatewayUrl, operation);
      if (outcome.error) throw new Error(`${operation.name} fails before the soak: ${outcome.error}`);
    }
    const rssAtStart = rssMb(pid);
    console.log(
      `soak: ${rate} requests/s for ${durationS} s, ${SOAK_OPERATIONS.length} operations round-robin, against ${graph.database}; RSS at start ${rssAtStart} MB`,
    );
    console.log("  t(s)   sent  answered  errors  p50(ms)  p95(ms)  p99(ms)  RSS(MB)  load");

    const all: Outcome[] = [];
    const windows: Window[] = [];
    const errorCounts = new Map<string, number>();
    let windowOutcomes: Outcome[] = [];
    let sent = 0;
    let windowSent = 0;
    const inFlight = new Set<Promise<void>>();
    const startedAt = performance.now();
    const total = Math.round(rate * durationS);
    const closeWindow = () => {
      const latencies = windowOutcomes.map((outcome) => outcome.latencyMs).sort((a, b) => a - b);
      const window: Window = {
        endsAtS: Math.round((performance.now() - startedAt) / 1000),
        sent: windowSent,
        answered: windowOutcomes.length,
        errors: windowOutcomes.filter((outcome) => outcome.error).length,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        rssMb: rssMb(pid),
        load: Math.round(loadavg()[0]! * 10) / 10,
      };
      windows.push(window);
      console.log(
        `  ${String(window.endsAtS).padStart(4)} ${String(window.sent).padStart(6)} ${String(window.answered).padStart(9)} ${String(window.errors).padStart(7)} ${String(window.p50).padStart(8)} ${String(window.p95).padStart(8)} ${String(window.p99).padStart(8)} ${String(window.rssMb).padStart(8)} ${String(window.load).padStart(5)}`,
      );
      windowOutcomes = [];
      windowSent = 0;
    };
    const windowTimer = setInterval(closeWindow, WINDOW_MS);
    // Sends whatever is due by now: request i is due at i / rate seconds.
    await new Promise<void>((resolve) => {
      const tick = () => {
        const due = Math.min(total, Math.floor(((performance.now() - startedAt) / 1000) * rate) + 1);
        while (sent < due) {
          const operation = SOAK_OPERATIONS[sent % SOAK_OPERATIONS.length]!;
          const request = send(graph.gatewayUrl, operation).then((outcome) => {
            all.push(outcome);
            windowOutcomes.push(outcome);
            if (outcome.error) errorCounts.set(`${outcome.operation}: ${outcome.error}`, (errorCounts.get(`${outcome.operation}: ${outcome.error}`) ?? 0) + 1);
            inFlight.delete(request);
          });
          inFlight.add(request);
          sent += 1;
          windowSent += 1;
        }
        if (sent >= total) resolve();
        else setTimeout(tick, Math.max(1, 1000 / rate / 2));
      };
      tick();
    });
    // The last window takes the answers still in flight when sending stops.
    clearInterval(windowTimer);
    await Promise.all(inFlight);
    if (windowOutcomes.length > 0 || windowSent > 0) closeWindow();

    const latencies = all.map((outcome) => outcome.latencyMs).sort((a, b) => a - b);
    const errors = all.filter((outcome) => outcome.error).length;
    const elapsedS = (performance.now() - startedAt) / 1000;
    const summary = {
      requests: all.length,
      errors,
      achievedRate: Math.round((all.length / elapsedS) * 10) / 10,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: percentile(latencies, 100),
    };
    console.log(
      `total: ${summary.requests} requests, ${summary.errors} errors, ${summary.achievedRate}/s; latency p50 ${summary.p50} ms, p95 ${summary.p95} ms, p99 ${summary.p99} ms, max ${summary.max} ms`,
    );
    for (const [error, count] of errorCounts) console.log(`  error ×${count}: ${error}`);
    const perOperation = SOAK_OPERATIONS.map((operation) => {
      const mine = all
        .filter((outcome) => outcome.operation === operation.name)
        .map((outcome) => outcome.latencyMs)
        .sort((a, b) => a - b);
      return { name: operation.name, count: mine.length, p50: percentile(mine, 50), p95: percentile(mine, 95), max: percentile(mine, 100) };
    });
    for (const row of perOperation)
      console.log(`  ${row.name.padEnd(32)} ${String(row.count).padStart(6)}  p50 ${row.p50} ms  p95 ${row.p95} ms  max ${row.max} ms`);
    writeReport({ rate, durationS, database: graph.database, rssAtStart, windows, summary, errorCounts, perOperation });
    console.log("wrote bench/SOAK.md");
    process.exitCode = errors > 0 ? 1 : 0;
  } finally {
    await graph.stop();
  }
}

function writeReport(report: {
  rate: number;
  durationS: number;
  database: string;
  rssAtStart: number;
  windows: Window[];
  summary: { requests: number; errors: number; achievedRate: number; p50: number; p95: number; p99: number; max: number };
  errorCounts: Map<string, number>;
  perOperation: { name: string; count: number; p50: number; p95: number; max: number }[];
}) {
  const { windows, summary } = report;
  const half = Math.floor(windows.length / 2);
  const maxOf = (list: Window[]) => Math.max(...list.map((window) => window.rssMb));
  const lines = [
    "# Soak",
    "",
    COMMIT,
    "",
    `Written whole by \`npm run bench:soak\` (bench/soak.ts); never edited by hand.`,
    "",
    `\`npm run bench:soak -- --rate ${report.rate} --duration ${report.durationS}\` on ${new Date().toISOString().slice(0, 10)}:`,
    `the whole graph (\`npm start\`, ${report.database}) on ${cpus().length} CPU cores (${cpus()[0]?.model ?? "unknown"}), Node ${process.version},`,
    `sending the ${SOAK_OPERATIONS.length} example operations (${SOAK_OPERATIONS.map((operation) => operation.name).join(", ")}) round-robin`,
    "at a fixed rate from the same machine. Latency is measured by the sender; RSS is the server process's.",
    "",
    `**Total:** ${summary.requests} requests, **${summary.errors} errors**, ${summary.achievedRate} requests/s;`,
    `latency p50 ${summary.p50} ms, p95 ${summary.p95} ms, p99 ${summary.p99} ms, max ${summary.max} ms.`,
    `RSS ${report.rssAtStart} MB before the load; highest ${maxOf(windows.slice(0, Math.max(1, half)))} MB in the first half of the run, ${maxOf(windows.slice(half))} MB in the second.`,
    "",
    "| t (s) | sent | answered | errors | p50 (ms) | p95 (ms) | p99 (ms) | RSS (MB) | load |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...windows.map((w) => `| ${w.endsAtS} | ${w.sent} | ${w.answered} | ${w.errors} | ${w.p50} | ${w.p95} | ${w.p99} | ${w.rssMb} | ${w.load} |`),
    "",
    "By operation, over the whole run:",
    "",
    "| operation | requests | p50 (ms) | p95 (ms) | max (ms) |",
    "|---|---:|---:|---:|---:|",
    ...report.perOperation.map((row) => `| ${row.name} | ${row.count} | ${row.p50} | ${row.p95} | ${row.max} |`),
    "",
    ...(report.errorCounts.size > 0 ? ["Errors:", "", ...[...report.errorCounts].map(([error, count]) => `- ×${count}: ${error}`), ""] : []),
    "`load` is the machine's 1-minute load average (2 cores): the machine is shared with other work, so absolute",
    "latencies vary between runs and spike when it is busy; errors and the RSS trend are the point.",
    "",
  ];
  writeFileSync(new URL("./SOAK.md", import.meta.url), lines.join("\n"));
}

main().catch((error) => {
  console.error(`bench:soak: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
