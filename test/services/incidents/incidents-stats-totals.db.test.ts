// Every incident counted is in a bucket of incidentStats, whatever the grouping: incidents with
// no value to group by (no country or area, as events at sea; no participant) are one bucket
// keyed null. Checked on the seed story and on the real ACLED Somalia sample, which has such events.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { incidents, participants } from "../../../services/incidents/data/tables.js";
import { describeRealSamples } from "../../support/real-samples.js";
import { type StatsWorld, statsWorld } from "../../support/stats-world.js";
import { REAL_ACLED_SOMALIA } from "../../ingest/import/support/sample-files.js";

interface Bucket {
  key: string | null;
  count: number;
  fatalities: number;
}

const PARTITIONS = ["groupBy: TIME, interval: MONTH", "groupBy: TIME, interval: YEAR", "groupBy: TYPE", "groupBy: COUNTRY", "groupBy: ADMIN1"];

function checkTotals(world: () => StatsWorld, filters: string[]) {
  const total = async (filter: string) => {
    const data = await world().ask(`{ incidents(filter: ${filter}) { totalCount } }`);
    return data.incidents.totalCount as number;
  };
  const buckets = async (args: string, filter: string): Promise<Bucket[]> => {
    const data = await world().ask(`{ incidentStats(${args}, filter: ${filter}, first: 500) { key count fatalities } }`);
    return data.incidentStats;
  };

  for (const filter of filters) {
    it.each(PARTITIONS)(`sums the buckets of %s to the incidents counted, filter ${filter}`, async (args) => {
      const found = await buckets(args, filter);
      expect(found.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(await total(filter));
      expect(new Set(found.map((bucket) => bucket.key)).size).toBe(found.length);
    });
  }

  it("puts every incident without participants in the ACTOR bucket keyed null", async () => {
    const found = await buckets("groupBy: ACTOR", "{}");
    const lonely = await world().handle.db.$count(
      incidents,
      sql`not exists (select 1 from ${participants} where ${participants.incidentId} = ${incidents.id})`,
    );
    expect(found.find((bucket) => bucket.key === null)?.count ?? 0).toBe(lonely);
    expect(found.reduce((sum, bucket) => sum + bucket.count, 0)).toBeGreaterThanOrEqual(await total("{}"));
  });
}

describe.each(BACKENDS)("incident statistics add up on the seed story on $name", (backend) => {
  let world: StatsWorld;
  beforeAll(async () => {
    world = await statsWorld(backend, "incidents");
  });
  afterAll(() => world?.database.dispose());
  checkTotals(() => world, ["{}", `{ country: "UKR" }`, `{ hasFatalities: true }`]);
});

describeRealSamples("incident statistics add up on the ACLED Somalia sample", () => {
  describe.each(BACKENDS)("on $name", (backend) => {
    let world: StatsWorld;
    beforeAll(async () => {
      world = await statsWorld(backend, "incidents", { format: "acled", path: REAL_ACLED_SOMALIA });
    }, 120_000);
    afterAll(() => world?.database.dispose());
    checkTotals(() => world, ["{}", `{ country: "SOM" }`, `{ dataset: "ACLED" }`]);

    it("gives the events at sea, which have no area, a bucket of their own", async () => {
      const data = await world.ask(`{ incidentStats(groupBy: ADMIN1, filter: { dataset: "ACLED" }, first: 500) { key country admin1 count } }`);
      expect(data.incidentStats).toContainEqual({ key: null, country: null, admin1: null, count: 3 });
    });
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("incident statistics add up on postgres"));
