// Typed access to the fields of one delimited row by column name. Every problem names the
// column and quotes what was found, so a message alone says what to fix. A bad field does not
// stop the row: it is noted, a stand-in value is returned, and `mapFields` reports every
// problem of the row at once (a RowError listing them), so one pass shows all that is wrong.
import { RowError, type RowProblem } from "./import-errors.js";

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** How much of a bad value a message quotes. */
const QUOTED_LENGTH = 40;

export function quote(value: string): string {
  return JSON.stringify(value.length > QUOTED_LENGTH ? `${value.slice(0, QUOTED_LENGTH)}…` : value);
}

/**
 * Maps one row with `map`, reporting every bad field it read: the row's problems in the order
 * found, as one RowError. A RowError the mapping throws itself ends the row, and joins the
 * problems found before it unless it is about a field already reported (a check of a stand-in value).
 */
export function mapFields<T>(values: readonly string[], columns: ReadonlyMap<string, number>, map: (fields: RowFields) => T): T {
  const fields = new RowFields(values, columns);
  let result: T;
  try {
    result = map(fields);
  } catch (error) {
    if (fields.problems.length === 0) throw error;
    // Any other failure came from a stand-in value: the bad fields already say what is wrong.
    if (error instanceof RowError && !fields.problems.some((problem) => problem.field === error.field)) fields.problems.push(...error.problems);
    throw RowError.of(fields.problems);
  }
  if (fields.problems.length > 0) throw RowError.of(fields.problems);
  return result;
}

export class RowFields {
  /** The bad fields read so far, in the order read. */
  readonly problems: RowProblem[] = [];

  constructor(
    private readonly values: readonly string[],
    private readonly columns: ReadonlyMap<string, number>,
  ) {}

  private note(column: string, reason: string): void {
    if (!this.problems.some((problem) => problem.field === column)) this.problems.push({ field: column, reason });
  }

  private isBad(column: string): boolean {
    return this.problems.some((problem) => problem.field === column);
  }

  /** Whether the file has the column (exports may leave out those the import can do without). */
  has(column: string): boolean {
    return this.columns.has(column);
  }

  /** The trimmed value, or null when the field is empty. */
  optionalText(column: string): string | null {
    const index = this.columns.get(column);
    if (index === undefined) throw new Error(`no column ${column}`);
    const value = (this.values[index] ?? "").trim();
    return value === "" ? null : value;
  }

  text(column: string): string {
    const value = this.optionalText(column);
    if (value !== null) return value;
    this.note(column, "is empty");
    return "";
  }

  optionalInteger(column: string, range: { min?: number; max?: number } = {}): number | null {
    const value = this.optionalText(column);
    if (value === null) return null;
    const number = INTEGER.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number)) {
      this.note(column, `must be a whole number (got ${quote(value)})`);
      return null;
    }
    return this.inRange(column, value, number, range);
  }

  integer(column: string, range: { min?: number; max?: number } = {}): number {
    const value = this.optionalInteger(column, range);
    if (value !== null) return value;
    if (!this.isBad(column)) this.note(column, "is empty; a whole number belongs here");
    return 0;
  }

  optionalNumber(column: string, range: { min?: number; max?: number } = {}): number | null {
    const value = this.optionalText(column);
    if (value === null) return null;
    if (!DECIMAL.test(value)) {
      this.note(column, `must be a number (got ${quote(value)})`);
      return null;
    }
    return this.inRange(column, value, Number(value), range);
  }

  number(column: string, range: { min?: number; max?: number } = {}): number {
    const value = this.optionalNumber(column, range);
    if (value !== null) return value;
    if (!this.isBad(column)) this.note(column, "is empty; a number belongs here");
    return 0;
  }

  /** The number, or null (noted) when it is out of range. */
  private inRange(column: string, text: string, number: number, { min, max }: { min?: number; max?: number }): number | null {
    if ((min === undefined || number >= min) && (max === undefined || number <= max)) return number;
    const bounds = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
    this.note(column, `must be ${bounds} (got ${quote(text)})`);
    return null;
  }
}
