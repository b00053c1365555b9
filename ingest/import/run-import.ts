// The import command's work, as the CLI (scripts/import.ts) and the tests call it: reads
// each input as a stream, checks each row as it comes, and writes batches of rows, all in
// one transaction per database. Invalid rows stop it and roll everything back (every row is
// still checked, so that all their problems are reported at once), unless --skip-invalid
// sends such rows to a reject file; --dry-run rolls back at the end.
import type { Readable } from "node:stream";
import type { Database } from "../../db/client.js";
import type { SubgraphName } from "../../services/registry.js";
import { inOneTransactionPerHandle } from "../../db/bulk/in-one-transaction.js";
import type { SubgraphHandles } from "../documents/subgraph-handles.js";
import { DATASET_FORMATS, datasetFormatNamed } from "../formats/registry.js";
import { ActorResolver } from "./actor-resolver.js";
import { DOCUMENT_FORMAT, type ImportOptions } from "./cli-args.js";
import type { DatasetFormat, FileMapping, RecordEntity } from "./dataset-format.js";
import type { DatasetRecord } from "./dataset-record.js";
import { DatasetWriter } from "./dataset-writer.js";
import { delimitedRows } from "./delimited-records.js";
import { InputError, InvalidRowError, LISTED_PROBLEMS, type RejectedRow, RowError } from "./import-errors.js";
import { NO_PROGRESS, type ProgressSink } from "./import-progress.js";
import { type EntitySummary, type ImportSummary, countOutcomes } from "./import-summary.js";
import { beginImportRun, finishImportRun } from "../history/import-runs.js";
import { chooseBulk, storedEventRows } from "./bulk-choice.js";
import { beginBulkLoad } from "./bulk-load.js";
import { checkInputFile, openInput } from "./input-stream.js";
import { importDocuments } from "./meridian-import.js";
import { RejectFiles } from "./reject-file.js";

/** Rows written per round of statements: large enough that round trips do not dominate, small enough for flat memory. */
export const BATCH_SIZE = 1000;

export interface ImportEnvironment {
  stdin: Readable;
  progress?: ProgressSink;
  /** Aborting (Ctrl-C) stops the import after the batch being written, and rolls it back. */
  signal?: AbortSignal;
  /** How many shared sources the import remembers as written, a bound on its memory (dataset-writer.ts); its default when undefined. */
  rememberedSharedSources?: number;
}

/** Ends the transaction of a dry run without committing it. */
class RollBack extends Error {}

export class ImportInterrupted extends InputError {
  constructor() {
    super("interrupted: nothing was written");
    this.name = "ImportInterrupted";
  }
}

export async function runImport(options: ImportOptions, handles: SubgraphHandles, environment: ImportEnvironment): Promise<ImportSummary> {
  const startedAt = performance.now();
  for (const file of options.files) await checkInputFile(file);
  const summary: ImportSummary = {
    format: options.format,
    files: options.files,
    dryRun: options.dryRun,
    rows: { read: 0, rejected: 0, skipped: {}, olderThanStored: 0, repeated: 0, keptDeleted: 0 },
    entities: {},
    rejectFiles: [],
    seconds: 0,
  };
  const rejects = new RejectFiles(options.rejectsPath);
  try {
    await inOneTransactionPerHandle(handles, async (databases) => {
      const run = await beginImportRun(databases, { format: options.format, files: options.files });
      summary.runId = run.id;
      if (options.format === DOCUMENT_FORMAT) {
        const counts = await importDocuments(options.files, handles, databases, environment.stdin);
        for (const [entity, entityCounts] of Object.entries(counts)) summary.entities[entity] = { ...entityCounts, rejected: 0 };
        summary.rows.read = Object.values(counts).reduce(
          (total, entityCounts) => total + entityCounts.inserted + entityCounts.updated + entityCounts.unchanged,
          0,
        );
      } else {
        await importDataset(datasetFormat(options.format), options, databases, environment, rejects, summary);
      }
      if (options.dryRun) {
        summary.runId = undefined;
        throw new RollBack();
      }
      await finishImportRun(databases, run.id, recordedSummary(summary));
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  } finally {
    await rejects.close();
  }
  summary.rejectFiles = rejects.paths;
  summary.seconds = (performance.now() - startedAt) / 1000;
  return summary;
}

// What the run's record keeps of the summary: the counts, not the actors' resolutions (the history holds those rows).
function recordedSummary(summary: ImportSummary): unknown {
  const { actors, ...counts } = summary;
  return { ...counts, actors: actors ? countOutcomes(actors.resolutions) : undefined, seconds: undefined };
}

/** The options were checked against the registry (parseImportArgs); a name without a format is a caller's mistake. */
function datasetFormat(name: string): DatasetFormat {
  const format = datasetFormatNamed(name);
  if (!format) throw new Error(`no dataset format is named "${name}" (see ingest/formats/registry.ts)`);
  return format;
}

async function importDataset(
  format: DatasetFormat,
  options: ImportOptions,
  databases: Record<SubgraphName, Database>,
  environment: ImportEnvironment,
  rejects: RejectFiles,
  summary: ImportSummary,
): Promise<void> {
  // Every format's scheme: a crosswalk rule may name an actor in another's (ACLED's state forces as CAMEO codes).
  const writer = new DatasetWriter(
    databases,
    new ActorResolver(
      databases.actors,
      DATASET_FORMATS.map((known) => known.actors),
    ),
    environment.rememberedSharedSources,
  );
  const rejected: Record<RecordEntity, number> = { incidents: 0, statements: 0 };
  // Without --skip-invalid, the problems found; once there is one, nothing more is written.
  const invalid: RejectedRow[] = [];
  let unlisted = 0;
  const progress = environment.progress ?? NO_PROGRESS;
  const inputs = await Promise.all(options.files.map(async (file) => ({ file, size: await checkInputFile(file) })));
  const bulk = await chooseBulk(options.bulk, inputs, format.bytesPerRow, () => storedEventRows(databases));
  const bulkLoad = bulk.bulk ? await beginBulkLoad(databases, bulk.reason, progress) : undefined;
  // Many files are one import: one progress over all of them.
  progress.startImport?.(inputs);
  for (const file of options.files) {
    const input = await openInput(file, environment.stdin);
    progress.startFile(file, input.size, () => input.stream.bytesRead);
    let mapping: FileMapping | undefined;
    let rowsInFile = 0;
    let batch: Exclude<DatasetRecord, { kind: "skipped" }>[] = [];
    // One batch is written while the next is read and checked: the database and the parsing
    // work at the same time. Batches are still written one after the other, in file order.
    let writing: Promise<void> = Promise.resolve();
    const writeBatch = async () => {
      await writing;
      if (environment.signal?.aborted) throw new ImportInterrupted();
      const records = batch;
      const rowsWritten = rowsInFile;
      batch = [];
      writing = writer.write(records).then(() => progress.rowsDone(rowsWritten));
      // Its failure is thrown by the next `await writing`; until then it is not unhandled.
      writing.catch(() => {});
    };
    try {
      for await (const row of delimitedRows(file, input.stream, format.delimited)) {
        if (!mapping) {
          mapping = format.begin(file, row);
          if (mapping.firstRowIsHeader) continue;
        }
        rowsInFile += 1;
        summary.rows.read += 1;
        let record: DatasetRecord;
        try {
          record = mapping.mapRow(row);
        } catch (error) {
          if (!(error instanceof RowError)) throw error;
          const problems: RejectedRow[] = error.problems.map(({ field, reason }) => ({ file, line: row.line, field, reason, text: row.text }));
          if (!options.skipInvalid) {
            const room = Math.max(0, LISTED_PROBLEMS - invalid.length);
            invalid.push(...problems.slice(0, room));
            unlisted += problems.length - Math.min(room, problems.length);
            batch = [];
            continue;
          }
          for (const problem of problems) await rejects.write(problem);
          summary.rows.rejected += 1;
          rejected[format.entityOf(row)] += 1;
          continue;
        }
        if (record.kind === "skipped") {
          summary.rows.skipped[record.reason] = (summary.rows.skipped[record.reason] ?? 0) + 1;
          continue;
        }
        if (invalid.length > 0) {
          if (environment.signal?.aborted) throw new ImportInterrupted();
          continue;
        }
        batch.push(record);
        if (batch.length >= BATCH_SIZE) await writeBatch();
      }
      if (invalid.length === 0) await writeBatch();
    } finally {
      // Nothing may still be writing when the transaction ends, whether it commits or rolls back.
      await writing.catch(() => {});
    }
    await writing;
    progress.endFile(rowsInFile);
  }
  if (invalid.length > 0) throw new InvalidRowError(invalid, unlisted);
  if (bulkLoad) summary.bulk = await bulkLoad.finish();
  const entity = (name: keyof typeof writer.counts): EntitySummary => ({ ...writer.counts[name], rejected: name === "sources" ? 0 : rejected[name] });
  summary.entities = Object.fromEntries([...format.entities, "sources" as const].map((name) => [name, entity(name)]));
  summary.rows.olderThanStored = writer.olderThanStored;
  summary.rows.repeated = writer.repeated;
  summary.rows.keptDeleted = writer.keptDeleted;
  summary.actors = { resolutions: writer.actors.resolutions };
}
