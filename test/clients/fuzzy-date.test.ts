// The web client writes a date as precisely as its source knows it, WEEK included.
import { describe, expect, it } from "vitest";
import { formatFuzzyDate } from "../../clients/web/src/fuzzy-date.js";

describe("formatFuzzyDate", () => {
  it.each([
    ["DAY", "2025-04-09", "2025-04-09"],
    ["WEEK", "2025-04-09", "week of 2025-04-09"],
    ["MONTH", "2025-04-01", "2025-04"],
    ["YEAR", "2025-01-01", "2025"],
    ["ON_OR_BEFORE", "2025-04-08", "on or before 2025-04-08"],
  ] as const)("writes %s %s as %s", (precision, date, written) => {
    expect(formatFuzzyDate({ date, precision })).toBe(written);
  });
});
