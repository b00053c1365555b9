// Times one import as `npm run import -- --format acled FILE` runs it (runImport, one
// transaction) on a database already migrated: its wall time, the CPU of this process and,
// when the server is on this machine, of the Postgres backends that served it, and the
// process's memory before, at the half, at the end and at its peak (streaming keeps it flat).
import type { DatabaseHandle } from "../db/client.js";
import type { BulkSetting } from "../ingest/import/bulk-choice.js";
import type { ProgressSink } from "../ingest/import/import-progress.js";
import { runImport } from "../ingest/import/run-import.js";
import { forEverySubgraph } from "../services/registry.js";
import postgres from "postgres";
import { cpuMs } from "./harness.js";

export interface ImportRun {
  /** The run's ID in the history, for revertImportRun. */
  runId: string;
  seconds: number;
  /** On the bulk path, the seconds its indexes and tallies took after the rows. */
  bulkUpkeepSeconds?: number;
  /** CPU time of this (the importing) process: the rest of the wall time is waiting for Postgres (with PGlite, all of it is here). */
  nodeCpuSeconds: number;
  /** CPU time of the Postgres backends that served the import; undefined for PGlite or a server elsewhere. */
  postgresCpuSeconds?: number;
  inserted: number;
  rssBeforeMb: number;
  peakRssMb: number;
  rssAtHalfMb: number;
  rssAtEndMb: number;
}

/**
 * CPU seconds each server process serving the database of `url` (other than this query's own)
 * has used, by process ID; undefined when the server is not on this machine (no /proc entry to read).
 */
async function backendCpuSeconds(url: string): Promise<Map<number, number> | undefined> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const backends = await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
    const seconds = new Map(backends.map(({ pid }) => [pid, cpuMs(pid) / 1000]));
    return [...seconds.values()].some(Number.isNaN) ? undefined : seconds;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Imports `file` (`rows` ACLED rows) through `handle`; `postgresUrl`, the same database's URL, to
 * read its backends' CPU. `bulk` as the command's --bulk / --no-bulk: by default the incremental path.
 */
export async function timeImport(handle: DatabaseHandle, file: string, rows: number, postgresUrl?: string, bulk: BulkSetting = "off"): Promise<ImportRun> {
  const handles = forEverySubgraph(handle);
  global.gc?.();
  const megabytes = () => process.memoryUsage().rss / 2 ** 20;
  const rssBeforeMb = megabytes();
  let peakRssMb = rssBeforeMb;
  let rssAtHalfMb = 0;
  const sample = setInterval(() => (peakRssMb = Math.max(peakRssMb, megabytes())), 100);
  const progress: ProgressSink = {
    startFile() {},
    rowsDone(done) {
      peakRssMb = Math.max(peakRssMb, megabytes());
      if (!rssAtHalfMb && done >= rows / 2) rssAtHalfMb = megabytes();
    },
    endFile() {},
  };
  const backendsBefore = postgresUrl ? await backendCpuSeconds(postgresUrl) : undefined;
  const startedAt = performance.now();
  const cpuBefore = process.cpuUsage();
  const summary = await runImport({ format: "acled", files: [file], dryRun: false, skipInvalid: false, bulk }, handles, { stdin: process.stdin, progress });
  const seconds = (performance.now() - startedAt) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // Read before the handle closes its connections: their processes end with them.
  const backendsAfter = postgresUrl ? await backendCpuSeconds(postgresUrl) : undefined;
  const postgresCpuSeconds =
    backendsBefore && backendsAfter ? [...backendsAfter].reduce((total, [pid, after]) => total + after - (backendsBefore.get(pid) ?? 0), 0) : undefined;
  const nodeCpuSeconds = (cpu.user + cpu.system) / 1e6;
  clearInterval(sample);
  const rssAtEndMb = megabytes();
  peakRssMb = Math.max(peakRssMb, rssAtEndMb);
  const inserted = summary.entities.incidents?.inserted ?? 0;
  if (inserted !== rows) throw new Error(`the import inserted ${inserted} incidents of ${rows} rows`);
  if (!summary.runId) throw new Error("the import recorded no run");
  if ((bulk === "on") !== (summary.bulk !== undefined)) throw new Error(`the import was to be ${bulk === "on" ? "bulk" : "incremental"}; it was not`);
  return {
    runId: summary.runId,
    bulkUpkeepSeconds: summary.bulk?.upkeepSeconds,
    seconds,
    nodeCpuSeconds,
    postgresCpuSeconds,
    inserted,
    rssBeforeMb,
    peakRssMb,
    rssAtHalfMb,
    rssAtEndMb,
  };
}
