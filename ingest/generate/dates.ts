// Generated dates: days over the ten years of scales.ts, as ISO strings.
import { DAYS, FIRST_DAY } from "./scales.js";
import type { Random } from "./random.js";

const DAY_MS = 86_400_000;

export function isoDay(dayNumber: number): string {
  return new Date(FIRST_DAY + dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** A day of the ten years, later years a little more often (more is recorded lately). */
export function randomDayNumber(random: Random): number {
  return Math.floor(DAYS * Math.sqrt(random.next()));
}

export function firstOfMonth(isoDate: string): string {
  return `${isoDate.slice(0, 8)}01`;
}
