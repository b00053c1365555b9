// What the import needs to know of a delimited dataset format: how to split its rows, how a
// file's rows become records, how it names actors, and how --help and the summary speak of it.
// Each format is a folder of ingest/formats/ whose index.ts exports one of these; the
// registry (ingest/formats/registry.ts) lists them, and the importer knows no other.
import type { DatasetRecord, DatasetScheme } from "./dataset-record.js";
import type { DelimitedFormat, DelimitedRow } from "./delimited-records.js";

export type RecordEntity = "incidents" | "statements";

export interface FileMapping {
  /** Throws a RowError naming the field for a row that cannot be imported. */
  mapRow(row: DelimitedRow): DatasetRecord;
  /** The first row was a header, not a record. */
  firstRowIsHeader: boolean;
}

/** How a dataset names actors, and what the actors it creates are called. */
export interface ActorScheme {
  /** The alias scheme its names or codes are stored under. */
  scheme: DatasetScheme;
  /** The namespace of the IDs of actors it creates ("acled" gives acled:<slug>). */
  idNamespace: string;
  /**
   * Its values are codes, of which an actor has one: a value is never matched by name to an
   * actor that already has another value of the scheme.
   */
  valuesAreCodes: boolean;
}

export interface DatasetFormat {
  /** What --format calls it. */
  name: string;
  /** What --help says it is ("ACLED CSV export"). */
  description: string;
  delimited: DelimitedFormat;
  /** A row's usual size in bytes, to guess a file's rows from its size (the bulk path's choice: bulk-choice.ts). */
  bytesPerRow: number;
  /** How the rows of a file map, given its first row; an InputError when the file cannot be of this format. */
  begin(file: string, firstRow: DelimitedRow): FileMapping;
  /** What a row was meant to become, so that a rejected row is counted against it. */
  entityOf(row: DelimitedRow): RecordEntity;
  /** The entities its records can become, in the order the summary lists them (sources follow). */
  entities: readonly RecordEntity[];
  actors: ActorScheme;
}
