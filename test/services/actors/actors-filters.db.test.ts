import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subgraphNamed } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type SubgraphUnderTest, subgraphUnderTest } from "../../support/execute.js";
import { actorWorld as w, insertActorWorld } from "../../support/fixtures.js";

const names = (connection: any) => connection.edges.map((edge: any) => edge.node.name);

describe.each(BACKENDS)("actor filters on $name", (backend) => {
  let actors: SubgraphUnderTest;
  const list = async (filter: string, page = "") => {
    const { data, errors } = await actors.execute(
      `{ actors(filter: ${filter}${page}) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(errors).toBeUndefined();
    return data.actors;
  };

  beforeAll(async () => {
    actors = await subgraphUnderTest(backend, subgraphNamed("actors"), (handle) => insertActorWorld(handle.db));
  });
  afterAll(() => actors.database.dispose());

  it("lists the actors of a country, by name, leaving out those without one", async () => {
    expect(names(await list(`{ country: "RUS" }`))).toEqual(["70th Motorized Rifle Regiment", "Armed Forces of the Russian Federation"]);
  });

  it("lists everyone who serves in a force", async () => {
    const page = await list(`{ relation: { predicate: SERVES_IN, object: "${w.regiment70}" } }`);
    expect(names(page)).toEqual(["Chinese citizens fighting for Russia", "Wang Guangjun"]);
    expect(page.totalCount).toBe(2);
  });

  it("lists only those whose relation is valid on the given day", async () => {
    const servingAfterCapture = await list(`{ relation: { predicate: SERVES_IN, object: "${w.regiment70}", at: "2025-05-01" } }`);
    expect(names(servingAfterCapture)).toEqual(["Chinese citizens fighting for Russia"]);
    expect(servingAfterCapture.totalCount).toBe(1);
    const spokespeopleIn2021 = await list(`{ relation: { predicate: SPOKESPERSON_FOR, object: "${w.ministry}", at: "2021-01-01" } }`);
    expect(names(spokespeopleIn2021)).toEqual(["Wang Wenbin", "Zhao Lijian"]);
    const spokespeopleIn2025 = await list(`{ relation: { predicate: SPOKESPERSON_FOR, object: "${w.ministry}", at: "2025-04-10" } }`);
    expect(names(spokespeopleIn2025)).toEqual(["Lin Jian"]);
  });

  it("counts both ends of a validity period as inside it", async () => {
    const leadersOn = async (day: string) => names(await list(`{ relation: { predicate: LEADER_OF, object: "${w.ukraine}", at: "${day}" } }`));
    expect(await leadersOn("2019-05-19")).toEqual(["Petro Poroshenko"]);
    expect(await leadersOn("2019-05-20")).toEqual(["Petro Poroshenko", "Volodymyr Zelensky"]);
    expect(await leadersOn("2019-05-21")).toEqual(["Volodymyr Zelensky"]);
    expect(await leadersOn("2014-06-06")).toEqual([]);
  });

  it("lists the subjects of a predicate whatever the object", async () => {
    expect(names(await list(`{ relation: { predicate: LEADER_OF } }`))).toEqual(["Petro Poroshenko", "Volodymyr Zelensky"]);
  });

  it("lists an actor once even when it holds several matching relations", async () => {
    expect(names(await list(`{ relation: { predicate: SPOKESPERSON_FOR } }`))).toEqual(["Lin Jian", "Wang Wenbin", "Zhao Lijian"]);
  });

  it("lists nobody for an unknown object", async () => {
    const page = await list(`{ relation: { predicate: SERVES_IN, object: "meridian:nobody" } }`);
    expect(page).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it("lists the actors with an alias in a scheme", async () => {
    expect(names(await list(`{ hasAliasInScheme: CAMEO }`))).toEqual(["Armed Forces of the Russian Federation", "Ukraine"]);
    expect(names(await list(`{ hasAliasInScheme: TITLE }`))).toEqual(["Olena Zelenska", "Petro Poroshenko", "Volodymyr Zelensky"]);
  });

  it("applies all given conditions together", async () => {
    const page = await list(`{ kind: PERSON, country: "UKR", hasAliasInScheme: WIKIDATA, relation: { predicate: LEADER_OF, at: "2025-01-01" } }`);
    expect(names(page)).toEqual(["Volodymyr Zelensky"]);
    expect(page.totalCount).toBe(1);
  });

  it("pages through a filtered list with keyset cursors", async () => {
    const filter = `{ relation: { predicate: SPOKESPERSON_FOR, object: "${w.ministry}" } }`;
    const first = await list(filter, ", first: 2");
    expect(names(first)).toEqual(["Lin Jian", "Wang Wenbin"]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list(filter, `, first: 2, after: "${first.pageInfo.endCursor}"`);
    expect(names(second)).toEqual(["Zhao Lijian"]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.totalCount).toBe(3);
  });

  it("reads a filtered page with one statement and its count with one more", async () => {
    const filter = `{ kind: PERSON, hasAliasInScheme: FREE, relation: { predicate: SPOKESPERSON_FOR, at: "2021-01-01" } }`;
    expect((await actors.execute(`{ actors(filter: ${filter}) { edges { node { name } } } }`)).sqlStatements).toBe(1);
    expect((await actors.execute(`{ actors(filter: ${filter}) { totalCount edges { node { name } } } }`)).sqlStatements).toBe(2);
  });

  it.each([
    [`{ country: "ukr" }`, "filter.country"],
    [`{ country: "Ukraine" }`, "filter.country"],
    [`{ relation: { predicate: SERVES_IN, object: "not an id" } }`, "filter.relation.object"],
    [`{ relation: { predicate: SERVES_IN, at: "2025-02-30" } }`, "filter.relation.at"],
    [`{ relation: { predicate: SERVES_IN, at: "yesterday" } }`, "filter.relation.at"],
  ])("rejects the filter %s naming %s", async (filter, argumentName) => {
    for (const operation of [`{ actors(filter: ${filter}) { totalCount } }`, `{ searchActors(query: "zelensky", filter: ${filter}) { totalCount } }`]) {
      const { errors } = await actors.execute(operation);
      expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
    }
  });

  it.each([
    [`{ hasAliasInScheme: NICKNAME }`, "NICKNAME"],
    [`{ relation: { predicate: ADMIRES } }`, "ADMIRES"],
    [`{ kind: WIZARD }`, "WIZARD"],
  ])("rejects the unknown enum value in %s", async (filter, value) => {
    const { errors } = await actors.execute(`{ actors(filter: ${filter}) { totalCount } }`);
    expect(errors?.[0]?.message).toContain(value);
  });

  it("rejects a relation condition without a predicate", async () => {
    const { errors } = await actors.execute(`{ actors(filter: { relation: { object: "${w.regiment70}" } }) { totalCount } }`);
    expect(errors?.[0]?.message).toContain("predicate");
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("actor filters on postgres"));
