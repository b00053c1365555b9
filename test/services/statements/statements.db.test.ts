import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subgraphNamed } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type SubgraphUnderTest, subgraphUnderTest } from "../../support/execute.js";
import { ids, insertFixtures } from "../../support/fixtures.js";

const entitiesQuery = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Actor { id statements { totalCount edges { node { id } } } claimsAbout { edges { node { id } } } }
  ... on Incident { id statements { edges { node { id } } } claims { edges { node { id } } } }
  ... on Statement { id text }
  ... on Claim { id text }
  ... on Source { id title }
} }`;

describe.each(BACKENDS)("statements subgraph on $name", (backend) => {
  let statements: SubgraphUnderTest;
  beforeAll(async () => {
    statements = await subgraphUnderTest(backend, subgraphNamed("statements"), (handle) => insertFixtures(handle.db));
  });
  afterAll(() => statements.database.dispose());

  it("answers a statement with its date precision, speaker reference, source and the statement it answers", async () => {
    const { data } = await statements.execute(`{ statement(id: "${ids.linResponse}") {
      saidAt { date precision } modality language speaker { id } onBehalfOf { id }
      source { title publisher } respondsTo { id } stances { stance claim { id } } } }`);
    expect(data.statement).toEqual({
      saidAt: { date: "2025-04-10", precision: "DAY" },
      modality: "PARAPHRASE",
      language: "en",
      speaker: { id: ids.linJian },
      onBehalfOf: { id: ids.ministry },
      source: { title: "China answers", publisher: "Reuters" },
      respondsTo: { id: ids.statementApril9 },
      stances: [{ stance: "DISPUTES", claim: { id: ids.claim155 } }],
    });
  });

  it("lists a claim's stances in the order they were taken, with subject, object and incident references", async () => {
    const { data } = await statements.execute(`{ claim(id: "${ids.claim155}") {
      quantity subject { id } object { id } incident { id }
      stances { totalCount edges { node { stance statement { speaker { id } saidAt { date } } } } } } }`);
    expect(data.claim).toEqual({
      quantity: 155,
      subject: { id: ids.captive },
      object: { id: ids.ukraine },
      incident: { id: ids.capture },
      stances: {
        totalCount: 2,
        edges: [
          { node: { stance: "ASSERTS", statement: { speaker: { id: ids.zelensky }, saidAt: { date: "2025-04-09" } } } },
          { node: { stance: "DISPUTES", statement: { speaker: { id: ids.linJian }, saidAt: { date: "2025-04-10" } } } },
        ],
      },
    });
  });

  it("filters statements by speaker and by date range, oldest first", async () => {
    const { data } = await statements.execute(`{
      zelensky: statements(filter: { speaker: "${ids.zelensky}" }) { totalCount edges { node { id } } }
      april9on: statements(filter: { said: { from: "2025-04-09", to: "2025-04-30" } }) { edges { node { id } } }
    }`);
    expect(data.zelensky).toEqual({ totalCount: 2, edges: [{ node: { id: ids.statementApril8 } }, { node: { id: ids.statementApril9 } }] });
    expect(data.april9on.edges.map((edge: any) => edge.node.id)).toEqual([ids.statementApril9, ids.linResponse]);
  });

  it("pages statements with a cursor that resumes after the last one seen", async () => {
    const first = await statements.execute(`{ statements(first: 1) { edges { node { id } } pageInfo { endCursor hasNextPage } } }`);
    const next = await statements.execute(`query($after: String) { statements(first: 5, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }`, {
      after: first.data.statements.pageInfo.endCursor,
    });
    expect(first.data.statements.edges[0].node.id).toBe(ids.statementApril8);
    expect(next.data.statements.edges.map((edge: any) => edge.node.id)).toEqual([ids.statementApril9, ids.linResponse]);
    expect(next.data.statements.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    [`{ statements(filter: { said: { from: "2025-05-01", to: "2025-04-01" } }) { totalCount } }`, "filter.said.from"],
    [`{ statements(filter: { said: { from: "2025-02-30" } }) { totalCount } }`, "filter.said.from"],
    [`{ statements(filter: { speaker: "Zelensky" }) { totalCount } }`, "filter.speaker"],
    [`{ statements(first: 1000) { totalCount } }`, "first"],
    [`{ claim(id: "") { id } }`, "id"],
  ])("rejects bad arguments: %s", async (query, argumentName) => {
    const { errors } = await statements.execute(query);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
  });

  it("adds statements and claims to actors and incidents it only knows by ID", async () => {
    const representations = [
      { __typename: "Actor", id: ids.zelensky },
      { __typename: "Actor", id: ids.ukraine },
      { __typename: "Incident", id: ids.capture },
    ];
    const { data } = await statements.execute(entitiesQuery, { representations });
    expect(data._entities).toEqual([
      {
        id: ids.zelensky,
        statements: { totalCount: 2, edges: [{ node: { id: ids.statementApril8 } }, { node: { id: ids.statementApril9 } }] },
        claimsAbout: { edges: [] },
      },
      { id: ids.ukraine, statements: { totalCount: 0, edges: [] }, claimsAbout: { edges: [{ node: { id: ids.claim155 } }] } },
      { id: ids.capture, statements: { edges: [{ node: { id: ids.statementApril8 } }] }, claims: { edges: [{ node: { id: ids.claim155 } }] } },
    ]);
  });

  it("resolves Statement, Claim and Source representations with one SQL query per type", async () => {
    const representations = [
      { __typename: "Statement", id: ids.statementApril9 },
      { __typename: "Source", id: ids.briefing },
      { __typename: "Statement", id: ids.linResponse },
      { __typename: "Claim", id: ids.claim155 },
      { __typename: "Source", id: ids.reuters },
    ];
    const result = await statements.execute(entitiesQuery, { representations });
    expect(result.data._entities.map((entity: any) => entity.id)).toEqual(representations.map((representation) => representation.id));
    expect(result.sqlStatements).toBe(3);
  });

  it("costs the same number of SQL queries for one actor's lists as for many", async () => {
    const one = await statements.execute(entitiesQuery, { representations: [{ __typename: "Actor", id: ids.zelensky }] });
    const three = await statements.execute(entitiesQuery, {
      representations: [ids.zelensky, ids.linJian, ids.ukraine].map((id) => ({ __typename: "Actor", id })),
    });
    expect(three.sqlStatements).toBe(one.sqlStatements);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("statements subgraph on postgres"));
