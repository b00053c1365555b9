// Incident statistics for dashboards: counts and deaths per period (empty periods filled),
// type, country, area and actor, under any filter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subgraphNamed } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type SubgraphUnderTest, subgraphUnderTest } from "../../support/execute.js";
import { incidentWorld as w, insertIncidentWorld } from "../../support/fixtures.js";

const period = (start: string, count: number, fatalities: number) => ({ key: start, start, count, fatalities });

describe.each(BACKENDS)("incident statistics on $name", (backend) => {
  let incidents: SubgraphUnderTest;
  beforeAll(async () => {
    incidents = await subgraphUnderTest(backend, subgraphNamed("incidents"), (handle) => insertIncidentWorld(handle.db));
  });
  afterAll(() => incidents.database.dispose());

  const stats = async (args: string, fields = "key start count fatalities") => {
    const result = await incidents.execute(`{ incidentStats(${args}) { ${fields} } }`);
    expect(result.errors).toBeUndefined();
    expect(result.sqlStatements).toBe(1);
    return result.data.incidentStats;
  };

  it("counts incidents and deaths per month from the first incident to the last, empty months as zeros", async () => {
    expect(await stats("groupBy: TIME, interval: MONTH")).toEqual([
      period("2024-01-01", 2, 15),
      period("2024-02-01", 0, 0),
      period("2024-03-01", 2, 0),
      period("2024-04-01", 0, 0),
      period("2024-05-01", 2, 6),
      period("2024-06-01", 0, 0),
      period("2024-07-01", 1, 0),
    ]);
  });

  it("spans the filter's date range, beyond the incidents found", async () => {
    expect(await stats(`groupBy: TIME, interval: MONTH, filter: { occurred: { from: "2023-12-15", to: "2024-02-29" } }`)).toEqual([
      period("2023-12-01", 0, 0),
      period("2024-01-01", 2, 15),
      period("2024-02-01", 0, 0),
    ]);
    expect(await stats(`groupBy: TIME, interval: YEAR, filter: { occurred: { from: "2023-06-01" }, type: AGREEMENT }`)).toEqual([
      period("2023-01-01", 0, 0),
      period("2024-01-01", 1, 0),
    ]);
  });

  it("buckets weeks from Monday and days by day", async () => {
    expect(await stats(`groupBy: TIME, interval: WEEK, filter: { occurred: { from: "2024-01-15", to: "2024-01-31" } }`)).toEqual([
      period("2024-01-15", 2, 15),
      period("2024-01-22", 0, 0),
      period("2024-01-29", 0, 0),
    ]);
    expect(await stats(`groupBy: TIME, interval: DAY, filter: { occurred: { from: "2024-01-19", to: "2024-01-21" } }`)).toEqual([
      period("2024-01-19", 0, 0),
      period("2024-01-20", 1, 12),
      period("2024-01-21", 0, 0),
    ]);
  });

  it("gives no periods when nothing matches and the filter gives no dates, and zeros when it does", async () => {
    expect(await stats(`groupBy: TIME, interval: MONTH, filter: { country: "FRA" }`)).toEqual([]);
    expect(await stats(`groupBy: TIME, interval: MONTH, filter: { country: "FRA", occurred: { from: "2024-01-10" } }`)).toEqual([period("2024-01-01", 0, 0)]);
  });

  it("counts by type, largest first, ties by key", async () => {
    expect(await stats("groupBy: TYPE", "key type count fatalities")).toEqual([
      { key: "REMOTE_VIOLENCE", type: "REMOTE_VIOLENCE", count: 2, fatalities: 8 },
      { key: "AGREEMENT", type: "AGREEMENT", count: 1, fatalities: 0 },
      { key: "ARMED_CLASH", type: "ARMED_CLASH", count: 1, fatalities: 12 },
      { key: "CAPTURE", type: "CAPTURE", count: 1, fatalities: 0 },
      { key: "PROTEST", type: "PROTEST", count: 1, fatalities: 0 },
      { key: "RIOT", type: "RIOT", count: 1, fatalities: 1 },
    ]);
  });

  it("counts by the primary place's country and area, incidents without one in a bucket keyed null", async () => {
    expect(await stats("groupBy: COUNTRY", "key country count fatalities")).toEqual([
      { key: "UKR", country: "UKR", count: 4, fatalities: 15 },
      { key: "GEO", country: "GEO", count: 1, fatalities: 1 },
      { key: "RUS", country: "RUS", count: 1, fatalities: 5 },
      { key: null, country: null, count: 1, fatalities: 0 },
    ]);
    expect(await stats("groupBy: ADMIN1", "key country admin1 count")).toEqual([
      { key: "UKR/Donetsk", country: "UKR", admin1: "Donetsk", count: 2 },
      { key: "GEO/Tbilisi", country: "GEO", admin1: "Tbilisi", count: 1 },
      { key: "RUS/Belgorod", country: "RUS", admin1: "Belgorod", count: 1 },
      { key: "UKR/Kharkiv", country: "UKR", admin1: "Kharkiv", count: 1 },
      { key: "UKR/Kyiv City", country: "UKR", admin1: "Kyiv City", count: 1 },
      { key: null, country: null, admin1: null, count: 1 },
    ]);
  });

  it("counts by actor, each incident once per actor whatever its roles, the actor as a federated reference", async () => {
    expect(await stats("groupBy: ACTOR", "key actor { id } count fatalities")).toEqual([
      { key: w.ukrainianForces, actor: { id: w.ukrainianForces }, count: 5, fatalities: 20 },
      { key: w.russianForces, actor: { id: w.russianForces }, count: 3, fatalities: 12 },
      { key: w.civilians, actor: { id: w.civilians }, count: 2, fatalities: 8 },
      { key: w.protesters, actor: { id: w.protesters }, count: 2, fatalities: 1 },
      { key: w.police, actor: { id: w.police }, count: 1, fatalities: 1 },
    ]);
  });

  it("counts under any filter and keeps the largest buckets when asked for fewer", async () => {
    expect(await stats(`groupBy: ACTOR, filter: { participant: { actor: "${w.russianForces}" }, hasFatalities: false }`, "key count")).toEqual([
      { key: w.russianForces, count: 2 },
      { key: w.ukrainianForces, count: 2 },
    ]);
    expect(await stats(`groupBy: COUNTRY, filter: { bbox: { minLatitude: 45, maxLatitude: 55, minLongitude: 30, maxLongitude: 40 } }`, "key count")).toEqual([
      { key: "UKR", count: 4 },
      { key: "RUS", count: 1 },
    ]);
    expect(await stats(`groupBy: TYPE, first: 2, filter: { dataset: "ACLED" }`, "key count")).toEqual([
      { key: "ARMED_CLASH", count: 1 },
      { key: "PROTEST", count: 1 },
    ]);
  });

  it.each([
    [`groupBy: TIME`, "interval"],
    [`groupBy: TIME, interval: DAY, filter: { occurred: { from: "1900-01-01", to: "2100-01-01" } }`, "interval"],
    [`groupBy: TYPE, filter: { occurred: { from: "2024-05-01", to: "2024-01-01" } }`, "filter.occurred.from"],
    [`groupBy: ACTOR, filter: { fatalities: { min: 3, max: 1 } }`, "filter.fatalities.min"],
    [`groupBy: COUNTRY, first: 501`, "first"],
  ])("rejects %s naming %s", async (args, argumentName) => {
    const { errors } = await incidents.execute(`{ incidentStats(${args}) { key } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("incident statistics on postgres"));
