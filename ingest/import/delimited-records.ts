// Reads the rows of a CSV or TSV stream one at a time with csv-parse, so memory stays flat
// whatever the file's size. Each row comes with the line it starts on and its original text,
// for messages and the reject file. A row with the wrong number of fields is passed on (the
// format's mapping reports it, as a row problem); a broken quote ends the file, as nothing
// after it can be split into rows reliably.
import { CsvError, parse } from "csv-parse";
import type { Readable } from "node:stream";
import { InputError } from "./import-errors.js";

export interface DelimitedRow {
  /** The line of the file the row starts on, from 1. */
  line: number;
  fields: string[];
  /** The row as written, without its line break. */
  text: string;
}

export interface DelimitedFormat {
  delimiter: "," | "\t";
  /** False for formats without quoting (GDELT), whose fields may contain a bare `"`. */
  quoted: boolean;
}

export async function* delimitedRows(file: string, input: Readable, format: DelimitedFormat): AsyncGenerator<DelimitedRow> {
  const parser = input.pipe(
    parse({
      delimiter: format.delimiter,
      quote: format.quoted ? '"' : false,
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }),
  );
  // A failure of the input (a wrong encoding) is the parser's failure too.
  input.once("error", (error) => parser.destroy(error));
  let rowCount = 0;
  try {
    for await (const { record, info, raw } of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
      const text = raw.replace(/^(\r?\n)+/, "").replace(/\r?\n$/, "");
      rowCount += 1;
      yield { line: info.lines - countLineBreaks(text), fields: record, text };
    }
  } catch (error) {
    if (error instanceof CsvError) throw InputError.at(file, (error as CsvError & { lines?: number }).lines, describeCsvError(error));
    throw error;
  }
  if (rowCount === 0) throw InputError.at(file, undefined, "the file is empty");
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count += 1;
  return count;
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return 'a quoted field is never closed: a `"` opens a field on this line and no closing `"` follows before the end of the file';
    case "CSV_INVALID_CLOSING_QUOTE":
      return `a misplaced quote: ${error.message.replace(/^[^:]*:\s*/, "")}; inside a quoted field a quote is written twice ("")`;
    default:
      return `cannot be split into fields: ${error.message}`;
  }
}
