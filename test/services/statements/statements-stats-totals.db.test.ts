// Every statement counted is in a bucket of statementStats: by month and by speaker once, by
// stance once per stance it takes, and those taking no stance in the bucket keyed null.
// Checked on the seed story and on the real GDELT sample, whose statements take no stances.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { stances, statements } from "../../../services/statements/data/tables.js";
import { describeRealSamples } from "../../support/real-samples.js";
import { type StatsWorld, statsWorld } from "../../support/stats-world.js";
import { REAL_GDELT_EVENTS } from "../../ingest/import/support/sample-files.js";

/** `someTakeNoStance`: the data has statements taking no stance, so the null bucket is checked on something. */
function checkTotals(world: () => StatsWorld, someTakeNoStance: boolean) {
  const buckets = async (args: string): Promise<{ key: string | null; count: number }[]> =>
    (await world().ask(`{ statementStats(${args}, first: 500) { key count } }`)).statementStats;
  const sumOf = (found: { count: number }[]) => found.reduce((sum, bucket) => sum + bucket.count, 0);

  it.each(["groupBy: MONTH", "groupBy: SPEAKER"])("sums the buckets of %s to the statements counted", async (args) => {
    const total = (await world().ask("{ statements { totalCount } }")).statements.totalCount;
    const found = await buckets(args);
    expect(sumOf(found)).toBe(total);
    expect(new Set(found.map((bucket) => bucket.key)).size).toBe(found.length);
  });

  it("puts every statement taking no stance in the STANCE bucket keyed null", async () => {
    const found = await buckets("groupBy: STANCE");
    const silent = await world().handle.db.$count(statements, sql`not exists (select 1 from ${stances} where ${stances.statementId} = ${statements.id})`);
    expect(found.find((bucket) => bucket.key === null)?.count ?? 0).toBe(silent);
    expect(silent > 0).toBe(someTakeNoStance);
  });
}

describe.each(BACKENDS)("statement statistics add up on the seed story on $name", (backend) => {
  let world: StatsWorld;
  beforeAll(async () => {
    world = await statsWorld(backend, "statements");
  });
  afterAll(() => world?.database.dispose());
  checkTotals(() => world, false);
});

describeRealSamples("statement statistics add up on the GDELT sample", () => {
  describe.each(BACKENDS)("on $name", (backend) => {
    let world: StatsWorld;
    beforeAll(async () => {
      world = await statsWorld(backend, "statements", { format: "gdelt", path: REAL_GDELT_EVENTS });
    }, 120_000);
    afterAll(() => world?.database.dispose());
    checkTotals(() => world, true);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("statement statistics add up on postgres"));
