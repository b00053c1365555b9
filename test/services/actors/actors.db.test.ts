import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subgraphNamed } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type SubgraphUnderTest, subgraphUnderTest } from "../../support/execute.js";
import { ids, insertFixtures } from "../../support/fixtures.js";

describe.each(BACKENDS)("actors subgraph on $name", (backend) => {
  let actors: SubgraphUnderTest;
  beforeAll(async () => {
    actors = await subgraphUnderTest(backend, subgraphNamed("actors"), (handle) => insertFixtures(handle.db));
  });
  afterAll(() => actors.database.dispose());

  it("answers an actor by ID with its aliases and external identifiers", async () => {
    const { data } = await actors.execute(
      `query($id: ID!) { actor(id: $id) { name kind country aliases { scheme value validFrom } identifiers { scheme value } } }`,
      { id: ids.zelensky },
    );
    expect(data.actor).toEqual({
      name: "Volodymyr Zelensky",
      kind: "PERSON",
      country: "UKR",
      aliases: [
        { scheme: "FREE", value: "Zelenskyy", validFrom: null },
        { scheme: "TITLE", value: "President of Ukraine", validFrom: "2019-05-20" },
        { scheme: "WIKIDATA", value: "Q3874799", validFrom: null },
      ],
      identifiers: [{ scheme: "WIKIDATA", value: "Q3874799" }],
    });
  });

  it("answers null for an unknown ID", async () => {
    const { data, errors } = await actors.execute(`{ actor(id: "meridian:nobody") { name } }`);
    expect(errors).toBeUndefined();
    expect(data.actor).toBeNull();
  });

  it("rejects a malformed ID naming the argument", async () => {
    const { errors } = await actors.execute(`{ actor(id: "not an id") { name } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "id" });
  });

  it("pages through actors by name with keyset cursors", async () => {
    const query = `query($after: String) { actors(first: 4, after: $after) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }`;
    const first = await actors.execute(query);
    expect(first.data.actors.totalCount).toBe(6);
    expect(first.data.actors.edges.map((edge: any) => edge.node.name)).toEqual([
      "81st Airmobile Brigade",
      "Lin Jian",
      "Ministry of Foreign Affairs of China",
      "Ukraine",
    ]);
    expect(first.data.actors.pageInfo.hasNextPage).toBe(true);
    const second = await actors.execute(query, { after: first.data.actors.pageInfo.endCursor });
    expect(second.data.actors.edges.map((edge: any) => edge.node.name)).toEqual(["Volodymyr Zelensky", "Wang Guangjun"]);
    expect(second.data.actors.pageInfo.hasNextPage).toBe(false);
  });

  it("filters actors by kind and by country", async () => {
    const { data } = await actors.execute(`{ people: actors(filter: { kind: PERSON, country: "CHN" }) { totalCount edges { node { name } } } }`);
    expect(data.people.edges.map((edge: any) => edge.node.name)).toEqual(["Lin Jian", "Wang Guangjun"]);
    expect(data.people.totalCount).toBe(2);
  });

  it.each([
    [`{ actors(first: 501) { totalCount } }`, "first"],
    [`{ actors(first: -1) { totalCount } }`, "first"],
    [`{ actors(after: "garbage") { totalCount } }`, "after"],
    [`{ actors(filter: { country: "Ukraine" }) { totalCount } }`, "filter.country"],
  ])("rejects bad list arguments: %s", async (query, argumentName) => {
    const { errors } = await actors.execute(query);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
  });

  it("rejects an unknown enum value", async () => {
    const { errors } = await actors.execute(`{ actors(filter: { kind: WIZARD }) { totalCount } }`);
    expect(errors?.[0]?.message).toContain("WIZARD");
  });

  it("lists relations from the subject's side and from the object's, with dates and source", async () => {
    const { data } = await actors.execute(`{
      lin: actor(id: "${ids.linJian}") { relations { edges { node { predicate validFrom object { name } source { id } } } } }
      ministry: actor(id: "${ids.ministry}") { relations(direction: INCOMING) { totalCount edges { node { subject { name } } } } }
    }`);
    expect(data.lin.relations.edges).toEqual([
      {
        node: { predicate: "SPOKESPERSON_FOR", validFrom: "2024-01-01", object: { name: "Ministry of Foreign Affairs of China" }, source: { id: ids.reuters } },
      },
    ]);
    expect(data.ministry.relations).toEqual({ totalCount: 1, edges: [{ node: { subject: { name: "Lin Jian" } } }] });
  });

  it("publishes a Federation 2 SDL with Actor as an entity", async () => {
    const { data } = await actors.execute(`{ _service { sdl } }`);
    expect(data._service.sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(data._service.sdl).toMatch(/type Actor\s+@key\(fields: "id"\)/);
  });

  it("resolves many Actor representations with one SQL query", async () => {
    const representations = [ids.zelensky, ids.linJian, ids.brigade, "meridian:nobody"].map((id) => ({ __typename: "Actor", id }));
    const result = await actors.execute(`query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Actor { id name } } }`, {
      representations,
    });
    expect(result.data._entities).toEqual([
      { id: ids.zelensky, name: "Volodymyr Zelensky" },
      { id: ids.linJian, name: "Lin Jian" },
      { id: ids.brigade, name: "81st Airmobile Brigade" },
      null,
    ]);
    expect(result.sqlStatements).toBe(1);
  });

  it("batches aliases and relations across a page of actors", async () => {
    const few = await actors.execute(`{ actors(first: 2) { edges { node { aliases { value } relations { edges { node { id } } } } } } }`);
    const many = await actors.execute(`{ actors(first: 6) { edges { node { aliases { value } relations { edges { node { id } } } } } } }`);
    expect(few.sqlStatements).toBe(3);
    expect(many.sqlStatements).toBe(few.sqlStatements);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("actors subgraph on postgres"));
