// Full-text search over statement texts, on both backends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { encodeCursor } from "../../../services/kit/pages/pagination.js";
import { RANKED_MATCHES } from "../../../services/kit/search/ranked-matches.js";
import { subgraphNamed } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type SubgraphUnderTest, subgraphUnderTest } from "../../support/execute.js";
import { insertStatementWorld, statementWorld as w } from "../../support/fixtures.js";

const searchQuery = `query($query: String!, $first: Int, $after: String, $filter: StatementFilter) {
  searchStatements(query: $query, first: $first, after: $after, filter: $filter) {
    totalCount
    edges { node { score snippet statement { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Hit {
  score: number;
  snippet: string;
  statement: { id: string };
}

describe.each(BACKENDS)("statement search on $name", (backend) => {
  let statements: SubgraphUnderTest;
  const search = async (variables: Record<string, unknown>) => {
    const { data, errors } = await statements.execute(searchQuery, variables);
    expect(errors).toBeUndefined();
    const hits = data.searchStatements.edges.map((edge: { node: Hit }) => edge.node) as Hit[];
    return { hits, ids: hits.map((hit) => hit.statement.id), totalCount: data.searchStatements.totalCount as number, pageInfo: data.searchStatements.pageInfo };
  };

  beforeAll(async () => {
    statements = await subgraphUnderTest(backend, subgraphNamed("statements"), (handle) => insertStatementWorld(handle.db));
  });
  afterAll(() => statements.database.dispose());

  it("finds every statement with all the words, best first, each with an excerpt marking them", async () => {
    const { hits, ids, totalCount } = await search({ query: "grain port" });
    expect(totalCount).toBe(3);
    expect(new Set(ids)).toEqual(new Set([w.strikeReported, w.imagesConfirm, w.accusationsBaseless]));
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const hit of hits) {
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.snippet).toContain("<b>grain</b>");
      expect(hit.snippet).toContain("<b>port</b>");
    }
  });

  it("matches other forms of a word and marks the form found", async () => {
    const { hits } = await search({ query: "trained" });
    expect(hits.map((hit) => [hit.statement.id, hit.snippet])).toEqual(
      expect.arrayContaining([
        [w.recruitsTrained, "Foreign recruits are <b>trained</b> at bases near Moscow before they are sent to the front."],
        [w.nobodyTrains, "Nobody is <b>training</b> foreign recruits near Moscow."],
      ]),
    );
  });

  it("understands phrases and exclusions, web-search style", async () => {
    expect((await search({ query: `"grain port"` })).ids).toEqual([w.strikeReported]);
    expect((await search({ query: "recruits -nobody" })).ids).toEqual([w.recruitsTrained]);
    expect(new Set((await search({ query: "drones or satellite" })).ids)).toEqual(new Set([w.strikeReported, w.imagesConfirm]));
  });

  it("escapes the text of an excerpt as HTML, only the marks being tags", async () => {
    const { hits } = await search({ query: "restraint" });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.snippet).toContain("exercise <b>restraint</b> &amp; to verify");
    expect(hits[0]!.snippet.replaceAll("<b>", "").replaceAll("</b>", "")).not.toMatch(/[<>]/);
  });

  it("searches only among statements that meet the filter", async () => {
    const { ids, totalCount } = await search({ query: "grain port", filter: { speaker: w.analyst } });
    expect({ ids, totalCount }).toEqual({ ids: [w.imagesConfirm], totalCount: 1 });
    expect((await search({ query: "port", filter: { stance: "DENIES", said: { from: "2024-01-01", to: "2024-01-31" } } })).ids).toEqual([
      w.accusationsBaseless,
    ]);
  });

  it("pages through the hits with cursors, each hit once", async () => {
    const all = await search({ query: "port" });
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { ids, pageInfo } = await search({ query: "port", first: 2, after });
      seen.push(...ids);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(all.totalCount).toBe(4);
    expect(seen).toEqual(all.ids);
  });

  it.each([
    ["a word nobody said", "hovercraft"],
    ["stop words only", "the"],
    ["punctuation only", "!!! ???"],
  ])("answers %s with an empty page, not an error", async (_name, query) => {
    const { ids, totalCount, pageInfo } = await search({ query });
    expect({ ids, totalCount, hasNextPage: pageInfo.hasNextPage }).toEqual({ ids: [], totalCount: 0, hasNextPage: false });
  });

  it.each([
    [{ query: "" }, "query"],
    [{ query: "   " }, "query"],
    [{ query: "port ".repeat(41) }, "query"],
    [{ query: "port", first: 501 }, "first"],
    [{ query: "port", after: "garbage" }, "after"],
    [{ query: "port", after: encodeCursor(["SAID_AT ASC", "2024-01-10", w.strikeReported]) }, "after"],
    [{ query: "port", after: encodeCursor(["0.5", w.strikeReported]) }, "after"],
    [{ query: "port", filter: { speaker: "Mao Ning" } }, "filter.speaker"],
    [{ query: "port", filter: { said: { from: "2024-02-01", to: "2024-01-01" } } }, "filter.said.from"],
  ])("rejects %j naming %s", async (variables, argumentName) => {
    const { errors } = await statements.execute(searchQuery, variables);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
  });

  // Last: it adds statements. A broad query ranks only the newest RANKED_MATCHES matches, so
  // its pages cost the same at any size; totalCount still counts them all.
  it("ranks the most recent matches of a broad query, best first, and counts every match", async () => {
    const extra = RANKED_MATCHES + 5;
    // Statement i said i days after 2000-01-01; every 100th says "zeppelin" twice, ranking higher.
    await statements.database.handle.db.execute(
      sql.raw(`insert into statements.statements (id, speaker_id, said_on, said_precision, modality, text, language, source_id)
        select 'meridian:zeppelin-' || i, '${w.maoNing}', date '2000-01-01' + i, 'DAY', 'PARAPHRASE',
          case when i % 100 = 0 then 'A zeppelin, a zeppelin over the port.' else 'A zeppelin over the city of ' || i || '.' end, 'en', '${w.xinhua}'
        from generate_series(1, ${extra}) as i`),
    );
    const seen: Hit[] = [];
    let after: string | null = null;
    let totalCount = 0;
    do {
      const page = await search({ query: "zeppelin", first: 500, after });
      seen.push(...page.hits);
      totalCount = page.totalCount;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(totalCount).toBe(extra);
    const number = (hit: Hit) => Number(hit.statement.id.split("-").at(-1));
    // The oldest five, said first, are the ones left out.
    expect(seen.map(number).sort((a, b) => a - b)).toEqual(Array.from({ length: RANKED_MATCHES }, (_, index) => index + 6));
    const scores = seen.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(seen.slice(0, 10).every((hit) => number(hit) % 100 === 0)).toBe(true);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("statement search on postgres"));
