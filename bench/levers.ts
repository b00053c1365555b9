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
import postgres from "postgres";
import { type Process, SCALES, machineLines, stopProcesses } from "./harness.js";
import { commitLine } from "./provenance.js";
import { columnsLever } from "./levers/columns-lever.js";
import { dataLevers } from "./levers/data-levers.js";
import { earlyCacheHitsLever, keepAliveLever, planCacheLever, schemaOnceLever, singleFetchLever, subgraphClientLever } from "./levers/gateway-levers.js";
import { startBaseGraph } from "./levers/graphs.js";
import { PAYS_AT, type Report } from "./levers/report.js";
import { LARGE_DATA_LEVERS, type Lever, type Settings, options } from "./levers/settings.js";
import {
  compiledExecutionLever,
  dataloaderLever,
  inlineTracingLever,
  poolsLever,
  preparedStatementsLever,
  youngGenerationLever,
} from "./levers/subgraph-levers.js";

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
    if (wanted("early-cache-hits")) await earlyCacheHitsLever(base, settings, report);
    if (wanted("columns")) await columnsLever(databaseUrl, settings, report);
  } finally {
    await stopProcesses(processes);
    await sql.end();
  }
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
