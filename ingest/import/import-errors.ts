// The two kinds of bad input. A RowError is about one row: the import stops at it, or with
// --skip-invalid rejects the row and goes on. An InputError is about the input as a whole
// (a missing or empty file, a wrong encoding, an unterminated quote, a header without a
// needed column): nothing after it can be read reliably, so it always stops the import.

/** One row's problem, in the field it names (undefined when the row as a whole is wrong). */
export class RowError extends Error {
  constructor(
    readonly field: string | undefined,
    readonly reason: string,
  ) {
    super(field ? `${field}: ${reason}` : reason);
    this.name = "RowError";
  }
}

/** A bad row, where it is: what the import prints and the reject file holds. */
export interface RejectedRow {
  file: string;
  line: number;
  field: string | undefined;
  reason: string;
  /** The row as it was written in the file. */
  text: string;
}

/** `FILE:LINE: field: reason`, the form every problem is reported in. */
export function describeRejectedRow(row: Omit<RejectedRow, "text">): string {
  return [`${row.file}:${row.line}`, row.field, row.reason].filter(Boolean).join(": ");
}

/** A problem that stops the import whatever the flags; nothing is written. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }

  static at(file: string, line: number | undefined, reason: string): InputError {
    return new InputError(line === undefined ? `${file}: ${reason}` : `${file}:${line}: ${reason}`);
  }
}

/** An invalid row stopped an import that was not told to skip invalid rows. */
export class InvalidRowError extends InputError {
  constructor(readonly row: RejectedRow) {
    super(
      `${describeRejectedRow(row)}\n  (nothing was written; fix the row, or run with --skip-invalid to import the valid rows and list the others in a reject file)`,
    );
    this.name = "InvalidRowError";
  }
}
