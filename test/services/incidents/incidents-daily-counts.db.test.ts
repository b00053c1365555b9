// The daily tallies behind totalCount and time series (migration 0004_daily_counts) stay equal
// to a recount of the incidents through every kind of write: multi-row inserts, upserts as the
// import sends them, updates that move an incident to another day, country or death toll,
// deletes, and a rolled-back transaction; and totalCount answers from them as a count would.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client.js";
import { subgraphNamed } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type SubgraphUnderTest, subgraphUnderTest } from "../../support/execute.js";

interface Tally {
  country: string | null;
  start_on: string;
  incidents: number;
  fatalities: number;
}

async function rows(db: Database, query: string): Promise<Tally[]> {
  const result = await db.execute(sql.raw(query));
  // postgres.js answers an array of rows, PGlite an object holding them.
  return (Array.isArray(result) ? result : (result as unknown as { rows: Tally[] }).rows) as Tally[];
}

// Both tallies as kept, and as a GROUP BY of the incidents now gives them; days a tally took back to zero are left out.
async function keptAndRecounted(db: Database) {
  const normalise = (list: Tally[]) =>
    list.map((row) => ({ ...row, start_on: String(row.start_on).slice(0, 10), incidents: Number(row.incidents), fatalities: Number(row.fatalities) }));
  return {
    kept: normalise([
      ...(await rows(db, `select null as country, start_on::text, incidents, fatalities from incidents.incident_day_counts where incidents <> 0 order by 2`)),
      ...(await rows(
        db,
        `select country, start_on::text, incidents, fatalities from incidents.incident_country_day_counts where incidents <> 0 order by 1, 2`,
      )),
    ]),
    recounted: normalise([
      ...(await rows(
        db,
        `select null as country, start_on::text, count(*) as incidents, coalesce(sum(fatalities_best), 0) as fatalities from incidents.incidents group by 2 order by 2`,
      )),
      ...(await rows(
        db,
        `select country, start_on::text, count(*) as incidents, coalesce(sum(fatalities_best), 0) as fatalities from incidents.incidents where country is not null group by 1, 2 order by 1, 2`,
      )),
    ]),
  };
}

const insertIncidents = (from: number, to: number) => `
  insert into incidents.incidents (id, type, title, start_on, start_precision, status, dataset, fatalities_best, country)
  select 'acled:tally-' || i, 'ARMED_CLASH', 'Clash ' || i, date '2024-01-01' + (i % 40), 'DAY', 'REPORTED', 'ACLED',
    case when i % 3 = 0 then null else i % 7 end,
    case when i % 11 = 0 then null else (array['UKR','RUS','SYR'])[1 + i % 3] end
  from generate_series(${from}, ${to}) as i`;

describe.each(BACKENDS)("daily incident tallies on $name", (backend) => {
  let incidents: SubgraphUnderTest;
  let db: Database;
  beforeAll(async () => {
    incidents = await subgraphUnderTest(backend, subgraphNamed("incidents"), async () => {});
    db = incidents.database.handle.db;
  });
  afterAll(() => incidents.database.dispose());

  const expectInStep = async () => {
    const { kept, recounted } = await keptAndRecounted(db);
    expect(recounted.length).toBeGreaterThan(0);
    expect(kept).toEqual(recounted);
  };

  it("counts multi-row inserts, and upserts that insert some rows and update others", async () => {
    await db.execute(sql.raw(insertIncidents(1, 300)));
    await expectInStep();
    // As the import writes: new keys inserted, existing ones updated to another day, country and toll.
    await db.execute(
      sql.raw(`${insertIncidents(250, 400)}
        on conflict (id) do update set start_on = excluded.start_on + 100, country = 'SDN', fatalities_best = 1000`),
    );
    await expectInStep();
  });

  it("moves updated incidents between days and countries, and takes deleted ones away", async () => {
    await db.execute(
      sql`update incidents.incidents set start_on = start_on - 365, fatalities_best = coalesce(fatalities_best, 0) + 2 where id like 'acled:tally-1%'`,
    );
    await db.execute(sql`update incidents.incidents set country = null where id like 'acled:tally-2%'`);
    await db.execute(sql`update incidents.incidents set country = 'MLI' where country is null`);
    await expectInStep();
    await db.execute(sql`delete from incidents.incidents where id like 'acled:tally-3%'`);
    await expectInStep();
  });

  it("keeps nothing of a transaction that was rolled back", async () => {
    const before = await keptAndRecounted(db);
    let inside: Awaited<ReturnType<typeof keptAndRecounted>> | undefined;
    const rolledBack = db.transaction(async (transaction) => {
      await transaction.execute(sql.raw(insertIncidents(1000, 1100)));
      await transaction.execute(sql`delete from incidents.incidents where id like 'acled:tally-4%'`);
      inside = await keptAndRecounted(transaction as unknown as Database);
      throw new Error("roll back");
    });
    // It fails with our own error, not another, and its writes had moved the tallies before the rollback.
    await expect(rolledBack).rejects.toThrow("roll back");
    expect(inside!.kept).toEqual(inside!.recounted);
    expect(inside!.kept).not.toEqual(before.kept);
    expect(await keptAndRecounted(db)).toEqual(before);
  });

  it("answers totalCount and monthly series from the tallies exactly as counting the incidents does", async () => {
    const filters = [
      { filter: "{}", where: "true" },
      { filter: `{ country: "UKR" }`, where: "country = 'UKR'" },
      {
        filter: `{ country: "MLI", occurred: { from: "2024-01-10", to: "2024-02-05" } }`,
        where: "country = 'MLI' and start_on between '2024-01-10' and '2024-02-05'",
      },
      { filter: `{ occurred: { to: "2024-01-20" } }`, where: "start_on <= '2024-01-20'" },
      // Not tallied: counted from the incidents themselves.
      { filter: `{ country: "UKR", hasFatalities: true }`, where: "country = 'UKR' and fatalities_best > 0" },
    ];
    for (const { filter, where } of filters) {
      const result = await incidents.execute(`{ incidents(first: 1, filter: ${filter}) { totalCount } }`);
      expect(result.errors).toBeUndefined();
      const [expected] = await rows(db, `select count(*) as incidents from incidents.incidents where ${where}`);
      expect(result.data.incidents.totalCount, filter).toBe(Number(expected!.incidents));
    }
    const series = await incidents.execute(`{ incidentStats(groupBy: TIME, interval: MONTH, filter: { country: "MLI" }) { key count fatalities } }`);
    expect(series.errors).toBeUndefined();
    const months = await rows(
      db,
      `select to_char(date_trunc('month', start_on::timestamp), 'YYYY-MM-DD') as start_on, count(*) as incidents, coalesce(sum(fatalities_best), 0) as fatalities
       from incidents.incidents where country = 'MLI' group by 1 order by 1`,
    );
    const nonEmpty = series.data.incidentStats.filter((bucket: { count: number }) => bucket.count > 0);
    expect(nonEmpty).toEqual(months.map((month) => ({ key: month.start_on, count: Number(month.incidents), fatalities: Number(month.fatalities) })));
    expect(nonEmpty.length).toBeGreaterThan(1);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("daily incident tallies on postgres"));
