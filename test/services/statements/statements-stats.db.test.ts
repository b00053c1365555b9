// Statement counts grouped by speaker, stance and month, on both backends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subgraphNamed } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type SubgraphUnderTest, subgraphUnderTest } from "../../support/execute.js";
import { insertStatementWorld, statementWorld as w } from "../../support/fixtures.js";

describe.each(BACKENDS)("statement statistics on $name", (backend) => {
  let statements: SubgraphUnderTest;
  const stats = async (args: string, fields = "key count") => {
    const { data, errors } = await statements.execute(`{ statementStats(${args}) { ${fields} } }`);
    expect(errors).toBeUndefined();
    return data.statementStats;
  };

  beforeAll(async () => {
    statements = await subgraphUnderTest(backend, subgraphNamed("statements"), (handle) => insertStatementWorld(handle.db));
  });
  afterAll(() => statements.database.dispose());

  it("counts statements per month in order, a month without any as zero", async () => {
    expect(await stats(`groupBy: MONTH`, "key start speaker { id } stance count")).toEqual([
      { key: "2024-01-01", start: "2024-01-01", speaker: null, stance: null, count: 3 },
      { key: "2024-02-01", start: "2024-02-01", speaker: null, stance: null, count: 0 },
      { key: "2024-03-01", start: "2024-03-01", speaker: null, stance: null, count: 5 },
      { key: "2024-04-01", start: "2024-04-01", speaker: null, stance: null, count: 1 },
    ]);
  });

  it("spans the months of the filter's date range, beyond the statements found", async () => {
    expect(await stats(`groupBy: MONTH, filter: { speaker: "${w.zakharova}", said: { from: "2023-12-15", to: "2024-05-31" } }`)).toEqual([
      { key: "2023-12-01", count: 0 },
      { key: "2024-01-01", count: 1 },
      { key: "2024-02-01", count: 0 },
      { key: "2024-03-01", count: 0 },
      { key: "2024-04-01", count: 1 },
      { key: "2024-05-01", count: 0 },
    ]);
  });

  it("answers no months when nothing matches and no range is given", async () => {
    expect(await stats(`groupBy: MONTH, filter: { language: "fr" }`)).toEqual([]);
  });

  it("counts statements per speaker, most first, ties by ID", async () => {
    expect(await stats(`groupBy: SPEAKER`, "key speaker { id } start stance count")).toEqual([
      { key: w.analyst, speaker: { id: w.analyst }, start: null, stance: null, count: 2 },
      { key: w.tykhyi, speaker: { id: w.tykhyi }, start: null, stance: null, count: 2 },
      { key: w.maoNing, speaker: { id: w.maoNing }, start: null, stance: null, count: 2 },
      { key: w.zakharova, speaker: { id: w.zakharova }, start: null, stance: null, count: 2 },
      { key: w.stateDepartment, speaker: { id: w.stateDepartment }, start: null, stance: null, count: 1 },
    ]);
  });

  it("counts only the statements that meet the filter, and at most `first` buckets", async () => {
    expect(await stats(`groupBy: SPEAKER, filter: { said: { from: "2024-03-01" } }`)).toEqual([
      { key: w.maoNing, count: 2 },
      { key: w.analyst, count: 1 },
      { key: w.tykhyi, count: 1 },
      { key: w.zakharova, count: 1 },
      { key: w.stateDepartment, count: 1 },
    ]);
    expect(await stats(`groupBy: SPEAKER, first: 1, filter: { language: "en" }`)).toEqual([{ key: w.analyst, count: 2 }]);
  });

  it("counts statements per stance, each statement once in each kind it takes, those taking none keyed null", async () => {
    expect(await stats(`groupBy: STANCE`, "key stance count")).toEqual([
      { key: null, stance: null, count: 3 },
      { key: "ASSERTS", stance: "ASSERTS", count: 2 },
      { key: "QUESTIONS", stance: "QUESTIONS", count: 2 },
      { key: "COMMENTS", stance: "COMMENTS", count: 1 },
      { key: "DENIES", stance: "DENIES", count: 1 },
      { key: "DISPUTES", stance: "DISPUTES", count: 1 },
      { key: "SUPPORTS", stance: "SUPPORTS", count: 1 },
    ]);
  });

  it("counts the stances on one claim when the filter names it", async () => {
    expect(await stats(`groupBy: STANCE, filter: { claim: "${w.assertedClaim}" }`)).toEqual([
      { key: "ASSERTS", count: 1 },
      { key: "COMMENTS", count: 1 },
    ]);
  });

  it("agrees with the totals of the filtered list", async () => {
    const byStance = await stats(`groupBy: STANCE, filter: { said: { to: "2024-03-12" } }`);
    for (const bucket of byStance) {
      const { data } = await statements.execute(`{ statements(filter: { stance: ${bucket.key}, said: { to: "2024-03-12" } }) { totalCount } }`);
      expect(data.statements.totalCount).toBe(bucket.count);
    }
  });

  it.each([
    [`{ statementStats(groupBy: MONTH, filter: { said: { from: "2024-05-01", to: "2024-01-01" } }) { key } }`, "filter.said.from"],
    [`{ statementStats(groupBy: MONTH, filter: { said: { from: "1500-01-01", to: "2024-01-01" } }) { key } }`, "filter.said"],
    [`{ statementStats(groupBy: SPEAKER, filter: { speaker: "nobody" }) { key } }`, "filter.speaker"],
    [`{ statementStats(groupBy: SPEAKER, first: 501) { key } }`, "first"],
  ])("rejects %s naming %s", async (query, argumentName) => {
    const { errors } = await statements.execute(query);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
  });

  it("rejects an unknown grouping", async () => {
    const { errors } = await statements.execute(`{ statementStats(groupBy: WEEKDAY) { key } }`);
    expect(errors?.[0]?.message).toContain("WEEKDAY");
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("statement statistics on postgres"));
