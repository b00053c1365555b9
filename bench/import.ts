// npm run bench:import -- [--rows 100000]
// Measures the ACLED import against Postgres's own bulk load. Multiplies the real ACLED samples
// (../shared/data/acled/ beside the checkout, or $MERIDIAN_SHARED_DATA/acled/; it stops and says
// so without them) into a temporary CSV of at least --rows rows (each copy's
// event_id_cnty made unique), creates a throwaway database on the local Postgres (the
// server of DATABASE_URL, else postgres://postgres@127.0.0.1:5432), and in the same run:
//   1. COPYs the file into a staging table of text columns: the speed limit of loading it;
//   2. imports it as `npm run import -- --format acled FILE` does (runImport, one transaction).
// Then, for scale, times an INSERT … SELECT of the staged rows, with the values the import
// gives them, into the incidents table alone, emptied first: as it is, without its search
// document, and without any index but its key, each in a transaction rolled back, to show what each part of the table's work costs; and computing
// the rows' search documents alone, on one core and on all. When the server runs on this
// machine it also reads the import's Postgres backends' CPU time from /proc: the speed the
// import could not pass even if its own process cost nothing. Last, it times Postgres putting
// every row the import wrote back into the same tables, indexes and triggers and all, by COPY
// in one transaction: the import against the database's own bulk load of the same result, a
// second yardstick beside COPY into a bare staging table.
// Prints rows/s of both, their ratio (target: the import at least a third of COPY's speed)
// and the import's memory (RSS before, peak during, and at the half and the end: streaming
// keeps it flat), and writes them to bench/import-RESULTS.md. Drops the database at the end.
import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import postgres from "postgres";
import { openPostgres } from "../db/client.js";
import type { ProgressSink } from "../ingest/import/import-progress.js";
import { incidentTypeOf } from "../ingest/formats/acled/acled-taxonomy.js";
import { alpha3FromIsoNumeric } from "../ingest/import/country-codes.js";
import { runImport } from "../ingest/import/run-import.js";
import { migrateSubgraph } from "../db/migrate.js";
import { SUBGRAPHS, forEverySubgraph } from "../services/registry.js";
import { requireSharedData } from "../scripts/harness/shared-data.js";
import { cpuMs } from "./harness.js";
import { commitLine } from "./provenance.js";

const projectRoot = new URL("..", import.meta.url).pathname;
// The real samples only: the fixtures are too few rows to multiply into a fair measure.
const SAMPLES_FOLDER = join(requireSharedData("npm run bench:import"), "acled");
const BENCH_DATABASE = "meridian_bench_import";
const DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres";
/** The import must run at no less than this share of COPY's rows/s (issue 4, item 8). */
const TARGET_RATIO = 1 / 3;

function options(): { rows: number } {
  const { values } = parseArgs({ options: { rows: { type: "string", default: "100000" } } });
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows: must be a positive whole number, got ${values.rows}`);
  return { rows };
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
 * are copied out to files in `folder` first.
 */
async function timeCopyIntoImportedTables(url: string, folder: string): Promise<{ seconds: number; rows: number }> {
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
    return await inRolledBackTransaction(sql, async (transaction) => {
      await transaction.unsafe(`truncate ${[...IMPORTED_TABLES, ...TALLY_TABLES].join(", ")} cascade`);
      const startedAt = performance.now();
      for (const { table, columns, file } of copies) {
        await pipeline(createReadStream(file), await transaction.unsafe(`copy ${table} (${columns}) from stdin`).writable());
      }
      const seconds = (performance.now() - startedAt) / 1000;
      const counts = await Promise.all(IMPORTED_TABLES.map((table) => transaction.unsafe(`select count(*)::int as rows from ${table}`)));
      return { seconds, rows: counts.reduce((total, [{ rows }]) => total + (rows as number), 0) };
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * CPU seconds each server process serving `database` (other than this query's own) has used,
 * by process ID; undefined when the server is not on this machine (no /proc entry to read).
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

interface ImportRun {
  seconds: number;
  /** CPU time of this (the importing) process: the rest of the wall time is waiting for Postgres. */
  nodeCpuSeconds: number;
  /** CPU time of the Postgres backends that served the import; undefined when the server is elsewhere. */
  postgresCpuSeconds?: number;
  inserted: number;
  rssBeforeMb: number;
  peakRssMb: number;
  rssAtHalfMb: number;
  rssAtEndMb: number;
}

async function timeImport(url: string, file: string, rows: number): Promise<ImportRun> {
  const handle = await openPostgres(url, { maxConnections: 2 });
  try {
    for (const subgraph of SUBGRAPHS) await migrateSubgraph(handle, subgraph);
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
    const backendsBefore = await backendCpuSeconds(url);
    const startedAt = performance.now();
    const cpuBefore = process.cpuUsage();
    const summary = await runImport({ format: "acled", files: [file], dryRun: false, skipInvalid: false }, handles, { stdin: process.stdin, progress });
    const seconds = (performance.now() - startedAt) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    // Read before the handle closes its connections: their processes end with them.
    const backendsAfter = await backendCpuSeconds(url);
    const postgresCpuSeconds =
      backendsBefore && backendsAfter ? [...backendsAfter].reduce((total, [pid, after]) => total + after - (backendsBefore.get(pid) ?? 0), 0) : undefined;
    const nodeCpuSeconds = (cpu.user + cpu.system) / 1e6;
    clearInterval(sample);
    const rssAtEndMb = megabytes();
    peakRssMb = Math.max(peakRssMb, rssAtEndMb);
    const inserted = summary.entities.incidents?.inserted ?? 0;
    if (inserted !== rows) throw new Error(`the import inserted ${inserted} incidents of ${rows} rows`);
    return { seconds, nodeCpuSeconds, postgresCpuSeconds, inserted, rssBeforeMb, peakRssMb, rssAtHalfMb, rssAtEndMb };
  } finally {
    await handle.close();
  }
}

const { rows: wanted } = options();
const commit = commitLine();
const serverUrl = databaseUrl(process.env.DATABASE_URL ?? DEFAULT_SERVER, "postgres");
const benchUrl = databaseUrl(serverUrl, BENCH_DATABASE);
const folder = mkdtempSync(join(tmpdir(), "meridian-bench-import-"));
const file = join(folder, "acled-multiplied.csv");
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
try {
  const { header, rows: samples, files } = sampleRows();
  const rows = await writeMultiplied(file, header, samples, wanted);
  console.error(`bench:import: ${rows.toLocaleString("en")} rows (${files.join(", ")} × ${Math.ceil(rows / samples.length)}) in ${file}`);
  await admin.unsafe(`drop database if exists ${BENCH_DATABASE}`);
  await admin.unsafe(`create database ${BENCH_DATABASE}`);
  const copySeconds = await timeCopy(benchUrl, file, header);
  console.error(`bench:import: COPY took ${copySeconds.toFixed(2)} s; importing…`);
  const run = await timeImport(benchUrl, file, rows);
  const sameTables = await timeCopyIntoImportedTables(benchUrl, folder);
  const floors: { label: string; seconds: number }[] = [];
  const mapping = mappingTables(header, samples);
  for (const variant of FLOOR_VARIANTS) floors.push({ label: variant.label, seconds: await timeIncidentsInsert(benchUrl, variant.setup, mapping) });
  floors.push({
    label: "computing the rows' search documents alone (to_tsvector, nothing written), one core",
    seconds: await timeSearchDocuments(benchUrl, 0),
  });
  floors.push({ label: "the same split over two parallel workers and the leader", seconds: await timeSearchDocuments(benchUrl, 2) });
  const copyRate = rows / copySeconds;
  const importRate = rows / run.seconds;
  const ratio = importRate / copyRate;
  const mb = (value: number) => `${value.toFixed(0)} MB`;
  const table = [
    "| measure | value |",
    "|---|---|",
    `| rows | ${rows.toLocaleString("en")} |`,
    `| COPY into a staging table | ${copySeconds.toFixed(2)} s, ${Math.round(copyRate).toLocaleString("en")} rows/s |`,
    `| import (--format acled, one transaction) | ${run.seconds.toFixed(2)} s, ${Math.round(importRate).toLocaleString("en")} rows/s |`,
    `| import's own CPU (Node: read, check, map, resolve actors; the rest of its time is Postgres) | ${run.nodeCpuSeconds.toFixed(2)} s |`,
    run.postgresCpuSeconds === undefined
      ? "| import's Postgres CPU | not measured: the server is not on this machine |"
      : `| import's Postgres CPU (its backends, from /proc): the import could not pass this speed even if Node cost nothing | ${run.postgresCpuSeconds.toFixed(2)} s, ${Math.round(rows / run.postgresCpuSeconds).toLocaleString("en")} rows/s (${(copySeconds / run.postgresCpuSeconds).toFixed(2)} of COPY) |`,
    ...floors.map(
      ({ label, seconds }) =>
        `| ${label} | ${seconds.toFixed(2)} s, ${Math.round(rows / seconds).toLocaleString("en")} rows/s (${(copySeconds / seconds).toFixed(2)} of COPY) |`,
    ),
    `| import / COPY into a staging table (the target) | ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO.toFixed(2)}: ${ratio >= TARGET_RATIO ? "met" : "NOT met"}) |`,
    `| COPY of all the import wrote (${sameTables.rows.toLocaleString("en")} rows, ${IMPORTED_TABLES.length} tables) into the same tables, with their indexes and triggers, one transaction | ${sameTables.seconds.toFixed(2)} s, ${Math.round(rows / sameTables.seconds).toLocaleString("en")} ACLED rows/s |`,
    `| import / COPY into the same tables | ${(sameTables.seconds / run.seconds).toFixed(2)} |`,
    `| import RSS before / at half / at end | ${mb(run.rssBeforeMb)} / ${mb(run.rssAtHalfMb)} / ${mb(run.rssAtEndMb)} |`,
    `| import peak RSS | ${mb(run.peakRssMb)} |`,
    `| machine | Node ${process.version}, load average ${loadavg()[0]!.toFixed(2)} at the end |`,
  ].join("\n");
  console.log(table);
  writeFileSync(
    join(projectRoot, "bench/import-RESULTS.md"),
    `# Import benchmark\n\n${commit}\n\nWritten whole by \`npm run bench:import\` (bench/import.ts); never edited by hand.\n\n\`npm run bench:import -- --rows ${wanted}\` on ${new Date().toISOString().slice(0, 10)}, Postgres at ${new URL(serverUrl).host}:\n\n${table}\n`,
  );
  if (ratio < TARGET_RATIO) process.exitCode = 1;
} finally {
  await admin.unsafe(`drop database if exists ${BENCH_DATABASE} with (force)`).catch(() => {});
  await admin.end({ timeout: 5 });
  rmSync(folder, { recursive: true, force: true });
}
