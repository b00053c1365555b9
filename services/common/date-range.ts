import { isIsoDate } from "./dates.js";
import { badUserInput } from "./errors.js";

/** Checks a from/to pair of ISO dates given as arguments; both ends are optional and inclusive. */
export function checkDateRange(
  from: string | null | undefined,
  to: string | null | undefined,
  names: { from: string; to: string },
): void {
  if (from && !isIsoDate(from)) throw badUserInput(names.from, `"${from}" is not a date (YYYY-MM-DD)`);
  if (to && !isIsoDate(to)) throw badUserInput(names.to, `"${to}" is not a date (YYYY-MM-DD)`);
  if (from && to && from > to) throw badUserInput(names.from, `the range starts (${from}) after it ends (${to})`);
}
