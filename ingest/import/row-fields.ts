// Typed access to the fields of one delimited row by column name. Every failure is a
// RowError naming the column and quoting what was found, so a message alone says what to fix.
import { RowError } from "./import-errors.js";

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** How much of a bad value a message quotes. */
const QUOTED_LENGTH = 40;

export function quote(value: string): string {
  return JSON.stringify(value.length > QUOTED_LENGTH ? `${value.slice(0, QUOTED_LENGTH)}…` : value);
}

export class RowFields {
  constructor(
    private readonly values: readonly string[],
    private readonly columns: ReadonlyMap<string, number>,
  ) {}

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
    if (value === null) throw new RowError(column, "is empty");
    return value;
  }

  optionalInteger(column: string, range: { min?: number; max?: number } = {}): number | null {
    const value = this.optionalText(column);
    if (value === null) return null;
    const number = INTEGER.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number)) throw new RowError(column, `must be a whole number (got ${quote(value)})`);
    checkRange(column, value, number, range);
    return number;
  }

  integer(column: string, range: { min?: number; max?: number } = {}): number {
    const value = this.optionalInteger(column, range);
    if (value === null) throw new RowError(column, "is empty; a whole number belongs here");
    return value;
  }

  optionalNumber(column: string, range: { min?: number; max?: number } = {}): number | null {
    const value = this.optionalText(column);
    if (value === null) return null;
    if (!DECIMAL.test(value)) throw new RowError(column, `must be a number (got ${quote(value)})`);
    const number = Number(value);
    checkRange(column, value, number, range);
    return number;
  }

  number(column: string, range: { min?: number; max?: number } = {}): number {
    const value = this.optionalNumber(column, range);
    if (value === null) throw new RowError(column, "is empty; a number belongs here");
    return value;
  }
}

function checkRange(column: string, text: string, number: number, { min, max }: { min?: number; max?: number }): void {
  if ((min !== undefined && number < min) || (max !== undefined && number > max)) {
    const bounds = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
    throw new RowError(column, `must be ${bounds} (got ${quote(text)})`);
  }
}
