import "reflect-metadata";
import { type EnumValue, registerDescribedEnum } from "./described-enum.js";
import { badUserInput } from "./errors.js";

export const TimeInterval = registerDescribedEnum(["DAY", "WEEK", "MONTH", "YEAR"], {
  name: "TimeInterval",
  description: "The length of a time bucket. Weeks start on Monday (ISO 8601).",
});
export type TimeInterval = EnumValue<typeof TimeInterval>;

/** The Postgres `date_trunc` field for an interval. */
export function truncationUnit(interval: TimeInterval): string {
  return interval.toLowerCase();
}

/** At most this many buckets in one answer, so "by day over a century" is refused, not computed. */
export const MAX_TIME_BUCKETS = 5000;

function startOfBucket(day: Date, interval: TimeInterval): Date {
  const date = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  if (interval === TimeInterval.WEEK) date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  if (interval === TimeInterval.MONTH) date.setUTCDate(1);
  if (interval === TimeInterval.YEAR) date.setUTCMonth(0, 1);
  return date;
}

function nextBucket(date: Date, interval: TimeInterval): Date {
  const next = new Date(date);
  if (interval === TimeInterval.DAY) next.setUTCDate(next.getUTCDate() + 1);
  if (interval === TimeInterval.WEEK) next.setUTCDate(next.getUTCDate() + 7);
  if (interval === TimeInterval.MONTH) next.setUTCMonth(next.getUTCMonth() + 1);
  if (interval === TimeInterval.YEAR) next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Every bucket start from the bucket of `from` to the bucket of `to`, in order, so that
 * periods without data show as zeros rather than gaps in a chart.
 */
export function bucketStarts(from: string, to: string, interval: TimeInterval, argumentName: string): string[] {
  const starts: string[] = [];
  const last = startOfBucket(new Date(`${to}T00:00:00Z`), interval);
  for (let bucket = startOfBucket(new Date(`${from}T00:00:00Z`), interval); bucket <= last; bucket = nextBucket(bucket, interval)) {
    starts.push(isoDay(bucket));
    if (starts.length > MAX_TIME_BUCKETS) {
      throw badUserInput(argumentName, `more than ${MAX_TIME_BUCKETS} ${interval.toLowerCase()} buckets; use a longer interval or a shorter date range`);
    }
  }
  return starts;
}

/** Fills the buckets a query returned into the full series; missing periods get `empty()`. */
export function fillBuckets<T>(series: string[], found: Map<string, T>, empty: (start: string) => T): T[] {
  return series.map((start) => found.get(start) ?? empty(start));
}
