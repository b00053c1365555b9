// ACLED's time_precision as a fuzzy date: 1 the day, 2 the week (ACLED's own day kept), 3 the
// month (the first of it, as every MONTH date is). A week is never shown as a day.
import { describe, expect, it } from "vitest";
import { acledFuzzyDate } from "../../../../ingest/formats/acled/acled-dates.js";

describe("acledFuzzyDate", () => {
  it("keeps a day-precise date as DAY", () => {
    expect(acledFuzzyDate("2025-03-09", 1)).toEqual({ date: "2025-03-09", precision: "DAY" });
  });

  it("keeps a week-precise date on ACLED's day, as WEEK", () => {
    expect(acledFuzzyDate("2025-03-09", 2)).toEqual({ date: "2025-03-09", precision: "WEEK" });
  });

  it("moves a month-precise date to the first of its month, as MONTH", () => {
    expect(acledFuzzyDate("2025-03-19", 3)).toEqual({ date: "2025-03-01", precision: "MONTH" });
  });
});
