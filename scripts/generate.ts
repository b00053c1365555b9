// npm run generate -- --scale 10k|100k|1m [--seed N] [--database-url URL]
// Fills empty databases with generated, realistic-looking data for benchmarks: the same seed
// and scale give the same rows. Postgres is loaded with COPY, PGlite with multi-row INSERTs.
// Without --database-url it writes where the subgraphs are configured to read (embedded
// PGlite unless a database URL is set).
import "reflect-metadata";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { type DatabaseHandle, openPostgres } from "../db/client.js";
import { copySink } from "../db/bulk/copy-sink.js";
import { DatabaseNotEmptyError, type SubgraphTarget, generateDatabase } from "../ingest/generate/generate-database.js";
import { insertSink } from "../db/bulk/insert-sink.js";
import { SCALE_NAMES, SCALES, type ScaleName } from "../ingest/generate/scales.js";
import { migrateSubgraph } from "../db/migrate.js";
import { SUBGRAPHS, SUBGRAPH_NAMES, type SubgraphName, forEverySubgraph } from "../services/registry.js";
import { openSubgraphDatabases } from "../db/open.js";
import { loadConfig } from "../services/config.js";
import { exitOnStartupFailure } from "../platform/process/fail.js";

const USAGE = `usage: npm run generate -- --scale ${SCALE_NAMES.join("|")} [--seed N] [--database-url URL]

  --scale          10k: 10,000 incidents and statements, 1,000 actors; 100k and 1m likewise
  --seed           any integer (default 1); the same seed and scale give the same data
  --database-url   a Postgres database for all three subgraphs (default: as configured)`;

function usageError(message: string): never {
  console.error(`generate: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: { scale: { type: "string" }, seed: { type: "string", default: "1" }, "database-url": { type: "string" }, help: { type: "boolean", short: "h" } },
  }));
} catch (error) {
  usageError((error as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.scale === undefined) usageError(`--scale is required: ${SCALE_NAMES.join(", ")}`);
if (!(SCALE_NAMES as readonly string[]).includes(values.scale)) usageError(`unknown --scale "${values.scale}": use ${SCALE_NAMES.join(", ")}`);
if (!/^-?\d+$/.test(values.seed) || !Number.isSafeInteger(Number(values.seed))) usageError(`--seed must be an integer, got "${values.seed}"`);
const databaseUrl = values["database-url"];
if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) usageError(`--database-url must be a postgres:// or postgresql:// URL`);
const scale = SCALES[values.scale as ScaleName];
const seed = Number(values.seed);

let config;
try {
  config = loadConfig();
} catch (error) {
  exitOnStartupFailure("generate", error);
}
const urlOf = (subgraph: SubgraphName) => values["database-url"] ?? config.subgraphs[subgraph].databaseUrl;
const closers: (() => Promise<unknown>)[] = [];
try {
  let handles: Record<SubgraphName, DatabaseHandle>;
  if (values["database-url"]) {
    const handle = await openPostgres(values["database-url"], { maxConnections: 2 });
    closers.push(() => handle.close());
    handles = forEverySubgraph(handle);
  } else {
    const databases = await openSubgraphDatabases(config, SUBGRAPH_NAMES);
    closers.push(databases.close);
    handles = databases.handles as Record<SubgraphName, DatabaseHandle>;
  }
  const copyClients = new Map<string, postgres.Sql>();
  const targets = {} as Record<SubgraphName, SubgraphTarget>;
  for (const definition of SUBGRAPHS) {
    const subgraph = definition.name;
    await migrateSubgraph(handles[subgraph], definition);
    const url = urlOf(subgraph);
    if (url && !copyClients.has(url)) {
      const client = postgres(url, { max: 1, onnotice: () => {} });
      copyClients.set(url, client);
      closers.push(() => client.end({ timeout: 5 }));
    }
    targets[subgraph] = { handle: handles[subgraph], sink: url ? copySink(copyClients.get(url)!) : insertSink(handles[subgraph].db) };
  }
  console.log(`generate: scale ${values.scale}, seed ${seed}, into ${handles.incidents.description}`);
  const started = performance.now();
  await generateDatabase(targets, {
    seed,
    scale,
    onTable: (report) => console.log(`  ${report.table.padEnd(32)} ${String(report.rows).padStart(9)} rows  ${report.seconds.toFixed(1).padStart(6)} s`),
  });
  console.log(`generate: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  if (error instanceof DatabaseNotEmptyError) {
    console.error(`generate: ${error.message}`);
    process.exitCode = 1;
  } else {
    for (const close of closers.reverse()) await close();
    exitOnStartupFailure("generate", error);
  }
} finally {
  for (const close of closers.reverse()) await close();
}
