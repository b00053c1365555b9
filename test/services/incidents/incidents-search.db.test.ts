// Full-text search over incident titles and summaries: ranking, excerpts, filters, paging
// and the queries it refuses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { RANKED_MATCHES } from "../../../services/kit/search/ranked-matches.js";
import { MAX_SEARCH_LENGTH } from "../../../services/kit/search/search-text.js";
import { subgraphNamed } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type SubgraphUnderTest, subgraphUnderTest } from "../../support/execute.js";
import { incidentWorld as w, insertIncidentWorld } from "../../support/fixtures.js";

describe.each(BACKENDS)("incident search on $name", (backend) => {
  let incidents: SubgraphUnderTest;
  beforeAll(async () => {
    incidents = await subgraphUnderTest(backend, subgraphNamed("incidents"), (handle) => insertIncidentWorld(handle.db));
  });
  afterAll(() => incidents.database.dispose());

  const search = async (query: string, args = "") => {
    const { data, errors } = await incidents.execute(
      `query($query: String!) { searchIncidents(query: $query${args}) { totalCount edges { node { score snippet incident { id } } } } }`,
      { query },
    );
    expect(errors).toBeUndefined();
    return data.searchIncidents;
  };
  const hitIds = (result: any) => result.edges.map((edge: any) => edge.node.incident.id);

  it("finds every form of a word, a title match ranked above summary matches, with its excerpt", async () => {
    const result = await search("captured");
    expect(result.totalCount).toBe(3);
    expect(hitIds(result)[0]).toBe(w.captureKupiansk);
    expect(new Set(hitIds(result))).toEqual(new Set([w.captureKupiansk, w.protestKyiv, w.exchangeAgreement]));
    expect(result.edges[0].node.snippet).toBe("Russian forces <b>captured</b> three Ukrainian soldiers near Kupiansk.");
    const scores = result.edges.map((edge: any) => edge.node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(scores[1]);
  });

  it("excerpts the title when only the title matches", async () => {
    const result = await search("prisoner exchange");
    expect(result.edges).toEqual([
      { node: { score: expect.any(Number), snippet: "<b>Prisoner</b> <b>exchange</b> agreement", incident: { id: w.exchangeAgreement } } },
    ]);
  });

  it("gives excerpts as HTML: the text escaped, markup in it dropped, only matches in <b>", async () => {
    const result = await search("protesters");
    expect(result.edges[0].node.snippet).toBe("<b>Protesters</b> in Kyiv demanded the return of captured soldiers &amp; prisoners of war.");
  });

  it("understands phrases, or and minus as a web search does", async () => {
    expect(hitIds(await search(`"city centre"`))).toEqual([w.shellingDonetsk]);
    expect(new Set(hitIds(await search("riot or drone")))).toEqual(new Set([w.riotTbilisi, w.strikeBelgorod]));
    expect(new Set(hitIds(await search("captured -kyiv")))).toEqual(new Set([w.captureKupiansk, w.exchangeAgreement]));
  });

  it("applies an incident filter to the hits, and counts under it", async () => {
    const result = await search("captured", `, filter: { country: "UKR", occurred: { to: "2024-03-31" } }`);
    expect(result.totalCount).toBe(2);
    expect(hitIds(result)).toEqual([w.captureKupiansk, w.protestKyiv]);
  });

  it.each(["volcano", "the"])("answers a search without hits (%s) with an empty page", async (query) => {
    expect(await search(query)).toEqual({ totalCount: 0, edges: [] });
  });

  it("pages through hits best first with keyset cursors, none twice, ties in a stable order", async () => {
    const all = hitIds(await search("soldiers", ", first: 10"));
    expect(all).toHaveLength(4);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { data }: { data?: any } = await incidents.execute(
        `query($after: String) { searchIncidents(query: "soldiers", first: 1, after: $after) { edges { node { incident { id } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...hitIds(data.searchIncidents));
      if (!data.searchIncidents.pageInfo.hasNextPage) break;
      after = data.searchIncidents.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  it.each([
    [`query: ""`, "query"],
    [`query: "   "`, "query"],
    [`query: "${"war ".repeat(MAX_SEARCH_LENGTH)}"`, "query"],
    [`query: "war", first: 501`, "first"],
    [`query: "war", after: "WyJ4Il0"`, "after"],
    [`query: "war", after: "WyJPQ0NVUlJFRF9BVCBBU0MiLCIyMDI0LTAxLTE1IiwieCJd"`, "after"],
    [`query: "war", filter: { bbox: { minLatitude: 0, maxLatitude: 95, minLongitude: 0, maxLongitude: 10 } }`, "filter.bbox.maxLatitude"],
  ])("rejects %s naming %s", async (args, argumentName) => {
    const { errors } = await incidents.execute(`{ searchIncidents(${args}) { totalCount } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
  });

  it("costs the same number of SQL queries for a page of one hit as for a page of all", async () => {
    const query = `query($first: Int!) { searchIncidents(query: "soldiers", first: $first) { totalCount edges { node { snippet incident { place { name } participants { actor { id } } } } } } }`;
    const one = await incidents.execute(query, { first: 1 });
    const all = await incidents.execute(query, { first: 50 });
    expect(all.data.searchIncidents.edges).toHaveLength(4);
    expect(all.sqlStatements).toBe(one.sqlStatements);
  });

  // Last: it adds incidents. A broad query ranks only the newest RANKED_MATCHES matches.
  it("ranks the most recent matches of a broad query and counts every match", async () => {
    const extra = RANKED_MATCHES + 3;
    await incidents.database.handle.db.execute(
      sql.raw(`insert into incidents.incidents (id, type, title, start_on, start_precision, status, dataset)
        select 'acled:airship-' || i, 'OTHER', 'Airship seen over town ' || i, date '2000-01-01' + i, 'DAY', 'REPORTED', 'ACLED'
        from generate_series(1, ${extra}) as i`),
    );
    const numbers: number[] = [];
    let after: string | null = null;
    let totalCount = 0;
    do {
      const { data, errors } = await incidents.execute(
        `query($after: String) { searchIncidents(query: "airship", first: 500, after: $after) { totalCount edges { node { incident { id } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      numbers.push(...data.searchIncidents.edges.map((edge: any) => Number(edge.node.incident.id.split("-").at(-1))));
      totalCount = data.searchIncidents.totalCount;
      after = data.searchIncidents.pageInfo.hasNextPage ? data.searchIncidents.pageInfo.endCursor : null;
    } while (after);
    expect(totalCount).toBe(extra);
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: RANKED_MATCHES }, (_, index) => index + 4));
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("incident search on postgres"));
