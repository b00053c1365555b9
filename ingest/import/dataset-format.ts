// What the import needs to know of a delimited dataset format (ACLED, GDELT): how to split
// its rows, and how a file's rows become records.
import type { DatasetRecord } from "./dataset-record.js";
import type { DelimitedFormat, DelimitedRow } from "./delimited-records.js";

export type RecordEntity = "incidents" | "statements";

export interface FileMapping {
  /** Throws a RowError naming the field for a row that cannot be imported. */
  mapRow(row: DelimitedRow): DatasetRecord;
  /** The first row was a header, not a record. */
  firstRowIsHeader: boolean;
}

export interface DatasetFormat {
  name: "acled" | "gdelt";
  delimited: DelimitedFormat;
  /** How the rows of a file map, given its first row; an InputError when the file cannot be of this format. */
  begin(file: string, firstRow: DelimitedRow): FileMapping;
  /** What a row was meant to become, so that a rejected row is counted against it. */
  entityOf(row: DelimitedRow): RecordEntity;
}
