// Filters, search, statistics and the claims view of statements as a front-end meets them:
// through the gateway, on the seed story loaded as `npm start` loads it, speakers' names
// resolved by the actors subgraph.
import { describe, expect, it } from "vitest";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { useSeededGraph } from "../../support/seeded-graph.js";

const id = (key: string) => `meridian:${key}`;

describe.each(BACKENDS)("statement filters, search, statistics and claims through the gateway on $name", (backend) => {
  const { ask, post } = useSeededGraph(backend);

  it("answers the contested claims about an actor in one query, with who stands on each side", async () => {
    const data = await ask(
      `query($actor: ID!) { actor(id: $actor) { name
      claimsAbout(filter: { status: CONTESTED }) { totalCount edges { node {
        text status assertedBy { name } disputedBy { name }
        firstAssertion { saidAt { date } speaker { name } }
        latestResponse { saidAt { date } speaker { name } text } } } } } }`,
      { actor: id("chinese-citizens-fighting-for-russia") },
    );
    expect(data.actor).toEqual({
      name: "Chinese citizens fighting for Russia",
      claimsAbout: {
        totalCount: 1,
        edges: [
          {
            node: {
              text: "155 Chinese citizens fight for Russia in Ukraine",
              status: "CONTESTED",
              assertedBy: [{ name: "Volodymyr Zelensky" }],
              disputedBy: [{ name: "Government of China" }, { name: "Lin Jian" }],
              firstAssertion: { saidAt: { date: "2025-04-09" }, speaker: { name: "Volodymyr Zelensky" } },
              latestResponse: {
                saidAt: { date: "2025-04-10" },
                speaker: { name: "Lin Jian" },
                text: `The parties concerned should "not make irresponsible remarks" about China's role.`,
              },
            },
          },
        ],
      },
    });
  });

  it("tells an incident's claims by status", async () => {
    const data = await ask(
      `query($incident: ID!) { incident(id: $incident) { title
      asserted: claims(filter: { status: ASSERTED }) { edges { node { text status assertedBy { name } } } }
      contested: claims(filter: { status: CONTESTED }) { totalCount } } }`,
      { incident: id("capture-of-wang-guangjun-and-zhang-renbo") },
    );
    expect(data.incident.asserted.edges).toEqual([
      {
        node: {
          text: "Ukrainian forces captured two Chinese citizens who were fighting for Russia",
          status: "ASSERTED",
          assertedBy: [{ name: "Volodymyr Zelensky" }],
        },
      },
    ]);
    expect(data.incident.contested.totalCount).toBe(0);
  });

  it("lists the disputed claims with who denies them", async () => {
    const data = await ask(`{ claims(filter: { status: DISPUTED }) { edges { node { id disputedBy { name } } } } }`);
    expect(data.claims.edges).toEqual([
      { node: { id: id("claim-china-gives-military-support-to-russia"), disputedBy: [{ name: "Government of China" }] } },
      { node: { id: id("claim-china-is-party-to-the-ukraine-crisis"), disputedBy: [{ name: "Lin Jian" }] } },
      { node: { id: id("claim-china-supplies-lethal-arms-to-russia"), disputedBy: [{ name: "Government of China" }] } },
    ]);
  });

  it("lists the answers to Zelensky's statement newest first", async () => {
    const data = await ask(
      `query($statement: ID!) { statements(filter: { respondsTo: $statement, stance: DISPUTES }, sort: { by: SAID_AT, order: DESC }) {
      totalCount edges { node { saidAt { date } speaker { name } } } } }`,
      { statement: id("zelensky-2025-04-09-155-chinese-citizens") },
    );
    expect(data.statements).toEqual({
      totalCount: 3,
      edges: [
        { node: { saidAt: { date: "2025-04-10" }, speaker: { name: "Lin Jian" } } },
        { node: { saidAt: { date: "2025-04-09" }, speaker: { name: "Lin Jian" } } },
        { node: { saidAt: { date: "2025-04-01" }, speaker: { name: "Government of China" } } },
      ],
    });
  });

  it("searches what was said, with an excerpt marking the words found", async () => {
    const data = await ask(
      `{ searchStatements(query: "irresponsible remarks") { totalCount edges { node { score snippet statement { speaker { name } source { title } } } } } }`,
    );
    expect(data.searchStatements.totalCount).toBe(1);
    const [hit] = data.searchStatements.edges.map((edge: any) => edge.node);
    expect(hit.score).toBeGreaterThan(0);
    expect(hit.snippet).toBe(`The parties concerned should "not make <b>irresponsible</b> <b>remarks</b>" about China's role.`);
    expect(hit.statement).toEqual({
      speaker: { name: "Lin Jian" },
      source: { title: "Babel: China urges parties not to make irresponsible remarks (citing Reuters)" },
    });
  });

  it("counts statements per speaker, with names from the actors subgraph", async () => {
    const data = await ask(`{ statementStats(groupBy: SPEAKER) { key count speaker { name } } }`);
    expect(data.statementStats).toEqual([
      { key: id("volodymyr-zelensky"), count: 5, speaker: { name: "Volodymyr Zelensky" } },
      { key: id("lin-jian"), count: 4, speaker: { name: "Lin Jian" } },
      { key: id("government-of-china"), count: 2, speaker: { name: "Government of China" } },
      { key: id("tammy-bruce"), count: 1, speaker: { name: "Tammy Bruce" } },
      { key: id("united-states"), count: 1, speaker: { name: "United States" } },
    ]);
  });

  it("counts statements per month, the quiet months as zeros", async () => {
    const data = await ask(`{ statementStats(groupBy: MONTH) { start count } }`);
    expect(data.statementStats).toEqual([
      { start: "2025-01-01", count: 1 },
      { start: "2025-02-01", count: 0 },
      { start: "2025-03-01", count: 0 },
      { start: "2025-04-01", count: 12 },
    ]);
  });

  it("counts the stances taken on the 155 claim", async () => {
    const data = await ask(`query($claim: ID!) { statementStats(groupBy: STANCE, filter: { claim: $claim }) { stance count } }`, {
      claim: id("claim-155-chinese-citizens-fight-for-russia"),
    });
    expect(data.statementStats).toEqual([
      { stance: "DISPUTES", count: 3 },
      { stance: "ASSERTS", count: 2 },
    ]);
  });

  it.each([
    [`{ statements(filter: { stance: SHRUGS }) { totalCount } }`, "filter.stance"],
    [`{ statements(sort: { order: SIDEWAYS }) { totalCount } }`, "sort.order"],
    [`{ statements(filter: { said: { from: "2025-05-01", to: "2025-04-01" } }) { totalCount } }`, "filter.said.from"],
    [`{ statements(filter: { said: { from: "2025-04-31" } }) { totalCount } }`, "filter.said.from"],
    [`{ statements(filter: { speaker: "Lin Jian" }) { totalCount } }`, "filter.speaker"],
    [`{ searchStatements(query: "") { totalCount } }`, "query"],
    [`{ searchStatements(query: "${"x".repeat(201)}") { totalCount } }`, "query"],
    [`{ statementStats(groupBy: WEEKDAY) { key } }`, "groupBy"],
    [`{ claims(filter: { status: DEBUNKED }) { totalCount } }`, "filter.status"],
    [`{ claims(filter: { about: "china" }) { totalCount } }`, "filter.about"],
    [`{ actor(id: "meridian:china") { claimsAbout(filter: { status: DEBUNKED }) { totalCount } } }`, "filter.status"],
  ])("answers %s with BAD_USER_INPUT naming %s", async (query, argumentName) => {
    const { errors } = await post(query);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("statement filters, search, statistics and claims through the gateway on postgres"));
