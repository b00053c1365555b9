import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_SEARCH_LENGTH } from "../../../services/kit/search/search-text.js";
import { subgraphNamed } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type SubgraphUnderTest, subgraphUnderTest } from "../../support/execute.js";
import { actorWorld as w, insertActorWorld } from "../../support/fixtures.js";

const HIT_FIELDS = `score matchedAlias { scheme value validFrom validTo } actor { id name }`;

describe.each(BACKENDS)("fuzzy actor search on $name", (backend) => {
  let actors: SubgraphUnderTest;
  const search = async (query: string, args = "") => {
    const { data, errors } = await actors.execute(
      `query($query: String!) { searchActors(query: $query${args}) { totalCount edges { cursor node { ${HIT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      { query },
    );
    expect(errors).toBeUndefined();
    return data.searchActors;
  };
  const hits = (connection: any) => connection.edges.map((edge: any) => edge.node);

  beforeAll(async () => {
    actors = await subgraphUnderTest(backend, subgraphNamed("actors"), (handle) => insertActorWorld(handle.db));
  });
  afterAll(() => actors.database.dispose());

  it.each([
    ["Zelenskyy", { scheme: "FREE", value: "Zelenskyy", validFrom: null, validTo: null }],
    ["Zelenskiy", { scheme: "FREE", value: "Zelenskiy", validFrom: null, validTo: null }],
    // The surname alone resembles the alias "Zelenskyy" more than the full name.
    ["zelensky", { scheme: "FREE", value: "Zelenskyy", validFrom: null, validTo: null }],
  ])("finds Volodymyr Zelensky first for %s, by the alias that matched best", async (query, matchedAlias) => {
    const [best] = hits(await search(query));
    expect(best.actor).toEqual({ id: w.zelensky, name: "Volodymyr Zelensky" });
    expect(best.matchedAlias).toEqual(matchedAlias);
  });

  it("gives an exact spelling the full score", async () => {
    const [best] = hits(await search("Zelenskyy"));
    expect(best.score).toBe(1);
  });

  it("normalizes the query as aliases are normalized: case, accents, apostrophes, spacing", async () => {
    const [best] = hits(await search("  ZELÉNS'KYY "));
    expect(best).toMatchObject({ score: 1, actor: { id: w.zelensky }, matchedAlias: { value: "Zelenskyy" } });
  });

  it("gives one hit per actor, best first, a near name after the actor it is", async () => {
    const found = hits(await search("Zelensky"));
    expect(found.map((hit: any) => hit.actor.name)).toEqual(["Volodymyr Zelensky", "Olena Zelenska"]);
    expect(found[0].score).toBeGreaterThan(found[1].score);
  });

  it("reports the alias with its validity when an alias matched, null when the name did", async () => {
    const found = hits(await search("President of Ukraine"));
    expect(found.slice(0, 2)).toEqual([
      expect.objectContaining({
        actor: { id: w.poroshenko, name: "Petro Poroshenko" },
        matchedAlias: { scheme: "TITLE", value: "President of Ukraine", validFrom: "2014-06-07", validTo: "2019-05-20" },
      }),
      expect.objectContaining({
        actor: { id: w.zelensky, name: "Volodymyr Zelensky" },
        matchedAlias: { scheme: "TITLE", value: "President of Ukraine", validFrom: "2019-05-20", validTo: null },
      }),
    ]);
    expect(found[0].score).toBe(found[1].score);
    const [lin] = hits(await search("Lin Jian"));
    expect(lin).toEqual({ score: 1, matchedAlias: null, actor: { id: w.linJian, name: "Lin Jian" } });
  });

  it("finds an actor by a dataset's name for it", async () => {
    const [best] = hits(await search("Military Forces of Russia"));
    expect(best).toMatchObject({ actor: { id: w.russianForces }, matchedAlias: { scheme: "ACLED", value: "Military Forces of Russia (2022-)" } });
  });

  it("ranks a whole-name match above names that merely contain the query", async () => {
    const found = hits(await search("Ukraine"));
    expect(found[0]).toMatchObject({ score: 1, matchedAlias: null, actor: { id: w.ukraine } });
    expect(found.slice(1).every((hit: any) => hit.score < 1)).toBe(true);
  });

  it("orders hits by score, then by actor ID", async () => {
    const found = hits(await search("Wang"));
    const order = found.map((hit: any) => [-hit.score, hit.actor.id]);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
    expect(found.map((hit: any) => hit.actor.id)).toEqual(expect.arrayContaining([w.wangGuangjun, w.wangWenbin]));
  });

  it("pages through the hits with cursors that find their place again", async () => {
    const all = await search("Ukraine", ", first: 50");
    expect(all.totalCount).toBeGreaterThan(3);
    const paged: any[] = [];
    let after: string | null = null;
    do {
      const page: any = await search("Ukraine", `, first: 2${after ? `, after: "${after}"` : ""}`);
      expect(page.totalCount).toBe(all.totalCount);
      paged.push(...hits(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(hits(all));
  });

  it("searches only among the actors that meet the filter", async () => {
    const found = await search("Ukraine", `, filter: { kind: PERSON, relation: { predicate: LEADER_OF, at: "2015-01-01" } }`);
    expect(hits(found).map((hit: any) => hit.actor.name)).toEqual(["Petro Poroshenko"]);
    expect(found.totalCount).toBe(1);
  });

  it("answers a search without hits with an empty page", async () => {
    expect(await search("Xylophone Quartet")).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    expect(await search("!!!")).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it("reads hits with their actors' aliases and relations in a fixed number of statements", async () => {
    const operation = (first: number) =>
      `{ searchActors(query: "Ukraine", first: ${first}) { edges { node { actor { aliases { value } relations(at: "2020-01-01") { edges { node { id } } } } } } } }`;
    const few = await actors.execute(operation(1));
    const many = await actors.execute(operation(10));
    expect(few.sqlStatements).toBe(3);
    expect(many.sqlStatements).toBe(few.sqlStatements);
  });

  it.each([
    [`searchActors(query: "")`, "query"],
    [`searchActors(query: "   ")`, "query"],
    [`searchActors(query: "${"z".repeat(MAX_SEARCH_LENGTH + 1)}")`, "query"],
    [`searchActors(query: "zelensky", first: 501)`, "first"],
    [`searchActors(query: "zelensky", after: "garbage")`, "after"],
    [`searchActors(query: "zelensky", after: "${Buffer.from(JSON.stringify(["high", "meridian:x"])).toString("base64url")}")`, "after"],
  ])("rejects %s naming %s", async (field, argumentName) => {
    const { errors } = await actors.execute(`{ ${field} { totalCount } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("fuzzy actor search on postgres"));
