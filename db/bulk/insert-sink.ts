// Writes generated rows with multi-row INSERTs through Drizzle: what PGlite offers without
// a file system to COPY from. A statement holds at most 65,535 parameters, so the rows of a
// batch go in slices that stay under it.
import { getTableColumns } from "drizzle-orm";
import type { Database } from "../client.js";
import type { TableSink } from "./table-sink.js";

const MAX_PARAMETERS = 60_000;

export function insertSink(db: Database): TableSink {
  return {
    async write(table, batches) {
      const perRow = Object.keys(getTableColumns(table)).length;
      const rowsPerStatement = Math.floor(MAX_PARAMETERS / perRow);
      let written = 0;
      for (const batch of batches) {
        for (let start = 0; start < batch.length; start += rowsPerStatement) {
          await db.insert(table).values(batch.slice(start, start + rowsPerStatement) as never);
        }
        written += batch.length;
      }
      return written;
    },
  };
}
