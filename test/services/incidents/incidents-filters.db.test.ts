// Filtering and sorting `incidents`: every condition alone, together, both orders with
// their cursors, and the bad inputs each one refuses.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subgraphNamed } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type SubgraphUnderTest, subgraphUnderTest } from "../../support/execute.js";
import { incidentWorld as w, insertIncidentWorld } from "../../support/fixtures.js";

const OLDEST_FIRST = [w.shellingDonetsk, w.clashBakhmut, w.captureKupiansk, w.protestKyiv, w.riotTbilisi, w.strikeBelgorod, w.exchangeAgreement];

describe.each(BACKENDS)("incident filters and sort on $name", (backend) => {
  let incidents: SubgraphUnderTest;
  beforeAll(async () => {
    incidents = await subgraphUnderTest(backend, subgraphNamed("incidents"), (handle) => insertIncidentWorld(handle.db));
  });
  afterAll(() => incidents.database.dispose());

  /** The IDs a filter lists, in the order it lists them, and its totalCount. */
  const listed = async (filter: string, sort = "") => {
    const { data, errors } = await incidents.execute(`{ incidents(first: 50, filter: ${filter}${sort}) { totalCount edges { node { id } } } }`);
    expect(errors).toBeUndefined();
    const ids = data.incidents.edges.map((edge: any) => edge.node.id);
    expect(data.incidents.totalCount).toBe(ids.length);
    return ids;
  };

  it.each([
    ["one type", `{ type: CAPTURE }`, [w.captureKupiansk]],
    ["any of several types", `{ types: [RIOT, PROTEST] }`, [w.protestKyiv, w.riotTbilisi]],
    ["a type among types", `{ type: RIOT, types: [RIOT, PROTEST] }`, [w.riotTbilisi]],
    ["a status", `{ status: DISPUTED }`, [w.riotTbilisi]],
    ["a country", `{ country: "UKR" }`, [w.shellingDonetsk, w.clashBakhmut, w.captureKupiansk, w.protestKyiv]],
    ["an area", `{ admin1: "Donetsk" }`, [w.shellingDonetsk, w.clashBakhmut]],
    ["an area only a non-primary place is in", `{ admin1: "Luhansk" }`, []],
    ["an area in another country", `{ country: "RUS", admin1: "Donetsk" }`, []],
    ["a date range", `{ occurred: { from: "2024-03-01", to: "2024-05-31" } }`, [w.captureKupiansk, w.protestKyiv, w.riotTbilisi, w.strikeBelgorod]],
    ["an open-ended date range", `{ occurred: { from: "2024-05-20" } }`, [w.strikeBelgorod, w.exchangeAgreement]],
    [
      "an actor in any role, once per incident",
      `{ participant: { actor: "${w.ukrainianForces}" } }`,
      [w.shellingDonetsk, w.clashBakhmut, w.captureKupiansk, w.strikeBelgorod, w.exchangeAgreement],
    ],
    ["an actor in one role", `{ participant: { actor: "${w.russianForces}", role: CAPTOR } }`, [w.captureKupiansk]],
    ["an actor who took part in nothing", `{ participant: { actor: "meridian:nobody" } }`, []],
    ["a box around Donetsk", `{ bbox: { minLatitude: 47.5, maxLatitude: 49, minLongitude: 37, maxLongitude: 38.5 } }`, [w.shellingDonetsk, w.clashBakhmut]],
    ["a box only a non-primary place is in", `{ bbox: { minLatitude: 48.8, maxLatitude: 49, minLongitude: 38.1, maxLongitude: 38.4 } }`, []],
    [
      "the whole world: every incident with coordinates",
      `{ bbox: { minLatitude: -90, maxLatitude: 90, minLongitude: -180, maxLongitude: 180 } }`,
      [w.shellingDonetsk, w.clashBakhmut, w.captureKupiansk, w.protestKyiv, w.strikeBelgorod],
    ],
    ["deaths", `{ hasFatalities: true }`, [w.shellingDonetsk, w.clashBakhmut, w.riotTbilisi, w.strikeBelgorod]],
    ["no deaths reported, zero or unknown", `{ hasFatalities: false }`, [w.captureKupiansk, w.protestKyiv, w.exchangeAgreement]],
    ["a range of deaths", `{ fatalities: { min: 3, max: 5 } }`, [w.shellingDonetsk, w.strikeBelgorod]],
    ["at least so many deaths", `{ fatalities: { min: 10 } }`, [w.clashBakhmut]],
    ["at most zero deaths, leaving unknown tolls out", `{ fatalities: { max: 0 } }`, [w.captureKupiansk]],
    ["a dataset", `{ dataset: "MERIDIAN" }`, [w.captureKupiansk, w.exchangeAgreement]],
    [
      "several conditions at once",
      `{ country: "UKR", hasFatalities: true, participant: { actor: "${w.ukrainianForces}", role: SIDE_B }, dataset: "ACLED" }`,
      [w.clashBakhmut],
    ],
  ])("lists incidents by %s, oldest first, counting them", async (_name, filter, expected) => {
    expect(await listed(filter)).toEqual(expected);
  });

  it("sorts newest first, and oldest first by default or when asked", async () => {
    expect(await listed("{}", `, sort: { by: OCCURRED_AT, order: DESC }`)).toEqual([...OLDEST_FIRST].reverse());
    expect(await listed("{}", `, sort: { order: ASC }`)).toEqual(OLDEST_FIRST);
    expect(await listed("{}")).toEqual(OLDEST_FIRST);
    expect(await listed(`{ country: "UKR", hasFatalities: true }`, `, sort: { order: DESC }`)).toEqual([w.clashBakhmut, w.shellingDonetsk]);
  });

  it.each([
    ["ASC", OLDEST_FIRST],
    ["DESC", [...OLDEST_FIRST].reverse()],
  ])("pages through every incident %s with keyset cursors, none twice", async (order, expected) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { data, errors }: { data?: any; errors?: readonly any[] } = await incidents.execute(
        `query($after: String) { incidents(first: 3, after: $after, sort: { order: ${order} }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      seen.push(...data.incidents.edges.map((edge: any) => edge.node.id));
      if (!data.incidents.pageInfo.hasNextPage) break;
      after = data.incidents.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it("keeps a cursor's place while incidents are inserted before and after it", async () => {
    const page = `query($after: String) { incidents(first: 3, after: $after) { edges { node { id } } pageInfo { endCursor } } }`;
    const first = await incidents.execute(page, { after: null });
    const db = incidents.database.handle.db;
    const insert = (id: string, day: string) =>
      db.execute(sql`insert into incidents.incidents (id, type, title, start_on, start_precision, status, dataset)
        values (${id}, 'OTHER', 'Inserted while paging', ${day}, 'DAY', 'REPORTED', 'MERIDIAN')`);
    try {
      await insert("meridian:inserted-before-the-cursor", "2000-01-01");
      await insert("meridian:inserted-after-the-cursor", "2030-01-01");
      const rest = await incidents.execute(page.replace("first: 3", "first: 50"), { after: first.data.incidents.pageInfo.endCursor });
      const ids = (result: any) => result.data.incidents.edges.map((edge: any) => edge.node.id);
      // An offset would have shifted by one and repeated the third incident.
      expect(ids(first)).toEqual(OLDEST_FIRST.slice(0, 3));
      expect(ids(rest)).toEqual([...OLDEST_FIRST.slice(3), "meridian:inserted-after-the-cursor"]);
    } finally {
      await db.execute(sql`delete from incidents.incidents where id like 'meridian:inserted-%'`);
    }
  });

  it("refuses a cursor from the list in the other order", async () => {
    const { data } = await incidents.execute(`{ incidents(first: 2) { pageInfo { endCursor } } }`);
    const { errors } = await incidents.execute(`query($after: String) { incidents(after: $after, sort: { order: DESC }) { totalCount } }`, {
      after: data.incidents.pageInfo.endCursor,
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "after" });
    expect(errors?.[0]?.message).toContain("OCCURRED_AT ASC");
  });

  it.each([
    [`{ occurred: { from: "2024-05-01", to: "2024-04-01" } }`, "filter.occurred.from"],
    [`{ occurred: { from: "2024-02-30" } }`, "filter.occurred.from"],
    [`{ bbox: { minLatitude: -91, maxLatitude: 10, minLongitude: 0, maxLongitude: 10 } }`, "filter.bbox.minLatitude"],
    [`{ bbox: { minLatitude: 0, maxLatitude: 10, minLongitude: 0, maxLongitude: 180.5 } }`, "filter.bbox.maxLongitude"],
    [`{ bbox: { minLatitude: 20, maxLatitude: 10, minLongitude: 0, maxLongitude: 10 } }`, "filter.bbox.minLatitude"],
    [`{ bbox: { minLatitude: 0, maxLatitude: 10, minLongitude: 170, maxLongitude: -170 } }`, "filter.bbox.minLongitude"],
    [`{ fatalities: { min: 5, max: 2 } }`, "filter.fatalities.min"],
    [`{ fatalities: { max: -1 } }`, "filter.fatalities.max"],
    [`{ types: [] }`, "filter.types"],
    [`{ country: "Ukraine" }`, "filter.country"],
    [`{ admin1: "  " }`, "filter.admin1"],
    [`{ dataset: "acled" }`, "filter.dataset"],
    [`{ participant: { actor: "81st brigade" } }`, "filter.participant.actor"],
  ])("rejects the filter %s naming %s", async (filter, argumentName) => {
    const { errors } = await incidents.execute(`{ incidents(filter: ${filter}) { totalCount } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
    expect(errors?.[0]?.message).toContain(`Argument "${argumentName}"`);
  });

  it("costs the same number of SQL queries for a filtered page of one incident as for a page of all", async () => {
    const query = `query($first: Int!) { incidents(first: $first, filter: { participant: { actor: "${w.ukrainianForces}" }, bbox: { minLatitude: -90, maxLatitude: 90, minLongitude: -180, maxLongitude: 180 } }, sort: { order: DESC }) {
      totalCount edges { node { place { name } participants { role actor { id } } } } } }`;
    const one = await incidents.execute(query, { first: 1 });
    const all = await incidents.execute(query, { first: 50 });
    expect(all.data.incidents.edges).toHaveLength(4);
    expect(all.sqlStatements).toBe(one.sqlStatements);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("incident filters and sort on postgres"));
