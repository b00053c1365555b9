// Where generated rows go: COPY for Postgres, multi-row INSERTs for PGlite.
import type { PgTable } from "drizzle-orm/pg-core";

/** A row as Drizzle keys it: by the table's column keys, not the columns' names. */
export type Row = Record<string, unknown>;

export interface TableSink {
  /** Writes every row of the batches into the table; resolves to how many rows it wrote. */
  write(table: PgTable, batches: Iterable<Row[]>): Promise<number>;
}
