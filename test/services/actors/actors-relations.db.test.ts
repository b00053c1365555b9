import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subgraphNamed } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type SubgraphUnderTest, subgraphUnderTest } from "../../support/execute.js";
import { actorWorld as w, insertActorWorld } from "../../support/fixtures.js";

describe.each(BACKENDS)("relations valid on a day on $name", (backend) => {
  let actors: SubgraphUnderTest;
  const relationsOf = async (id: string, args: string, end: "subject" | "object") => {
    const { data, errors } = await actors.execute(
      `{ actor(id: "${id}") { relations(${args}) { totalCount edges { node { predicate validFrom validTo ${end} { name } } } } } }`,
    );
    expect(errors).toBeUndefined();
    return data.actor.relations;
  };
  const spokespeopleOn = async (day: string) =>
    (await relationsOf(w.ministry, `direction: INCOMING, filter: { predicate: SPOKESPERSON_FOR }, at: "${day}"`, "subject")).edges.map(
      (edge: any) => edge.node.subject.name,
    );

  beforeAll(async () => {
    actors = await subgraphUnderTest(backend, subgraphNamed("actors"), (handle) => insertActorWorld(handle.db));
  });
  afterAll(() => actors.database.dispose());

  it("tells who spoke for the ministry on a day", async () => {
    expect(await spokespeopleOn("2025-04-10")).toEqual(["Lin Jian"]);
    expect((await spokespeopleOn("2021-01-01")).sort()).toEqual(["Wang Wenbin", "Zhao Lijian"]);
    expect((await spokespeopleOn("2024-01-01")).sort()).toEqual(["Lin Jian", "Wang Wenbin"]);
    expect(await spokespeopleOn("2019-01-01")).toEqual([]);
  });

  it("counts both ends of a validity period as inside it, and a relation without dates as always valid", async () => {
    const leadersOfUkraine = async (day: string) =>
      (await relationsOf(w.ukraine, `direction: INCOMING, at: "${day}"`, "subject")).edges.map((edge: any) => edge.node.subject.name).sort();
    expect(await leadersOfUkraine("2014-06-07")).toEqual(["Petro Poroshenko"]);
    expect(await leadersOfUkraine("2019-05-20")).toEqual(["Petro Poroshenko", "Volodymyr Zelensky"]);
    expect(await leadersOfUkraine("2025-01-01")).toEqual(["Volodymyr Zelensky"]);
    const regimentOn = async (day: string) => (await relationsOf(w.regiment70, `at: "${day}"`, "object")).edges.map((edge: any) => edge.node.object.name);
    expect(await regimentOn("1990-01-01")).toEqual(["Armed Forces of the Russian Federation"]);
  });

  it("lists a relation from the subject's side only while it holds, with its dates", async () => {
    expect(await relationsOf(w.wangGuangjun, `at: "2025-03-01"`, "object")).toEqual({
      totalCount: 1,
      edges: [{ node: { predicate: "SERVES_IN", validFrom: "2025-02-01", validTo: "2025-04-08", object: { name: "70th Motorized Rifle Regiment" } } }],
    });
    expect(await relationsOf(w.wangGuangjun, `at: "2025-04-09"`, "object")).toEqual({ totalCount: 0, edges: [] });
  });

  it("lists every relation when no day is given", async () => {
    expect((await relationsOf(w.ministry, `direction: INCOMING`, "subject")).totalCount).toBe(3);
  });

  it("batches relations on a day across a page of actors", async () => {
    const operation = (first: number) => `{ actors(first: ${first}) { edges { node { relations(at: "2021-01-01") { totalCount edges { node { id } } } } } } }`;
    const few = await actors.execute(operation(2));
    const many = await actors.execute(operation(13));
    expect(few.errors).toBeUndefined();
    expect(few.sqlStatements).toBe(3);
    expect(many.sqlStatements).toBe(few.sqlStatements);
  });

  it.each(["2025-02-30", "10/04/2025", "today"])("rejects the day %s naming the argument", async (day) => {
    const { errors } = await actors.execute(`{ actor(id: "${w.ministry}") { relations(at: "${day}") { totalCount } } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "at" });
  });

  it("rejects an unknown predicate", async () => {
    const { errors } = await actors.execute(`{ actor(id: "${w.ministry}") { relations(filter: { predicate: ADMIRES }) { totalCount } } }`);
    expect(errors?.[0]?.message).toContain("ADMIRES");
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("relations valid on a day on postgres"));
