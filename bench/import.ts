// npm run bench:import -- [--rows 100000] [--paths-only] [--pglite]
// Measures the ACLED import's two paths against Postgres's own bulk load, and what the history
// of every change costs. Multiplies the real ACLED samples (../shared/data/acled/ beside the
// checkout, or $MERIDIAN_SHARED_DATA/acled/; it stops and says so without them) into a
// temporary CSV of at least --rows rows (each copy's event_id_cnty made unique), creates
// throwaway databases on the local Postgres (the server of DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432), and in the same run:
//   1. COPYs the file into a staging table of text columns: the speed limit of loading it;
//   2. imports it on the bulk path into an empty database (`npm run import -- --bulk`: indexes
//      built after the rows, tallies counted again, one transaction), its history as shipped;
//      the target is this path at no less than a third of (1)'s rows/s (issue 20);
//   3. imports it on the incremental path (`--no-bulk`, every index kept up to date) into
//      another empty database, its history recorded as shipped;
//   4. times Postgres putting every row (3) wrote back into the same tables, indexes and
//      triggers and all, by COPY in one transaction: the database's own bulk load of the same
//      result, the second yardstick.
// Each path's rows/s, its ratios to both yardsticks, its CPU (Node, and its Postgres backends
// from /proc when the server is on this machine) and its memory (RSS before, at the half, at
// the end and at its peak: streaming keeps it flat).
// Unless --paths-only: (3) again into a database whose history triggers are disabled (ALTER
// TABLE … DISABLE TRIGGER: Meridian itself has no switch to turn its history off), the ratio
// being what the history costs; INSERT … SELECT floors of the incidents table alone (as it is,
// without its search document, without any index but its key); the search documents computed
// alone, on one core and on all; the history's rows and bytes; and revertImportRun putting
// every row of (3) back.
// Writes the figures to bench/import-RESULTS.md (bench/import-<rows>-RESULTS.md for another
// --rows than 100,000), each beside the figure the file held from the last run, and exits 1
// when the target is not met. Drops the databases at the end.
// With --pglite: only the history's cost, on embedded PGlite (the import with and without its
// history, the revert, the history's size), written to bench/import-pglite-RESULTS.md.
import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { type SQL, sql } from "drizzle-orm";
import postgres from "postgres";
import { type DatabaseHandle, openPglite, openPostgres } from "../db/client.js";
import { incidentTypeOf } from "../ingest/formats/acled/acled-taxonomy.js";
import { alpha3FromIsoNumeric } from "../ingest/import/country-codes.js";
import { migrateSubgraph } from "../db/migrate.js";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Database } from "../db/client.js";
import { SUBGRAPH_BULK_UPKEEPS } from "../services/bulk-upkeeps.js";
import { deferUpkeep } from "../services/kit/writes/deferred-upkeep.js";
import { SUBGRAPHS } from "../services/registry.js";
import { requireSharedData } from "../scripts/harness/shared-data.js";
import { type HistoryStorage, type TimedRevert, disableHistoryTriggers, historyStorage, historyTriggerCalls, timeRevert } from "./import-history.js";
import { type LastRun, figureKey, readLastRun } from "./import-last-run.js";
import { type ImportRun, timeImport } from "./import-run-timing.js";
import { commitLine } from "./provenance.js";

const projectRoot = new URL("..", import.meta.url).pathname;
// The real samples only: the fixtures are too few rows to multiply into a fair measure.
const SAMPLES_FOLDER = join(requireSharedData("npm run bench:import"), "acled");
const BENCH_DATABASE = "meridian_bench_import";
const BENCH_DATABASE_WITHOUT_HISTORY = "meridian_bench_import_without_history";
const BENCH_DATABASE_BULK = "meridian_bench_import_bulk";
const DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres";
/** The bulk path into an empty database must run at no less than this share of COPY's rows/s (issues 4 and 20). */
const TARGET_RATIO = 1 / 3;

function options(): { rows: number; pglite: boolean; pathsOnly: boolean } {
  const { values } = parseArgs({
    options: { rows: { type: "string", default: "100000" }, pglite: { type: "boolean", default: false }, "paths-only": { type: "boolean", default: false } },
  });
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows: must be a positive whole number, got ${values.rows}`);
  return { rows, pglite: values.pglite, pathsOnly: values["paths-only"] };
}

/** The samples' rows under one header: the files' columns may be in capitals or in another order. */
function sampleRows(): { header: string[]; rows: string[][]; files: string[] } {
  const files = readdirSync(SAMPLES_FOLDER)
    .filter((name) => name.endsWith(".csv"))
    .sort();
  if (files.length === 0) throw new Error(`no ACLED samples (*.csv) in ${SAMPLES_FOLDER}`);
  let header: string[] | undefined;
  const rows: string[][] = [];
  for (const file of files) {
    const [fileHeader, ...fileRows] = parse(readFileSync(join(SAMPLES_FOLDER, file)), { relax_column_count: false }) as string[][];
    const names = fileHeader!.map((name) => name.trim().toLowerCase());
    header ??= names;
    const indexOf = header.map((name) => names.indexOf(name));
    if (indexOf.some((index) => index < 0)) throw new Error(`${file}: its columns differ from those of ${files[0]}`);
    for (const row of fileRows) rows.push(indexOf.map((index) => row[index]!));
  }
  return { header: header!, rows, files };
}

function csvLine(fields: readonly string[]): string {
  return `${fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(",")}\n`;
}

/** Writes copies of the rows until there are at least `wanted`, the n-th copy's keys ending in "-n". */
async function writeMultiplied(path: string, header: string[], rows: string[][], wanted: number): Promise<number> {
  const keyColumn = header.indexOf("event_id_cnty");
  const out = createWriteStream(path);
  out.write(csvLine(header));
  let written = 0;
  for (let copy = 1; written < wanted; copy += 1) {
    for (const row of rows) {
      const fields = [...row];
      fields[keyColumn] = `${row[keyColumn]}-${copy}`;
      if (!out.write(csvLine(fields))) await once(out, "drain");
      written += 1;
    }
  }
  out.end();
  await once(out, "finish");
  return written;
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function timeCopy(url: string, file: string, header: string[]): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`create table bench_staging (${header.map((name) => `"${name}" text`).join(", ")})`);
    const startedAt = performance.now();
    const writable = await sql`copy bench_staging from stdin with (format csv, header true)`.writable();
    await pipeline(createReadStream(file), writable);
    return (performance.now() - startedAt) / 1000;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** What the incidents table costs on its own, with and without what the graph needs of it. */
const FLOOR_VARIANTS = [
  { label: "INSERT … SELECT of the staged rows, with the import's values, into the emptied incidents table alone (the schema's floor)", setup: [] },
  { label: "the same without the search document (its to_tsvector and GIN index)", setup: ["alter table incidents.incidents drop column search_document"] },
  {
    label: "the same with no index but the primary key, no search document, no tallies",
    setup: [
      "alter table incidents.incidents drop column search_document",
      "alter table incidents.incidents disable trigger user",
      `do $$ declare name text; begin
         for name in select indexname from pg_indexes where schemaname = 'incidents' and tablename = 'incidents' and indexname <> 'incidents_pkey' loop
           execute format('drop index incidents.%I', name);
         end loop; end $$`,
    ],
  },
] as const;

/** Postgres text literal. */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The import's own mapping of the rows' event types to incident types and of their ISO
 * numeric country codes to ISO-3, as SQL tables for the floor's INSERT … SELECT to join, so
 * that the floor writes each row with the type and country the import gives it.
 */
function mappingTables(header: string[], rows: string[][]): string {
  const [event, subEvent, iso] = ["event_type", "sub_event_type", "iso"].map((name) => header.indexOf(name));
  const types = new Map<string, string>();
  const countries = new Map<string, string>();
  for (const row of rows) {
    const type = incidentTypeOf(row[event!]!, row[subEvent!]!);
    if (!type) throw new Error(`bench:import: the samples hold an event type the import refuses: ${row[event!]} / ${row[subEvent!]}`);
    types.set(`(${literal(row[event!]!)}, ${literal(row[subEvent!]!)}, ${literal(type)})`, type);
    const alpha3 = row[iso!] ? alpha3FromIsoNumeric(Number(row[iso!])) : undefined;
    if (alpha3) countries.set(`(${literal(row[iso!]!)}, ${literal(alpha3)})`, alpha3);
  }
  return `mapped_types (event_type, sub_event_type, type) as (values ${[...types.keys()].join(", ")}),
    mapped_countries (iso, country) as (values ${[...countries.keys()].join(", ")})`;
}

/**
 * The floor the schema sets: the same rows put straight from the staging table into the
 * incidents table alone, emptied first, by one INSERT … SELECT with the values the import
 * gives them (type, country, title, dates, tags), in a transaction that is rolled back, after
 * `setup` (which takes away part of the table's work, to show what that part costs).
 * What the import does beyond the first is its own cost.
 */
async function timeIncidentsInsert(url: string, setup: readonly string[], mapping: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await inRolledBackTransaction(sql, async (transaction) => {
      // The import filled the tables; the floor is measured on them as the import found them: empty.
      await transaction.unsafe(`truncate ${["incidents.incidents", ...TALLY_TABLES].join(", ")} cascade`);
      for (const statement of setup) await transaction.unsafe(statement);
      const startedAt = performance.now();
      await transaction.unsafe(`
        with ${mapping}
        insert into incidents.incidents (id, type, title, summary, start_on, start_precision, status, fatalities_best, dataset,
          acled_disorder_type, acled_event_type, acled_sub_event_type, source_version, time_precision, tags, acled_interaction,
          civilian_targeting, country, admin1, latitude, longitude)
        select 'acled:' || event_id_cnty, mapped_types.type,
          staged.sub_event_type || ' in ' || location || ': ' || actor1 || coalesce(' vs ' || nullif(actor2, ''), ''), nullif(notes, ''),
          case when time_precision = '3' then date_trunc('month', event_date::date)::date else event_date::date end,
          case when time_precision = '3' then 'MONTH' else 'DAY' end,
          'REPORTED', fatalities::integer, 'ACLED', nullif(disorder_type, ''), staged.event_type, staged.sub_event_type, timestamp::bigint,
          time_precision::integer, array(select btrim(tag) from unnest(string_to_array(tags, ';')) as tag where btrim(tag) <> ''),
          nullif(interaction, ''), civilian_targeting <> '', mapped_countries.country, nullif(admin1, ''), latitude::float8, longitude::float8
        from bench_staging as staged
        join mapped_types on mapped_types.event_type = staged.event_type and mapped_types.sub_event_type = staged.sub_event_type
        left join mapped_countries on mapped_countries.iso = staged.iso`);
      return (performance.now() - startedAt) / 1000;
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

class RolledBack extends Error {}

/** Runs `work` in a transaction that is rolled back after it, and returns what `work` returned. */
async function inRolledBackTransaction<T>(sql: postgres.Sql, work: (transaction: postgres.TransactionSql) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await sql
    .begin(async (transaction) => {
      result = await work(transaction);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return result!;
}

/** The incidents' search document (services/incidents/data/tables.ts) of the staged rows, with their titles as the import writes them. */
const STAGED_SEARCH_DOCUMENT = `setweight(to_tsvector('english', coalesce(sub_event_type || ' in ' || location || ': ' || actor1, '')), 'A')
  || setweight(to_tsvector('english', coalesce(notes, '')), 'B')`;

/**
 * Seconds Postgres takes to compute the staged rows' search documents and nothing else: a
 * floor under any import that makes the rows searchable, whatever it does otherwise. With
 * `workers`, the scan is split over that many parallel workers besides the leader.
 */
async function timeSearchDocuments(url: string, workers: number): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await sql.begin(async (transaction) => {
      await transaction.unsafe(`set local max_parallel_workers_per_gather = ${workers}`);
      // Small tables are not split by default; these costs make the planner split this one.
      await transaction.unsafe("set local parallel_setup_cost = 0; set local parallel_tuple_cost = 0; set local min_parallel_table_scan_size = 0");
      const startedAt = performance.now();
      await transaction.unsafe(`select sum(length(${STAGED_SEARCH_DOCUMENT})) from bench_staging`);
      return (performance.now() - startedAt) / 1000;
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The tables an ACLED import writes, parents first; the tallies are kept by triggers on incidents. */
const IMPORTED_TABLES = [
  "actors.actors",
  "actors.aliases",
  "statements.sources",
  "incidents.incidents",
  "incidents.places",
  "incidents.participants",
  "incidents.incident_sources",
];
const TALLY_TABLES = ["incidents.incident_day_counts", "incidents.incident_country_day_counts"];

/**
 * Seconds a plain COPY takes to load every row the import wrote back into the same tables,
 * emptied first, in one transaction that is rolled back: the database's own bulk load of the
 * import's result, with every index, constraint and trigger the import pays for. The rows
 * are copied out to files in `folder` first. Then the same as pg_restore loads a dump, the way
 * the bulk path takes: secondary indexes dropped, the tallies' triggers off, and both made
 * again after the rows (`deferredSeconds`, the rows' COPY and the rebuild together).
 */
async function timeCopyIntoImportedTables(url: string, folder: string): Promise<{ seconds: number; rows: number; deferredSeconds: number }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const copies: { table: string; columns: string; file: string }[] = [];
    for (const [index, table] of IMPORTED_TABLES.entries()) {
      const [schema, name] = table.split(".");
      // Generated columns (the search document) are computed again as the rows go in.
      const columns = await sql<{ column_name: string }[]>`
        select column_name from information_schema.columns
        where table_schema = ${schema!} and table_name = ${name!} and is_generated = 'NEVER' order by ordinal_position`;
      const copy = { table, columns: columns.map(({ column_name }) => `"${column_name}"`).join(", "), file: join(folder, `table-${index}.copy`) };
      // A connection of its own for each: postgres.js leaves one that has copied out unable
      // to run another query.
      const copyOut = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await pipeline(await copyOut.unsafe(`copy (select ${copy.columns} from ${table}) to stdout`).readable(), createWriteStream(copy.file));
      } finally {
        await copyOut.end({ timeout: 1 });
      }
      copies.push(copy);
    }
    const copyBack = (deferIndexes: boolean) =>
      inRolledBackTransaction(sql, async (transaction) => {
        await transaction.unsafe(`truncate ${[...IMPORTED_TABLES, ...TALLY_TABLES].join(", ")} cascade`);
        const startedAt = performance.now();
        // The bulk path's own deferral (services/kit/writes/deferred-upkeep.ts), its statements sent on this transaction.
        const db = executingOn(transaction);
        const deferred = deferIndexes ? await Promise.all(Object.values(SUBGRAPH_BULK_UPKEEPS).map((upkeep) => deferUpkeep(db, upkeep))) : [];
        for (const { table, columns, file } of copies) {
          await pipeline(createReadStream(file), await transaction.unsafe(`copy ${table} (${columns}) from stdin`).writable());
        }
        for (const upkeep of deferred) await upkeep.finish();
        const seconds = (performance.now() - startedAt) / 1000;
        const counts = await Promise.all(IMPORTED_TABLES.map((table) => transaction.unsafe(`select count(*)::int as rows from ${table}`)));
        return { seconds, rows: counts.reduce((total, [{ rows }]) => total + (rows as number), 0) };
      });
    const kept = await copyBack(false);
    const deferred = await copyBack(true);
    return { ...kept, deferredSeconds: deferred.seconds };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Migrates a fresh database, turns its history triggers off, and times the same import on it; checks that nothing was recorded. */
async function timeImportWithoutHistory(
  handle: DatabaseHandle,
  file: string,
  rows: number,
  postgresUrl?: string,
): Promise<{ run: ImportRun; disabled: number }> {
  for (const subgraph of SUBGRAPHS) await migrateSubgraph(handle, subgraph);
  const disabled = await disableHistoryTriggers(handle.db);
  const run = await timeImport(handle, file, rows, postgresUrl);
  const recorded = Object.values((await historyStorage(handle.db)).rowChanges).reduce((total, count) => total + count, 0);
  if (recorded > 0) throw new Error(`bench:import: the import with its history off still recorded ${recorded} row changes`);
  return { run, disabled };
}

/** What deferUpkeep needs of a Database (`execute`), on a postgres.js transaction: Drizzle cannot wrap one. */
function executingOn(transaction: postgres.TransactionSql): Database {
  const dialect = new PgDialect();
  return {
    execute: (query: SQL) => {
      const { sql: text, params } = dialect.sqlToQuery(query);
      return transaction.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
    },
  } as unknown as Database;
}

/** One measure of the results table: its label (what matches it to the last run's) and its figure. */
type Figure = [label: string, value: string];

const count = (value: number) => Math.round(value).toLocaleString("en");
const speed = (seconds: number, rows: number) => `${seconds.toFixed(2)} s, ${count(rows / seconds)} rows/s`;
const mb = (value: number) => `${value.toFixed(0)} MB`;

const IMPORT_LABEL = "import (--format acled, one transaction, with its history, as shipped)";
const BULK_LABEL = "bulk path into an empty database (--bulk: indexes built after the rows; with its history)";
/** Labels that an earlier version of this script gave a measure. */
const EARLIER_LABELS: Record<string, string> = { [IMPORT_LABEL]: "import (--format acled, one transaction)" };

/** What the history costs: the import without it, the ratio, the revert, and the history's rows and bytes. */
function historyFigures(
  rows: number,
  on: ImportRun,
  off: { run: ImportRun; disabled: number },
  storage: HistoryStorage,
  revert: TimedRevert,
  triggerCalls: number | undefined,
): Figure[] {
  const ratio = off.run.seconds / on.seconds;
  const longer = Math.round((on.seconds / off.run.seconds - 1) * 100);
  const recorded = Object.values(storage.rowChanges).reduce((total, value) => total + value, 0);
  const operations = Object.entries(storage.rowChanges)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([operation, value]) => `${operation} ${count(value)}`)
    .join(", ");
  return [
    [
      "the same import without its history (a fresh database, its history triggers disabled)",
      `${speed(off.run.seconds, rows)} (${off.disabled} triggers disabled; nothing recorded)`,
    ],
    [
      "history's speed cost: import rows/s with the history ÷ without",
      `${ratio.toFixed(2)} (${longer >= 0 ? `the import takes ${longer}% longer` : `${-longer}% less time: within this machine's noise`})`,
    ],
    [
      "revert of the run (revertImportRun, as `npm run revert-import -- RUN_ID`: every row put back, one transaction)",
      `${speed(revert.seconds, rows)} (${count(revert.rows)} row changes undone, ${count(revert.rows / revert.seconds)}/s)`,
    ],
    ["row_changes after the import (one per row written)", `${count(recorded)} (${operations}); the graph's tables hold ${count(storage.graphRows)} rows`],
    [
      "history trigger calls during the import (record_<table>_changes, from pg_stat_user_functions): inserts are recorded once per statement",
      triggerCalls === undefined
        ? "not counted (track_functions could not be set)"
        : `${count(triggerCalls)} calls for ${count(recorded)} row changes: ${count(recorded / triggerCalls)} rows a call`,
    ],
    [
      "row_changes on disk (pg_total_relation_size: table, indexes, TOAST)",
      `${mb(storage.rowChangesBytes / 2 ** 20)}: ${count(storage.rowChangesBytes / rows)} bytes per ACLED row, ${count(storage.rowChangesBytes / recorded)} per row written; ${(storage.rowChangesBytes / storage.graphBytes).toFixed(2)} × the graph's tables (${mb(storage.graphBytes / 2 ** 20)})`,
    ],
  ];
}

function checkRevert(revert: TimedRevert): TimedRevert {
  if (revert.incidentsLeft !== 0) throw new Error(`bench:import: the revert left ${revert.incidentsLeft} incidents of the run`);
  return revert;
}

interface Measured {
  figures: Figure[];
  /** Where it ran, for the results file's heading. */
  where: string;
  /** A target not met: the command exits 1. */
  failed: boolean;
}

/** Migrates a fresh database and times the bulk path into it (`npm run import -- --bulk`), its history recorded as shipped. */
async function timeBulkImport(url: string, file: string, rows: number): Promise<ImportRun> {
  const handle = await openPostgres(url, { maxConnections: 2 });
  try {
    for (const subgraph of SUBGRAPHS) await migrateSubgraph(handle, subgraph);
    return await timeImport(handle, file, rows, url, "on");
  } finally {
    await handle.close();
  }
}

/** A path's figures beside the two yardsticks. */
function pathFigures(label: string, run: ImportRun, rows: number, copySeconds: number, sameTablesSeconds: number, target: boolean): Figure[] {
  const ratio = copySeconds / run.seconds;
  return [
    [label, speed(run.seconds, rows)],
    [
      `${label}: / COPY into a staging table${target ? " (the target)" : ""}`,
      `${ratio.toFixed(2)}${target ? ` (target ≥ ${TARGET_RATIO.toFixed(2)}: ${ratio >= TARGET_RATIO ? "met" : "NOT met"})` : ""}`,
    ],
    [`${label}: / COPY into the same tables`, (sameTablesSeconds / run.seconds).toFixed(2)],
    [
      `${label}: own CPU (Node: read, check, map, resolve actors) / its Postgres backends' CPU`,
      `${run.nodeCpuSeconds.toFixed(2)} s / ${run.postgresCpuSeconds?.toFixed(2) ?? "not measured"} s`,
    ],
    [`${label}: RSS before / at half / at end / peak`, `${mb(run.rssBeforeMb)} / ${mb(run.rssAtHalfMb)} / ${mb(run.rssAtEndMb)} / ${mb(run.peakRssMb)}`],
  ];
}

/**
 * The whole comparison on throwaway Postgres databases: the bulk path into one, the incremental
 * path into another (and, unless `pathsOnly`, into a third without its history, with the floors
 * and the revert).
 */
async function benchPostgres(folder: string, file: string, header: string[], samples: string[][], rows: number, pathsOnly: boolean): Promise<Measured> {
  const serverUrl = databaseUrl(process.env.DATABASE_URL ?? DEFAULT_SERVER, "postgres");
  const benchUrl = databaseUrl(serverUrl, BENCH_DATABASE);
  const withoutHistoryUrl = databaseUrl(serverUrl, BENCH_DATABASE_WITHOUT_HISTORY);
  const bulkUrl = databaseUrl(serverUrl, BENCH_DATABASE_BULK);
  const databases = [BENCH_DATABASE, BENCH_DATABASE_WITHOUT_HISTORY, BENCH_DATABASE_BULK];
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    for (const database of databases) await admin.unsafe(`drop database if exists ${database}`);
    await admin.unsafe(`create database ${BENCH_DATABASE}`);
    // Counts the history triggers' calls, which show whether they run once per statement or once per row.
    await admin.unsafe(`alter database ${BENCH_DATABASE} set track_functions = 'pl'`).catch(() => {});
    const copySeconds = await timeCopy(benchUrl, file, header);
    console.error(`bench:import: COPY took ${copySeconds.toFixed(2)} s; the bulk path…`);
    await admin.unsafe(`create database ${BENCH_DATABASE_BULK}`);
    const bulk = await timeBulkImport(bulkUrl, file, rows);
    // Its rows take as much room as the incremental import's: gone before that one starts.
    await admin.unsafe(`drop database ${BENCH_DATABASE_BULK} with (force)`);
    console.error(`bench:import: the bulk path took ${bulk.seconds.toFixed(2)} s; the incremental path…`);
    const handle = await openPostgres(benchUrl, { maxConnections: 2 });
    try {
      for (const subgraph of SUBGRAPHS) await migrateSubgraph(handle, subgraph);
      const run = await timeImport(handle, file, rows, benchUrl);
      console.error(`bench:import: the incremental path took ${run.seconds.toFixed(2)} s; COPY into the same tables…`);
      const sameTables = await timeCopyIntoImportedTables(benchUrl, folder);
      const figures: Figure[] = [
        ["rows", count(rows)],
        ["COPY into a staging table", speed(copySeconds, rows)],
        [
          `COPY of all the import wrote (${count(sameTables.rows)} rows, ${IMPORTED_TABLES.length} tables) into the same tables, with their indexes and triggers, one transaction`,
          `${sameTables.seconds.toFixed(2)} s, ${count(rows / sameTables.seconds)} ACLED rows/s`,
        ],
        [
          "the same COPY as pg_restore loads a dump: secondary indexes dropped and the tallies' triggers off, then built and counted after the rows (the bulk path's own deferral)",
          `${sameTables.deferredSeconds.toFixed(2)} s, ${count(rows / sameTables.deferredSeconds)} ACLED rows/s (${(copySeconds / sameTables.deferredSeconds).toFixed(2)} of COPY into a staging table)`,
        ],
        ...pathFigures(BULK_LABEL, bulk, rows, copySeconds, sameTables.seconds, true),
        [`${BULK_LABEL}: / the same COPY as pg_restore loads a dump`, (sameTables.deferredSeconds / bulk.seconds).toFixed(2)],
        [`${BULK_LABEL}: indexes built and tallies counted after the rows`, `${bulk.bulkUpkeepSeconds!.toFixed(2)} s of the ${bulk.seconds.toFixed(2)} s`],
        ...pathFigures(IMPORT_LABEL, run, rows, copySeconds, sameTables.seconds, false),
        ["bulk path ÷ incremental path, rows/s", (run.seconds / bulk.seconds).toFixed(2)],
      ];
      if (!pathsOnly) {
        console.error("bench:import: the incremental path without its history…");
        await admin.unsafe(`create database ${BENCH_DATABASE_WITHOUT_HISTORY}`);
        const withoutHistoryHandle = await openPostgres(withoutHistoryUrl, { maxConnections: 2 });
        const off = await timeImportWithoutHistory(withoutHistoryHandle, file, rows, withoutHistoryUrl).finally(() => withoutHistoryHandle.close());
        await admin.unsafe(`drop database ${BENCH_DATABASE_WITHOUT_HISTORY} with (force)`);
        console.error(`bench:import: without its history ${off.run.seconds.toFixed(2)} s; the floors…`);
        const storage = await historyStorage(handle.db);
        const calls = await historyTriggerCalls(handle.db);
        const floors: { label: string; seconds: number }[] = [];
        const mapping = mappingTables(header, samples);
        for (const variant of FLOOR_VARIANTS) floors.push({ label: variant.label, seconds: await timeIncidentsInsert(benchUrl, variant.setup, mapping) });
        floors.push({
          label: "computing the rows' search documents alone (to_tsvector, nothing written), one core",
          seconds: await timeSearchDocuments(benchUrl, 0),
        });
        floors.push({ label: "the same split over two parallel workers and the leader", seconds: await timeSearchDocuments(benchUrl, 2) });
        console.error("bench:import: reverting the run…");
        const revert = checkRevert(await timeRevert(handle, run.runId));
        figures.push(
          ...historyFigures(rows, run, off, storage, revert, calls),
          [
            "import's Postgres CPU without its history",
            off.run.postgresCpuSeconds === undefined
              ? "not measured"
              : `${off.run.postgresCpuSeconds.toFixed(2)} s, ${count(rows / off.run.postgresCpuSeconds)} rows/s`,
          ],
          ...floors.map(({ label, seconds }): Figure => [label, `${speed(seconds, rows)} (${(copySeconds / seconds).toFixed(2)} of COPY)`]),
        );
      }
      figures.push(["machine", `Node ${process.version}, load average ${loadavg()[0]!.toFixed(2)} at the end`]);
      return { figures, where: `Postgres at ${new URL(serverUrl).host}`, failed: copySeconds / bulk.seconds < TARGET_RATIO };
    } finally {
      await handle.close();
    }
  } finally {
    for (const database of databases) await admin.unsafe(`drop database if exists ${database} with (force)`).catch(() => {});
    await admin.end({ timeout: 5 });
  }
}

/**
 * The history's cost on embedded PGlite (what `npm run import` writes to without a database
 * URL), in data directories under `folder` as `npm start` keeps its own: the import with its
 * history, the revert of the run, then the same import on a fresh directory without history.
 * PGlite runs in this process, on its thread: its CPU is the import's own.
 */
async function benchPglite(folder: string, file: string, rows: number): Promise<Measured> {
  const handle = await openPglite(join(folder, "pglite-with-history"));
  let run: ImportRun;
  let storage: HistoryStorage;
  let revert: TimedRevert;
  let calls: number | undefined;
  try {
    for (const subgraph of SUBGRAPHS) await migrateSubgraph(handle, subgraph);
    // PGlite is one session: setting it here counts the history triggers' calls during the import.
    await handle.db.execute(sql`set track_functions = 'pl'`);
    run = await timeImport(handle, file, rows);
    console.error(`bench:import: the import took ${run.seconds.toFixed(2)} s; reverting it…`);
    storage = await historyStorage(handle.db);
    calls = await historyTriggerCalls(handle.db);
    revert = checkRevert(await timeRevert(handle, run.runId));
  } finally {
    await handle.close();
  }
  console.error(`bench:import: the revert took ${revert.seconds.toFixed(2)} s; the import without its history…`);
  const withoutHistoryHandle = await openPglite(join(folder, "pglite-without-history"));
  const off = await timeImportWithoutHistory(withoutHistoryHandle, file, rows).finally(() => withoutHistoryHandle.close());
  const figures: Figure[] = [
    ["rows", count(rows)],
    [IMPORT_LABEL, speed(run.seconds, rows)],
    ...historyFigures(rows, run, off, storage, revert, calls),
    ["import's CPU (Node and PGlite, one thread) with / without its history", `${run.nodeCpuSeconds.toFixed(2)} s / ${off.run.nodeCpuSeconds.toFixed(2)} s`],
    ["import peak RSS with / without its history", `${mb(run.peakRssMb)} / ${mb(off.run.peakRssMb)}`],
    ["machine", `Node ${process.version}, load average ${loadavg()[0]!.toFixed(2)} at the end`],
  ];
  return { figures, where: "PGlite in a data directory", failed: false };
}

/** The figures as a Markdown table, with the last run's beside them when there was one. */
function resultsTable(figures: Figure[], lastRun: LastRun | undefined): string {
  const header = lastRun ? ["measure", "this run", lastRun.heading] : ["measure", "value"];
  const body = figures.map(([label, value]) =>
    lastRun ? [label, value, lastRun.figures.get(figureKey(label)) ?? lastRun.figures.get(figureKey(EARLIER_LABELS[label] ?? "")) ?? "—"] : [label, value],
  );
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}

const { rows: wanted, pglite, pathsOnly } = options();
const commit = commitLine();
// A run at another scale than the default keeps its own file, beside the default's (bench/import-1000000-RESULTS.md).
const scale = wanted === 100_000 ? "" : `-${wanted}`;
const resultsPath = join(projectRoot, pglite ? "bench/import-pglite-RESULTS.md" : `bench/import${scale}-RESULTS.md`);
const lastRun = readLastRun(resultsPath);
const folder = mkdtempSync(join(tmpdir(), "meridian-bench-import-"));
const file = join(folder, "acled-multiplied.csv");
try {
  const { header, rows: samples, files } = sampleRows();
  const rows = await writeMultiplied(file, header, samples, wanted);
  console.error(`bench:import: ${rows.toLocaleString("en")} rows (${files.join(", ")} × ${Math.ceil(rows / samples.length)}) in ${file}`);
  const measured = pglite ? await benchPglite(folder, file, rows) : await benchPostgres(folder, file, header, samples, rows, pathsOnly);
  const table = resultsTable(measured.figures, lastRun);
  console.log(table);
  writeFileSync(
    resultsPath,
    `# Import benchmark${pglite ? " on PGlite" : ""}\n\n${commit}\n\nWritten whole by \`npm run bench:import\` (bench/import.ts); never edited by hand.\n\n\`npm run bench:import -- --rows ${wanted}${pglite ? " --pglite" : ""}\` on ${new Date().toISOString().slice(0, 10)}, ${measured.where}:\n\n${table}\n`,
  );
  if (measured.failed) process.exitCode = 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
