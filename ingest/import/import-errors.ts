// The two kinds of bad input. A RowError is about one row (all its bad fields): the import
// checks every row and then stops, reporting them all, or with --skip-invalid rejects the row and goes on. An InputError is about the input as a whole
// (a missing or empty file, a wrong encoding, an unterminated quote, a header without a
// needed column): nothing after it can be read reliably, so it always stops the import.

/** One problem of a row, in the field it names (undefined when the row as a whole is wrong). */
export interface RowProblem {
  field: string | undefined;
  reason: string;
}

/** A row's problems: `field` and `reason` are the first one's, `problems` all of them. */
export class RowError extends Error {
  readonly problems: readonly RowProblem[];

  constructor(
    readonly field: string | undefined,
    readonly reason: string,
    more: readonly RowProblem[] = [],
  ) {
    super(field ? `${field}: ${reason}` : reason);
    this.name = "RowError";
    this.problems = [{ field, reason }, ...more];
  }

  static of(problems: readonly RowProblem[]): RowError {
    const [first, ...more] = problems;
    return new RowError(first!.field, first!.reason, more);
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

/** How many problems an import that stops lists; the others are counted. */
export const LISTED_PROBLEMS = 100;

/**
 * Invalid rows stopped an import that was not told to skip them: the first problem (with what
 * to do), then the others found in the whole input, at most LISTED_PROBLEMS in all.
 */
export class InvalidRowError extends InputError {
  readonly row: RejectedRow;

  constructor(
    readonly problems: readonly RejectedRow[],
    readonly unlisted = 0,
  ) {
    const [first, ...others] = problems;
    super(
      [
        `${describeRejectedRow(first!)}\n  (nothing was written; fix the row, or run with --skip-invalid to import the valid rows and list the others in a reject file)`,
        ...others.map(describeRejectedRow),
        ...(unlisted > 0 ? [`… and ${unlisted} more problem${unlisted > 1 ? "s" : ""}`] : []),
      ].join("\n"),
    );
    this.name = "InvalidRowError";
    this.row = first!;
  }
}
