// Actor filters, fuzzy search and relations on a day as a front-end meets them: through the
// gateway, on the seed story loaded as `npm start` loads it.
import { describe, expect, it } from "vitest";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { useSeededGraph } from "../../support/seeded-graph.js";

const id = (key: string) => `meridian:${key}`;

describe.each(BACKENDS)("actor filters, search and relations through the gateway on $name", (backend) => {
  const { ask, post } = useSeededGraph(backend);

  it.each(["Zelenskyy", "Zelenskiy", "zelensky"])("finds Volodymyr Zelensky first when searching %s", async (query) => {
    const data = await ask(
      `query($query: String!) { searchActors(query: $query, first: 3) { edges { node { score matchedAlias { scheme value } actor { id name } } } } }`,
      { query },
    );
    const [best] = data.searchActors.edges.map((edge: any) => edge.node);
    expect(best).toEqual({
      score: 1,
      matchedAlias: { scheme: "FREE", value: query === "zelensky" ? "Zelensky" : query },
      actor: { id: id("volodymyr-zelensky"), name: "Volodymyr Zelensky" },
    });
  });

  it("finds an actor by its ACLED name, with its incidents from the incidents subgraph", async () => {
    const data = await ask(
      `{ searchActors(query: "Military Forces of Russia", first: 1) { edges { node { matchedAlias { scheme value } actor { id incidents(first: 1) { totalCount } } } } } }`,
    );
    const [hit] = data.searchActors.edges.map((edge: any) => edge.node);
    expect(hit.matchedAlias).toEqual({ scheme: "ACLED", value: "Military Forces of Russia (2022-)" });
    expect(hit.actor.id).toBe(id("russian-armed-forces"));
    // The seed story has one incident with the Russian armed forces taking part.
    expect(hit.actor.incidents.totalCount).toBe(1);
  });

  it("tells who was spokesperson for China's foreign ministry on 2025-04-10", async () => {
    const data =
      await ask(`{ actor(id: "${id("chinese-foreign-ministry")}") { relations(direction: INCOMING, filter: { predicate: SPOKESPERSON_FOR }, at: "2025-04-10") {
      edges { node { predicate subject { name } source { id } } } } } }`);
    expect(data.actor.relations.edges).toEqual([
      { node: { predicate: "SPOKESPERSON_FOR", subject: { name: "Lin Jian" }, source: { id: id("article-zelensky-alleges-155-chinese-nationals") } } },
    ]);
  });

  it("lists who serves in the 70th Motorized Rifle Regiment", async () => {
    const data = await ask(
      `{ actors(filter: { relation: { predicate: SERVES_IN, object: "${id("70th-motorized-rifle-regiment")}", at: "2025-04-10" } }) { totalCount edges { node { name kind } } } }`,
    );
    expect(data.actors).toEqual({ totalCount: 1, edges: [{ node: { name: "Chinese citizens fighting for Russia", kind: "POPULATION_GROUP" } }] });
  });

  it.each([
    [`{ searchActors(query: "") { totalCount } }`, "query"],
    [`{ searchActors(query: "zelensky", filter: { hasAliasInScheme: NICKNAME }) { totalCount } }`, "filter.hasAliasInScheme"],
    [`{ actors(filter: { relation: { predicate: ADMIRES } }) { totalCount } }`, "filter.relation.predicate"],
    [`{ actors(filter: { relation: { predicate: SERVES_IN, object: "70th regiment" } }) { totalCount } }`, "filter.relation.object"],
    [`{ actors(filter: { relation: { predicate: SERVES_IN, at: "2025-13-01" } }) { totalCount } }`, "filter.relation.at"],
    [`{ actor(id: "${id("chinese-foreign-ministry")}") { relations(at: "April 10") { totalCount } } }`, "at"],
  ])("answers %s with BAD_USER_INPUT naming %s", async (query, argumentName) => {
    const { errors } = await post(query);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("actor filters, search and relations through the gateway on postgres"));
