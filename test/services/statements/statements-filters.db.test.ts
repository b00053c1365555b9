// Filters and sort of the top-level statements list, on both backends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "../../../services/kit/pages/pagination.js";
import { subgraphNamed } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type SubgraphUnderTest, subgraphUnderTest } from "../../support/execute.js";
import { insertStatementWorld, statementWorld as w } from "../../support/fixtures.js";

const idsOf = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((edge) => edge.node.id);

describe.each(BACKENDS)("statement filters and sort on $name", (backend) => {
  let statements: SubgraphUnderTest;
  const list = async (args: string) => {
    const { data, errors } = await statements.execute(`{ statements(${args}) { totalCount edges { node { id } } } }`);
    expect(errors).toBeUndefined();
    return { ids: idsOf(data.statements), totalCount: data.statements.totalCount as number };
  };

  beforeAll(async () => {
    statements = await subgraphUnderTest(backend, subgraphNamed("statements"), (handle) => insertStatementWorld(handle.db));
  });
  afterAll(() => statements.database.dispose());

  it.each([
    ["speaker", `{ speaker: "${w.maoNing}" }`, [w.restraint, w.restraintInChinese]],
    ["onBehalfOf", `{ onBehalfOf: "${w.ukrainianMinistry}" }`, [w.strikeReported, w.lyingInUkrainian]],
    ["said", `{ said: { from: "2024-03-06", to: "2024-03-28" } }`, [w.disturbing, w.restraintInChinese, w.lyingInUkrainian, w.recruitsTrained]],
    ["said from only", `{ said: { from: "2024-03-28" } }`, [w.recruitsTrained, w.nobodyTrains]],
    ["said to only", `{ said: { to: "2024-01-15" } }`, [w.strikeReported, w.imagesConfirm]],
    ["stance", `{ stance: ASSERTS }`, [w.strikeReported, w.recruitsTrained]],
    ["claim", `{ claim: "${w.contestedClaim}" }`, [w.strikeReported, w.imagesConfirm, w.accusationsBaseless, w.restraint, w.disturbing]],
    ["stance on a claim", `{ claim: "${w.contestedClaim}", stance: ASSERTS }`, [w.strikeReported]],
    ["language", `{ language: "zh" }`, [w.restraintInChinese]],
    ["source", `{ source: "${w.xinhua}" }`, [w.restraint, w.restraintInChinese]],
    ["respondsTo", `{ respondsTo: "${w.strikeReported}" }`, [w.imagesConfirm, w.accusationsBaseless]],
    ["several conditions", `{ speaker: "${w.maoNing}", language: "en", said: { from: "2024-03-01" } }`, [w.restraint]],
  ])("filters by %s", async (_name, filter, expected) => {
    expect(await list(`filter: ${filter}`)).toEqual({ ids: expected, totalCount: expected.length });
  });

  it("lists a statement with stances on two claims once under a stance filter", async () => {
    expect(await list(`filter: { stance: DENIES }`)).toEqual({ ids: [w.accusationsBaseless], totalCount: 1 });
  });

  it("answers a filter that matches nothing with an empty page", async () => {
    expect(await list(`filter: { claim: "${w.silentClaim}" }`)).toEqual({ ids: [], totalCount: 0 });
  });

  it("sorts newest first on request, oldest first by default", async () => {
    const oldestFirst = await list(`first: 3`);
    const newestFirst = await list(`first: 3, sort: { by: SAID_AT, order: DESC }`);
    expect(oldestFirst.ids).toEqual([w.strikeReported, w.imagesConfirm, w.accusationsBaseless]);
    expect(newestFirst.ids).toEqual([w.nobodyTrains, w.recruitsTrained, w.lyingInUkrainian]);
    expect(newestFirst.totalCount).toBe(9);
  });

  it.each([
    [
      "ASC",
      [
        w.strikeReported,
        w.imagesConfirm,
        w.accusationsBaseless,
        w.restraint,
        w.disturbing,
        w.restraintInChinese,
        w.lyingInUkrainian,
        w.recruitsTrained,
        w.nobodyTrains,
      ],
    ],
    [
      "DESC",
      [
        w.nobodyTrains,
        w.recruitsTrained,
        w.lyingInUkrainian,
        w.restraintInChinese,
        w.disturbing,
        w.restraint,
        w.accusationsBaseless,
        w.imagesConfirm,
        w.strikeReported,
      ],
    ],
  ])("pages through every statement %s with cursors, each once", async (order, expected) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { data, errors } = await statements.execute(
        `query($after: String) { statements(first: 2, after: $after, sort: { order: ${order} }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      seen.push(...idsOf(data.statements));
      if (!data.statements.pageInfo.hasNextPage) break;
      after = data.statements.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it("pages a filtered list newest first", async () => {
    const first = await statements.execute(
      `{ statements(first: 1, filter: { claim: "${w.contestedClaim}" }, sort: { order: DESC }) { edges { node { id } } pageInfo { endCursor } } }`,
    );
    const next = await statements.execute(
      `query($after: String) { statements(first: 2, after: $after, filter: { claim: "${w.contestedClaim}" }, sort: { order: DESC }) { edges { node { id } } } }`,
      { after: first.data.statements.pageInfo.endCursor },
    );
    expect(idsOf(first.data.statements)).toEqual([w.disturbing]);
    expect(idsOf(next.data.statements)).toEqual([w.restraint, w.accusationsBaseless]);
  });

  it("refuses a cursor of the list sorted one way for the list sorted the other way", async () => {
    const ascending = await statements.execute(`{ statements(first: 1) { pageInfo { endCursor } } }`);
    const { errors } = await statements.execute(`query($after: String) { statements(after: $after, sort: { order: DESC }) { totalCount } }`, {
      after: ascending.data.statements.pageInfo.endCursor,
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "after" });
    expect(errors?.[0]?.message).toContain("sorted SAID_AT ASC");
  });

  it("rejects an unknown enum value in the filter and the sort", async () => {
    const stance = await statements.execute(`{ statements(filter: { stance: SHRUGS }) { totalCount } }`);
    const order = await statements.execute(`{ statements(sort: { order: SIDEWAYS }) { totalCount } }`);
    expect(stance.errors?.[0]?.message).toContain("SHRUGS");
    expect(order.errors?.[0]?.message).toContain("SIDEWAYS");
  });

  it.each([
    [`{ statements(filter: { said: { from: "2024-05-01", to: "2024-04-01" } }) { totalCount } }`, "filter.said.from"],
    [`{ statements(filter: { said: { to: "2024-13-01" } }) { totalCount } }`, "filter.said.to"],
    [`{ statements(filter: { said: { from: "yesterday" } }) { totalCount } }`, "filter.said.from"],
    [`{ statements(filter: { onBehalfOf: "Ministry" }) { totalCount } }`, "filter.onBehalfOf"],
    [`{ statements(filter: { claim: "claim 1" }) { totalCount } }`, "filter.claim"],
    [`{ statements(filter: { source: "" }) { totalCount } }`, "filter.source"],
    [`{ statements(filter: { respondsTo: "meridian:" }) { totalCount } }`, "filter.respondsTo"],
    [`{ statements(filter: { language: "English please" }) { totalCount } }`, "filter.language"],
    [`{ statements(after: "not-a-cursor") { totalCount } }`, "after"],
    [`{ statements(after: "${encodeCursor(["SAID_AT ASC", "2024-02-30", w.restraint])}") { totalCount } }`, "after"],
    [`{ statements(after: "${encodeCursor(["2024-01-10", w.strikeReported])}") { totalCount } }`, "after"],
    [`{ statements(first: -1) { totalCount } }`, "first"],
  ])("rejects %s naming %s", async (query, argumentName) => {
    const { errors } = await statements.execute(query);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("statement filters and sort on postgres"));
