// Writes generated rows into Postgres with COPY … FROM STDIN, the fastest way in: one
// statement per table, rows streamed as COPY's text format with backpressure.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getTableColumns, getTableName } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import type { Row, TableSink } from "./table-sink.js";

const ROWS_PER_CHUNK = 2_000;

export function copySink(client: postgres.Sql): TableSink {
  return {
    async write(table, batches) {
      // The column list comes from the first row, so the first batch is made before COPY starts.
      const iterator = batches[Symbol.iterator]();
      const first = iterator.next();
      if (first.done) return 0;
      const columns = columnsOf(table, first.value[0]!);
      let written = 0;
      const chunks = function* () {
        for (let batch: IteratorResult<Row[]> = first; !batch.done; batch = iterator.next()) {
          for (let start = 0; start < batch.value.length; start += ROWS_PER_CHUNK) {
            const lines = batch.value.slice(start, start + ROWS_PER_CHUNK).map((row) => copyLine(row, columns));
            yield Buffer.from(lines.join(""));
          }
          written += batch.value.length;
        }
      };
      const { schema } = getTableConfig(table);
      const target =
        await client`copy ${client(schema ?? "public")}.${client(getTableName(table))} (${client(columns.map((column) => column.name))}) from stdin`.writable();
      await pipeline(Readable.from(chunks()), target);
      return written;
    },
  };
}

function columnsOf(table: Parameters<TableSink["write"]>[0], row: Row): { key: string; name: string }[] {
  const byKey = getTableColumns(table);
  return Object.keys(row).map((key) => {
    const column = byKey[key];
    if (!column) throw new Error(`generated row has a field "${key}" that ${getTableName(table)} has no column for`);
    return { key, name: column.name };
  });
}

function copyLine(row: Row, columns: readonly { key: string }[]): string {
  return `${columns.map((column) => copyField(row[column.key])).join("\t")}\n`;
}

/** COPY text format: \N is null, and backslash, tab and line breaks are escaped. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return String(value).replace(/[\\\t\n\r]/g, (character) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[character]!);
}
