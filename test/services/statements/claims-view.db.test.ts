// The claims view: each claim's derived status, who stands on each side, its first assertion
// and latest response, and claims filtered by status, actor and incident; on both backends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subgraphNamed } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type SubgraphUnderTest, subgraphUnderTest } from "../../support/execute.js";
import { insertStatementWorld, statementWorld as w } from "../../support/fixtures.js";

const claimViewFields = `id status assertedBy { id } disputedBy { id } firstAssertion { id saidAt { date } } latestResponse { id saidAt { date } }`;
const idsOf = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((edge) => edge.node.id);

describe.each(BACKENDS)("the claims view on $name", (backend) => {
  let statements: SubgraphUnderTest;
  const ask = async (query: string, variables?: Record<string, unknown>) => {
    const { data, errors } = await statements.execute(query, variables);
    expect(errors).toBeUndefined();
    return data;
  };
  const claimView = async (id: string) => (await ask(`query($id: ID!) { claim(id: $id) { ${claimViewFields} } }`, { id })).claim;

  beforeAll(async () => {
    statements = await subgraphUnderTest(backend, subgraphNamed("statements"), (handle) => insertStatementWorld(handle.db));
  });
  afterAll(() => statements.database.dispose());

  it("shows a contested claim with who asserts and who disputes it, each side in the order they joined it", async () => {
    expect(await claimView(w.contestedClaim)).toEqual({
      id: w.contestedClaim,
      status: "CONTESTED",
      // Tykhyi ASSERTS, the analyst SUPPORTS; Zakharova DENIES, Mao Ning DISPUTES; the State Department only QUESTIONS.
      assertedBy: [{ id: w.tykhyi }, { id: w.analyst }],
      disputedBy: [{ id: w.zakharova }, { id: w.maoNing }],
      firstAssertion: { id: w.strikeReported, saidAt: { date: "2024-01-10" } },
      latestResponse: { id: w.disturbing, saidAt: { date: "2024-03-12" } },
    });
  });

  it("shows a claim that is only asserted, its latest response a comment", async () => {
    expect(await claimView(w.assertedClaim)).toEqual({
      id: w.assertedClaim,
      status: "ASSERTED",
      assertedBy: [{ id: w.tykhyi }],
      disputedBy: [],
      firstAssertion: { id: w.strikeReported, saidAt: { date: "2024-01-10" } },
      latestResponse: { id: w.disturbing, saidAt: { date: "2024-03-12" } },
    });
  });

  it("counts a reply to an assertion as a response even when it takes no stance", async () => {
    expect(await claimView(w.trainingClaim)).toMatchObject({
      status: "ASSERTED",
      firstAssertion: { id: w.recruitsTrained },
      latestResponse: { id: w.nobodyTrains, saidAt: { date: "2024-04-02" } },
    });
  });

  it("shows a claim that is only denied", async () => {
    expect(await claimView(w.disputedClaim)).toEqual({
      id: w.disputedClaim,
      status: "DISPUTED",
      assertedBy: [],
      disputedBy: [{ id: w.zakharova }],
      firstAssertion: null,
      latestResponse: { id: w.accusationsBaseless, saidAt: { date: "2024-01-20" } },
    });
  });

  it("calls a claim that is only questioned, or has no stances at all, unaddressed", async () => {
    expect(await claimView(w.questionedClaim)).toEqual({
      id: w.questionedClaim,
      status: "UNADDRESSED",
      assertedBy: [],
      disputedBy: [],
      firstAssertion: null,
      latestResponse: { id: w.restraint, saidAt: { date: "2024-03-05" } },
    });
    expect(await claimView(w.silentClaim)).toEqual({
      id: w.silentClaim,
      status: "UNADDRESSED",
      assertedBy: [],
      disputedBy: [],
      firstAssertion: null,
      latestResponse: null,
    });
  });

  it.each([
    ["status CONTESTED", `{ status: CONTESTED }`, [w.contestedClaim]],
    ["status ASSERTED", `{ status: ASSERTED }`, [w.assertedClaim, w.trainingClaim]],
    ["status DISPUTED", `{ status: DISPUTED }`, [w.disputedClaim]],
    ["status UNADDRESSED", `{ status: UNADDRESSED }`, [w.silentClaim, w.questionedClaim]],
    ["subject", `{ subject: "${w.china}" }`, [w.disputedClaim, w.questionedClaim]],
    ["object", `{ object: "${w.russianForces}" }`, [w.disputedClaim, w.trainingClaim]],
    ["about (subject or object), each claim once", `{ about: "${w.russianForces}" }`, [w.disputedClaim, w.assertedClaim, w.contestedClaim, w.trainingClaim]],
    ["incident", `{ incident: "${w.portStrike}" }`, [w.assertedClaim, w.contestedClaim]],
    ["status and actor", `{ status: ASSERTED, about: "${w.russianForces}" }`, [w.assertedClaim, w.trainingClaim]],
  ])("filters claims by %s", async (_name, filter, expected) => {
    const data = await ask(`{ claims(filter: ${filter}) { totalCount edges { node { id } } } }`);
    expect({ ids: idsOf(data.claims), totalCount: data.claims.totalCount }).toEqual({ ids: expected, totalCount: expected.length });
  });

  it("lists the contested claims about an actor and about an incident", async () => {
    const representations = [
      { __typename: "Actor", id: w.russianForces },
      { __typename: "Actor", id: w.china },
      { __typename: "Incident", id: w.portStrike },
      { __typename: "Incident", id: w.grainTalks },
    ];
    const data = await ask(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Actor { id contested: claimsAbout(filter: { status: CONTESTED }) { totalCount edges { node { id status } } } all: claimsAbout { totalCount } }
        ... on Incident { id contested: claims(filter: { status: CONTESTED }) { totalCount edges { node { id status } } } all: claims { totalCount } }
      } }`,
      { representations },
    );
    const contested = { totalCount: 1, edges: [{ node: { id: w.contestedClaim, status: "CONTESTED" } }] };
    const none = { totalCount: 0, edges: [] };
    expect(data._entities).toEqual([
      { id: w.russianForces, contested, all: { totalCount: 4 } },
      { id: w.china, contested: none, all: { totalCount: 2 } },
      { id: w.portStrike, contested, all: { totalCount: 2 } },
      { id: w.grainTalks, contested: none, all: { totalCount: 1 } },
    ]);
  });

  it("pages an actor's claims with cursors, a claim about the actor twice over listed once", async () => {
    const first = await ask(
      `query($id: ID!) { _entities(representations: [{ __typename: "Actor", id: $id }]) { ... on Actor { claimsAbout(first: 3) { edges { node { id } } pageInfo { endCursor hasNextPage } } } } }`,
      {
        id: w.russianForces,
      },
    );
    const page = first._entities[0].claimsAbout;
    const next = await ask(
      `query($id: ID!, $after: String) { _entities(representations: [{ __typename: "Actor", id: $id }]) { ... on Actor { claimsAbout(first: 3, after: $after) { edges { node { id } } pageInfo { hasNextPage } } } } }`,
      {
        id: w.russianForces,
        after: page.pageInfo.endCursor,
      },
    );
    expect([...idsOf(page), ...idsOf(next._entities[0].claimsAbout)]).toEqual([w.disputedClaim, w.assertedClaim, w.contestedClaim, w.trainingClaim]);
    expect(next._entities[0].claimsAbout.pageInfo.hasNextPage).toBe(false);
  });

  it("costs the same number of SQL statements for a page of one claim as for a page of all of them", async () => {
    const page = (first: number) => statements.execute(`{ claims(first: ${first}) { edges { node { ${claimViewFields} } } } }`);
    const one = await page(1);
    const all = await page(50);
    expect(one.errors).toBeUndefined();
    expect(all.data.claims.edges).toHaveLength(6);
    // The page, then one query each for the sides, the first assertions and the latest responses.
    expect(one.sqlStatements).toBe(4);
    expect(all.sqlStatements).toBe(one.sqlStatements);
  });

  it("costs the same for the claims of one actor as for the claims of several, with their views", async () => {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Actor { claimsAbout(filter: { status: CONTESTED }) { totalCount edges { node { ${claimViewFields} } } } } } }`;
    const one = await statements.execute(query, { representations: [{ __typename: "Actor", id: w.russianForces }] });
    const three = await statements.execute(query, { representations: [w.russianForces, w.ukraine, w.china].map((id) => ({ __typename: "Actor", id })) });
    expect(three.errors).toBeUndefined();
    expect(three.sqlStatements).toBe(one.sqlStatements);
  });

  it.each([
    [`{ claims(filter: { subject: "Russia" }) { totalCount } }`, "filter.subject"],
    [`{ claims(filter: { object: "" }) { totalCount } }`, "filter.object"],
    [`{ claims(filter: { about: "meridian:" }) { totalCount } }`, "filter.about"],
    [`{ claims(filter: { incident: "the strike" }) { totalCount } }`, "filter.incident"],
    [`{ claims(after: "nonsense") { totalCount } }`, "after"],
    [`{ claims(first: 100000) { totalCount } }`, "first"],
  ])("rejects %s naming %s", async (query, argumentName) => {
    const { errors } = await statements.execute(query);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
  });

  it("rejects an unknown status", async () => {
    const { errors } = await statements.execute(`{ claims(filter: { status: DEBUNKED }) { totalCount } }`);
    expect(errors?.[0]?.message).toContain("DEBUNKED");
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("the claims view on postgres"));
