// The gateway as a front-end and a data team meet it: one URL, Sandbox in development,
// federation across all three subgraphs, batched entity fetches.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, type TestDatabase } from "../../scripts/harness/backends.js";
import { ids, insertFixtures } from "../support/fixtures.js";
import { type RunningGraph, postGraphQL, startGraph } from "../support/graph.js";

describe("the gateway in development", () => {
  let database: TestDatabase;
  let graph: RunningGraph;
  beforeAll(async () => {
    database = await BACKENDS[0]!.create();
    await insertFixtures(database.handle.db);
    graph = await startGraph(database.handle);
  });
  afterAll(async () => {
    await graph.stop();
    await database.dispose();
  });

  it("serves the Sandbox landing page, opening on the seed-story example operation", async () => {
    const response = await fetch(graph.gatewayUrl, { headers: { accept: "text/html" } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain("embeddable-sandbox");
    expect(html).toContain("query SeedStory");
  });

  it("answers introspection", async () => {
    const { data } = await postGraphQL(graph.gatewayUrl, `{ __schema { queryType { fields { name } } } }`);
    const fields = data.__schema.queryType.fields.map((field: { name: string }) => field.name);
    expect(fields).toEqual(
      expect.arrayContaining(["actor", "actors", "statement", "statements", "claim", "claims", "source", "sources", "incident", "incidents", "place"]),
    );
  });

  it("joins the three subgraphs both ways in one operation", async () => {
    const { data, errors } = await postGraphQL(
      graph.gatewayUrl,
      `{
      claim(id: "${ids.claim155}") {
        subject { name incidents { edges { node { title } } } }
        object { name claimsAbout { totalCount } }
        incident { title sources { title } statements { edges { node { speaker { name } } } } claims { totalCount }
          participants { role actor { name } } }
      }
      actor(id: "${ids.zelensky}") { statements { edges { node { text source { publisher } } } } }
    }`,
    );
    expect(errors).toBeUndefined();
    expect(data.claim.subject).toEqual({
      name: "Wang Guangjun",
      incidents: { edges: [{ node: { title: "Clash near Tarasivka" } }, { node: { title: "Capture of two Chinese nationals" } }] },
    });
    expect(data.claim.object).toEqual({ name: "Ukraine", claimsAbout: { totalCount: 1 } });
    expect(data.claim.incident).toEqual({
      title: "Capture of two Chinese nationals",
      sources: [{ title: "Zelensky's briefing" }, { title: "China answers" }],
      statements: { edges: [{ node: { speaker: { name: "Volodymyr Zelensky" } } }] },
      claims: { totalCount: 1 },
      participants: [
        { role: "CAPTIVE", actor: { name: "Wang Guangjun" } },
        { role: "CAPTOR", actor: { name: "81st Airmobile Brigade" } },
      ],
    });
    expect(data.actor.statements.edges.map((edge: any) => edge.node.text)).toEqual([
      "We captured two Chinese citizens.",
      "There are 155 people with surnames.",
    ]);
  });

  it.each([
    [`{ actors(filter: { kind: WIZARD }) { totalCount } }`, "filter.kind"],
    [`{ incidents(first: "many") { totalCount } }`, "first"],
    [`{ actor(id: 12.5) { name } }`, "id"],
  ])("answers a literal of the wrong type with BAD_USER_INPUT naming the argument: %s", async (query, argumentName) => {
    const { errors } = await postGraphQL(graph.gatewayUrl, query);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
    expect(errors?.[0]?.message).toContain(`Argument "${argumentName}"`);
  });

  it("answers a variable of the wrong type with BAD_USER_INPUT", async () => {
    const { errors } = await postGraphQL(graph.gatewayUrl, `query($kind: ActorKind) { actors(filter: { kind: $kind }) { totalCount } }`, { kind: "WIZARD" });
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toContain("$kind");
  });

  it("passes a subgraph's BAD_USER_INPUT through with the argument it names", async () => {
    const { errors } = await postGraphQL(graph.gatewayUrl, `{ incidents(first: 501) { totalCount } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "first" });
  });
});

describe("the gateway in production", () => {
  let database: TestDatabase;
  let graph: RunningGraph;
  beforeAll(async () => {
    database = await BACKENDS[0]!.create();
    graph = await startGraph(database.handle, { isProduction: true });
  });
  afterAll(async () => {
    await graph.stop();
    await database.dispose();
  });

  it("refuses introspection", async () => {
    const { errors } = await postGraphQL(graph.gatewayUrl, `{ __schema { types { name } } }`);
    expect(errors?.[0]?.message).toMatch(/introspection/i);
  });

  it("shows no Sandbox", async () => {
    const html = await (await fetch(graph.gatewayUrl, { headers: { accept: "text/html" } })).text();
    expect(html).not.toContain("embeddable-sandbox");
  });
});
