// ACLED writes event dates as 2025-04-01 (API and current exports) or "01 November 2024"
// (the export tool). time_precision says how exact the date is: 1 the day, 2 the week, 3
// the month. A week-precise event keeps ACLED's date (the day ACLED placed it on, inside that
// week) with WEEK precision; a month-precise one gets MONTH, dated the first of the month as
// every MONTH date is.
import { isIsoDate } from "../../../services/kit/schema/iso-date.js";
import { RowError } from "../../import/import-errors.js";
import { quote } from "../../import/row-fields.js";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WRITTEN_DATE = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/;

export type AcledPrecision = "DAY" | "WEEK" | "MONTH";

export function acledDate(column: string, text: string): string {
  if (isIsoDate(text)) return text;
  const iso = toIsoDate(text);
  if (iso === undefined) throw new RowError(column, `must be a date written 2025-04-01 or 01 November 2024 (got ${quote(text)})`);
  if (!isIsoDate(iso)) throw new RowError(column, `is not a real day (got ${quote(text)})`);
  return iso;
}

/** The date and precision an incident gets; MONTH dates are the first of the month, WEEK dates ACLED's own. */
export function acledFuzzyDate(date: string, timePrecision: number): { date: string; precision: AcledPrecision } {
  if (timePrecision === 3) return { date: `${date.slice(0, 8)}01`, precision: "MONTH" };
  if (timePrecision === 2) return { date, precision: "WEEK" };
  return { date, precision: "DAY" };
}

/** "01 November 2024" → "2024-11-01" (not checked to be a real day); ISO-shaped text passes as it is. */
function toIsoDate(text: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const match = WRITTEN_DATE.exec(text);
  if (!match) return undefined;
  const word = match[2]!.toLowerCase();
  const month = MONTHS.findIndex((name) => name === word || (word.length === 3 && name.startsWith(word)));
  if (month === -1) return undefined;
  return `${match[3]}-${String(month + 1).padStart(2, "0")}-${match[1]!.padStart(2, "0")}`;
}
