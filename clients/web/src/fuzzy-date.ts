import type { DatePrecision } from "../../generated/graphql.js";

/** A date as precise as its source: "2025-04", "week of 2025-04-09", "on or before 2025-04-08". */
export function formatFuzzyDate({ date, precision }: { date: string; precision: DatePrecision }): string {
  switch (precision) {
    case "YEAR":
      return date.slice(0, 4);
    case "WEEK":
      return `week of ${date}`;
    case "MONTH":
      return date.slice(0, 7);
    case "ON_OR_BEFORE":
      return `on or before ${date}`;
    case "DAY":
      return date;
  }
}
