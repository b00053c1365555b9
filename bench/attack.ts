// npm run bench:attack -- --subgraph statements --seconds 20 --concurrency 8
// Issue 14's benchmark: does the graph hold when one subgraph hangs? It loads the seed story
// into a fresh Postgres database, starts the three subgraphs and the gateway as processes of
// their own, and sends the examples (examples/) round-robin from a closed loop. Then it
// stops one subgraph with SIGSTOP (it keeps its connections but never answers, the worst
// case: every request to it waits for the timeout) and measures
//   (i)   the throughput of the operations that do not touch it, as a ratio of normal;
//   (ii)  the latency of those that do, once its circuit breaker is open;
//   (iii) the time from SIGCONT until an operation touching it is answered in full again;
// once with the gateway's circuit breaker as configured by default, once with it turned off
// in effect (SUBGRAPH_BREAKER_FAILURES=1000), for comparison. (ii) is timed on the touching
// operations sent at 10 a second apart from the loops: on a machine of two cores a closed
// loop's latency is mostly its own queue. Then the memory attack (bench/attack-memory.ts):
// thousands of distinct large operations, the gateway's heap and RSS after them. Writes
// bench/ATTACK.md.
import "reflect-metadata";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { Agent, fetch } from "undici";
import { openPostgres } from "../db/client.js";
import { SUBGRAPHS as SUBGRAPH_DEFINITIONS, forEverySubgraph } from "../services/registry.js";
import { migrateSubgraphs } from "../db/open.js";
import { loadSeed } from "../ingest/seed/load-seed.js";
import { DEFAULT_SUBGRAPH_BREAKER } from "../platform/config/gateway-defaults.js";
import { type AttackOperation, attackOperations } from "./attack-operations.js";
import { type MemoryAttackReport, describeMemoryAttack, measureMemoryAttack } from "./attack-memory.js";
import {
  type Process,
  SUBGRAPHS,
  type Subgraph,
  graphAddresses,
  machineLines,
  projectRoot,
  scrapeMetrics,
  startGateway,
  startSubgraph,
  stopProcess,
  stopProcesses,
} from "./harness.js";

// The gateway's default, as in the issue's measurement: a hung subgraph costs this per request without a breaker.
const SUBGRAPH_TIMEOUT_MS = 10_000;
const TARGET_RATIO = 0.8;
const TARGET_P95_MS = 100;

function options() {
  const { values } = parseArgs({
    options: {
      subgraph: { type: "string", default: "statements" },
      seconds: { type: "string", default: "20" },
      concurrency: { type: "string", default: "8" },
      "admin-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    },
  });
  const subgraph = values.subgraph as Subgraph;
  if (!SUBGRAPHS.includes(subgraph)) throw new Error(`--subgraph: one of ${SUBGRAPHS.join(", ")}, got ${values.subgraph}`);
  const seconds = Number(values.seconds);
  const concurrency = Number(values.concurrency);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`--seconds: a positive number, got ${values.seconds}`);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`--concurrency: a positive whole number, got ${values.concurrency}`);
  return { subgraph, seconds, concurrency, adminUrl: values["admin-url"]! };
}

/** A fresh database with the seed story, dropped afterwards. */
async function seededDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `meridian_attack_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  const handles = forEverySubgraph(handle);
  await migrateSubgraphs(handles, SUBGRAPH_DEFINITIONS);
  await loadSeed(handles);
  await handle.close();
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

interface Outcome {
  touches: boolean;
  ms: number;
  /** Every error code in the answer; empty for a full answer. */
  codes: string[];
  /** The first error's message, to tell what an unexpected code was. */
  message?: string;
}

/** The first message seen for each error code, for the results file. */
const firstMessages = new Map<string, string>();

const agent = new Agent({ connections: 256 });

async function send(gatewayUrl: string, operation: AttackOperation, touches: boolean): Promise<Outcome> {
  const started = performance.now();
  let codes: string[];
  try {
    const response = await fetch(gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: operation.query }),
      dispatcher: agent,
      signal: AbortSignal.timeout(60_000),
    });
    const answer = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    codes = (answer.errors ?? []).map((error) => error.extensions?.code ?? "NO_CODE");
    for (const error of answer.errors ?? [])
      if (!firstMessages.has(error.extensions?.code ?? "NO_CODE"))
        firstMessages.set(error.extensions?.code ?? "NO_CODE", `${operation.name}: ${error.message}`);
    if (!response.ok && codes.length === 0) codes = [`HTTP_${response.status}`];
  } catch (error) {
    codes = [error instanceof Error ? error.name : "FAILED"];
  }
  return { touches, ms: performance.now() - started, codes };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! * 10) / 10;
}

interface Window {
  /** Answers per second to operations that do not touch the stopped subgraph. */
  untouchedPerS: number;
  untouchedErrors: number;
  untouchedP95: number;
  touchedPerS: number;
  touchedP95: number;
  /** The codes of the errors in answers to operations that touch it, with counts. */
  touchedCodes: Record<string, number>;
}

/** A closed loop for `seconds` (or until `stop` resolves), each loop sending the operations round-robin from its own offset. */
async function runMix(
  gatewayUrl: string,
  operations: AttackOperation[],
  stoppedSubgraph: Subgraph,
  concurrency: number,
  until: Promise<unknown>,
): Promise<Window> {
  const outcomes: Outcome[] = [];
  let running = true;
  const started = performance.now();
  void until.then(() => (running = false));
  await Promise.all(
    Array.from({ length: concurrency }, async (_, loop) => {
      for (let index = loop; running; index += 1) {
        const operation = operations[index % operations.length]!;
        outcomes.push(await send(gatewayUrl, operation, operation.subgraphs.has(stoppedSubgraph)));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const untouched = outcomes.filter((outcome) => !outcome.touches);
  const touched = outcomes.filter((outcome) => outcome.touches);
  const touchedCodes: Record<string, number> = {};
  for (const code of touched.flatMap((outcome) => [...new Set(outcome.codes)])) touchedCodes[code] = (touchedCodes[code] ?? 0) + 1;
  return {
    untouchedPerS: Math.round((untouched.length / seconds) * 10) / 10,
    untouchedErrors: untouched.filter((outcome) => outcome.codes.length > 0).length,
    untouchedP95: percentile(
      untouched.map((outcome) => outcome.ms),
      95,
    ),
    touchedPerS: Math.round((touched.length / seconds) * 10) / 10,
    touchedP95: percentile(
      touched.map((outcome) => outcome.ms),
      95,
    ),
    touchedCodes,
  };
}

interface Latency {
  requests: number;
  p50: number;
  p95: number;
  codes: Record<string, number>;
}

// Sent apart from the loops at a fixed rate (an open loop), so that a half-open breaker's
// probe, which waits for the timeout, delays only itself.
const SAMPLES_PER_S = 10;

/**
 * The operations that touch the subgraph, at a modest fixed rate for `seconds`: their latency
 * without the queueing that the closed loops' own load adds on a machine of two cores.
 */
async function sampled(gatewayUrl: string, touching: AttackOperation[], seconds: number): Promise<Latency> {
  const sends: Promise<Outcome>[] = [];
  for (let index = 0; index < seconds * SAMPLES_PER_S; index += 1) {
    sends.push(send(gatewayUrl, touching[index % touching.length]!, true));
    await sleep(1000 / SAMPLES_PER_S);
  }
  const outcomes = await Promise.all(sends);
  const codes: Record<string, number> = {};
  for (const code of outcomes.flatMap((outcome) => [...new Set(outcome.codes)])) codes[code] = (codes[code] ?? 0) + 1;
  const latencies = outcomes.map((outcome) => outcome.ms);
  return { requests: outcomes.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), codes };
}

/** An operation of the stopped subgraph alone: its latency is the gateway's own, with nothing else to wait for. */
function onlyTouching(subgraph: Subgraph): AttackOperation {
  // Each subgraph serves the root list of its entities under its own name.
  const field = subgraph;
  return { name: `${field}(first: 1) alone`, query: `query Only { ${field}(first: 1) { totalCount } }`, subgraphs: new Set([subgraph]) };
}

/** Whether the gateway's /metrics shows the subgraph's breaker open. */
async function breakerOpen(metricsUrl: string, subgraph: Subgraph): Promise<boolean> {
  const text = await scrapeMetrics(metricsUrl);
  return new RegExp(`^meridian_subgraph_circuit_breaker_state\\{[^}]*subgraph="${subgraph}"[^}]*state="open"[^}]*\\} 1$`, "m").test(text);
}

interface Scenario {
  label: string;
  normal: Window;
  normalLatency: Latency;
  normalAlone: Latency;
  /** From SIGSTOP until the breaker opened (or the lead-in ended, without a breaker), and the loops had their answers. */
  opening: Window & { seconds: number; windowSeconds: number; opened: boolean };
  stopped: Window;
  stoppedLatency: Latency;
  stoppedAlone: Latency;
  /** From SIGCONT until an operation touching the subgraph was answered in full. */
  recoverySeconds: number;
}

async function runScenario(
  label: string,
  settings: { gatewayUrl: string; breaker: boolean; stopped: Process; subgraph: Subgraph; operations: AttackOperation[]; concurrency: number; seconds: number },
): Promise<Scenario> {
  const { gatewayUrl, breaker, stopped, subgraph, operations, concurrency, seconds } = settings;
  const metricsUrl = gatewayUrl.replace(/\/graphql$/, "/metrics");
  const mix = (until: Promise<unknown>) => runMix(gatewayUrl, operations, subgraph, concurrency, until);
  for (const operation of operations) {
    const outcome = await send(gatewayUrl, operation, false);
    if (outcome.codes.length > 0) throw new Error(`${operation.name} fails before the attack: ${outcome.codes.join(", ")}`);
  }
  console.log(`${label}: normal load for ${seconds} s`);
  const normal = await mix(sleep(seconds * 1000));
  const touching = operations.filter((operation) => operation.subgraphs.has(subgraph));
  const normalLatency = await sampled(gatewayUrl, touching, seconds);
  const normalAlone = await sampled(gatewayUrl, [onlyTouching(subgraph)], seconds / 2);

  console.log(`${label}: SIGSTOP ${subgraph}`);
  stopped.child.kill("SIGSTOP");
  const stoppedAt = performance.now();
  // Until the breaker opens; without one, for a timeout and a little more, until every loop has met the hung subgraph.
  let opened = false;
  let openingSeconds = NaN;
  const leadInMs = breaker ? SUBGRAPH_TIMEOUT_MS * 3 : SUBGRAPH_TIMEOUT_MS + 2_000;
  const openedOrGaveUp = (async () => {
    while (performance.now() - stoppedAt < leadInMs && !opened) {
      opened = breaker && (await breakerOpen(metricsUrl, subgraph));
      if (!opened) await sleep(100);
    }
    openingSeconds = Math.round((performance.now() - stoppedAt) / 100) / 10;
  })();
  // The window ends once every loop has its answer: those sent before the breaker opened wait for the timeout.
  const openingStarted = performance.now();
  const opening = await mix(openedOrGaveUp);
  const openingWindowSeconds = Math.round((performance.now() - openingStarted) / 100) / 10;
  console.log(`${label}: ${opened ? `breaker open after ${openingSeconds} s` : `no breaker opened in ${openingSeconds} s`}; measuring ${seconds} s`);
  const stoppedWindow = await mix(sleep(seconds * 1000));
  const stoppedLatency = await sampled(gatewayUrl, touching, seconds);
  const stoppedAlone = await sampled(gatewayUrl, [onlyTouching(subgraph)], seconds / 2);

  stopped.child.kill("SIGCONT");
  const resumedAt = performance.now();
  while ((await send(gatewayUrl, touching[0]!, true)).codes.length > 0) await sleep(50);
  const recoverySeconds = Math.round((performance.now() - resumedAt) / 100) / 10;
  console.log(`${label}: answered in full ${recoverySeconds} s after SIGCONT`);
  return {
    label,
    normal,
    normalLatency,
    normalAlone,
    opening: { ...opening, seconds: openingSeconds, windowSeconds: openingWindowSeconds, opened },
    stopped: stoppedWindow,
    stoppedLatency,
    stoppedAlone,
    recoverySeconds,
  };
}

function gitCommit(): string {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: projectRoot }).toString().trim();
  const changed = git("status", "--porcelain", "--", ".", ":!bench/ATTACK.md");
  return `${git("rev-parse", "--short", "HEAD")}${changed ? " (with uncommitted changes)" : ""}`;
}

const codes = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([code, count]) => `${code} × ${count}`)
    .join(", ") || "none";

function report(
  scenarios: Scenario[],
  memory: MemoryAttackReport,
  settings: { subgraph: Subgraph; seconds: number; concurrency: number; operations: AttackOperation[]; command: string; commit: string },
): string {
  const { subgraph, seconds, concurrency, operations } = settings;
  const touching = operations.filter((operation) => operation.subgraphs.has(subgraph)).map((operation) => operation.name);
  const untouched = operations.filter((operation) => !operation.subgraphs.has(subgraph)).map((operation) => operation.name);
  const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
  const lines = [
    "# Attack and fault: one subgraph hung",
    "",
    `Written by \`${settings.command}\` (bench/attack.ts) at commit ${settings.commit}, ${new Date().toISOString()}.`,
    "",
    `The seed story in a fresh Postgres database; the three subgraphs and the gateway as processes of their own (NODE_ENV=production, SUBGRAPH_TIMEOUT_MS=${SUBGRAPH_TIMEOUT_MS}); ${concurrency} closed loops sending the ${operations.length} examples round-robin. The **${subgraph}** subgraph is stopped with SIGSTOP: it keeps its connections and never answers.`,
    "",
    `- Touch ${subgraph} (by the gateway's query plan): ${touching.join(", ")}`,
    `- Do not: ${untouched.join(", ")}`,
    "",
    "## Results",
    "",
    `| gateway | untouched ops, normal (req/s) | untouched ops, ${subgraph} stopped (req/s) | (i) ratio (target ≥ ${TARGET_RATIO}) | touching ops at 10/s, p95 normal (ms) | (ii) touching ops at 10/s, p95 ${subgraph} stopped (ms, target ≤ ${TARGET_P95_MS}) | (ii) ${onlyTouching(subgraph).name}, p95 normal / stopped (ms) | SIGSTOP → breaker open (s) | (iii) SIGCONT → full answer (s) |`,
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const scenario of scenarios) {
    const ratio = Math.round((scenario.stopped.untouchedPerS / scenario.normal.untouchedPerS) * 100) / 100;
    lines.push(
      `| ${scenario.label} | ${scenario.normal.untouchedPerS} | ${scenario.stopped.untouchedPerS} | ${ratio} | ${scenario.normalLatency.p95} | ${scenario.stoppedLatency.p95} | ${scenario.normalAlone.p95} / ${scenario.stoppedAlone.p95} | ${scenario.opening.opened ? scenario.opening.seconds : "never"} | ${scenario.recoverySeconds} |`,
    );
  }
  const [withBreaker] = scenarios;
  if (withBreaker) {
    const ratio = withBreaker.stopped.untouchedPerS / withBreaker.normal.untouchedPerS;
    lines.push(
      "",
      `With the breaker: (i) ${verdict(ratio >= TARGET_RATIO)}, (ii) ${verdict(withBreaker.stoppedLatency.p95 <= TARGET_P95_MS)} for the examples, ${verdict(withBreaker.stoppedAlone.p95 <= TARGET_P95_MS)} for ${onlyTouching(subgraph).name}; (iii) is bounded by the cool-down (SUBGRAPH_BREAKER_COOLDOWN_MS=${DEFAULT_SUBGRAPH_BREAKER.cooldownMs}) plus one request.`,
    );
  }
  lines.push("", "## Each window of the closed loops", "");
  lines.push(
    "| gateway | window | s | untouched req/s | untouched errors | untouched p95 (ms) | touching req/s | touching p95 (ms) | errors in touching answers |",
    "|---|---|---:|---:|---:|---:|---:|---:|---|",
  );
  for (const scenario of scenarios) {
    const row = (name: string, window: Window, windowSeconds: number | string) =>
      `| ${scenario.label} | ${name} | ${windowSeconds} | ${window.untouchedPerS} | ${window.untouchedErrors} | ${window.untouchedP95} | ${window.touchedPerS} | ${window.touchedP95} | ${codes(window.touchedCodes)} |`;
    lines.push(
      row("normal", scenario.normal, seconds),
      row("stopped, until the breaker opened and every loop had its answer", scenario.opening, scenario.opening.windowSeconds),
      row(`stopped, ${scenario.opening.opened ? "breaker open" : "steady"}`, scenario.stopped, seconds),
    );
  }
  lines.push("", "## Operations touching the stopped subgraph, sent at 10 a second apart from the loops", "");
  lines.push("| gateway | operations | window | requests | p50 (ms) | p95 (ms) | errors in answers |", "|---|---|---|---:|---:|---:|---|");
  for (const scenario of scenarios) {
    const stoppedName = `stopped, ${scenario.opening.opened ? "breaker open" : "steady"}`;
    const row = (what: string, window: string, latency: Latency) =>
      `| ${scenario.label} | ${what} | ${window} | ${latency.requests} | ${latency.p50} | ${latency.p95} | ${codes(latency.codes)} |`;
    lines.push(
      row("the examples touching it", "normal", scenario.normalLatency),
      row("the examples touching it", stoppedName, scenario.stoppedLatency),
      row(onlyTouching(subgraph).name, "normal", scenario.normalAlone),
      row(onlyTouching(subgraph).name, stoppedName, scenario.stoppedAlone),
    );
  }
  lines.push("", "First message of each error code:", "", ...[...firstMessages].map(([code, message]) => `- ${code}: ${message}`));
  lines.push(
    "",
    "## Memory: thousands of distinct large operations",
    "",
    "A production gateway on the seed story is sent the issue's repro (distinct operations of about 1 MB: a tiny query padded with a comment, which the token limit does not see), then as many distinct operations just under the length limit, which are parsed, planned and cached. Heap and RSS from the gateway's /metrics after each phase. The bound: the heap at rest plus what the three operation caches may hold (OPERATION_CACHE_MAX_BYTES each) plus the requests in flight.",
    "",
    ...describeMemoryAttack(memory).map((line) => `- ${line}`),
  );
  lines.push("", "## Machine", "", ...machineLines(), "");
  return lines.join("\n");
}

async function main() {
  const { subgraph, seconds, concurrency, adminUrl } = options();
  const args = process.argv.slice(2);
  const command = ["npm run bench:attack", ...(args.length > 0 ? ["--", ...args] : [])].join(" ");
  const commit = gitCommit();
  const operations = attackOperations();
  if (!operations.some((operation) => operation.subgraphs.has(subgraph)) || operations.every((operation) => operation.subgraphs.has(subgraph))) {
    throw new Error(`the examples must include operations that touch ${subgraph} and operations that do not`);
  }
  const database = await seededDatabase(adminUrl);
  const processes: Process[] = [];
  const scenarios: Scenario[] = [];
  try {
    const addresses = await graphAddresses(database.url);
    for (const name of SUBGRAPHS) processes.push(await startSubgraph(addresses, name));
    const stopped = processes.find((process) => process.name === subgraph)!;
    const gateways: { label: string; breaker: boolean; env: Record<string, string> }[] = [
      {
        label: `circuit breaker (defaults: ${DEFAULT_SUBGRAPH_BREAKER.consecutiveFailures} failures, ${DEFAULT_SUBGRAPH_BREAKER.cooldownMs} ms)`,
        breaker: true,
        env: {},
      },
      { label: "breaker off in effect (SUBGRAPH_BREAKER_FAILURES=1000)", breaker: false, env: { SUBGRAPH_BREAKER_FAILURES: "1000" } },
    ];
    for (const { label, breaker, env } of gateways) {
      const gateway = await startGateway(addresses, { env: { SUBGRAPH_TIMEOUT_MS: String(SUBGRAPH_TIMEOUT_MS), ...env } });
      try {
        scenarios.push(await runScenario(label, { gatewayUrl: gateway.url, breaker, stopped, subgraph, operations, concurrency, seconds }));
      } finally {
        stopped.child.kill("SIGCONT");
        await stopProcess(gateway.process);
      }
    }
  } finally {
    for (const process of processes) process.child.kill("SIGCONT");
    await stopProcesses(processes);
    await database.drop();
  }
  // The memory attack starts a graph of its own, after the hung-subgraph one has stopped.
  const memory = await measureMemoryAttack();
  writeFileSync(new URL("ATTACK.md", import.meta.url), report(scenarios, memory, { subgraph, seconds, concurrency, operations, command, commit }));
  console.log("wrote bench/ATTACK.md");
}

await main();
