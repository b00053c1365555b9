import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subgraphNamed } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type SubgraphUnderTest, subgraphUnderTest } from "../../support/execute.js";
import { ids, insertFixtures } from "../../support/fixtures.js";

describe.each(BACKENDS)("incidents subgraph on $name", (backend) => {
  let incidents: SubgraphUnderTest;
  beforeAll(async () => {
    incidents = await subgraphUnderTest(backend, subgraphNamed("incidents"), (handle) => insertFixtures(handle.db));
  });
  afterAll(() => incidents.database.dispose());

  it("answers an incident with its date precision, places (primary first), participants and sources", async () => {
    const { data } = await incidents.execute(`{ incident(id: "${ids.capture}") {
      type status startDate { date precision } taxonomy { dataset }
      place { id } places { id admin1 isPrimary isDisputed source { id } }
      participants { role count actor { id } } sources { id } } }`);
    expect(data.incident).toEqual({
      type: "CAPTURE",
      status: "REPORTED",
      startDate: { date: "2025-04-08", precision: "ON_OR_BEFORE" },
      taxonomy: { dataset: "MERIDIAN" },
      place: { id: ids.placeDonetsk },
      places: [
        { id: ids.placeDonetsk, admin1: "Donetsk", isPrimary: true, isDisputed: true, source: { id: ids.briefing } },
        { id: ids.placeLuhansk, admin1: "Luhansk", isPrimary: false, isDisputed: true, source: { id: ids.reuters } },
      ],
      participants: [
        { role: "CAPTIVE", count: 1, actor: { id: ids.captive } },
        { role: "CAPTOR", count: null, actor: { id: ids.brigade } },
      ],
      sources: [{ id: ids.briefing }, { id: ids.reuters }],
    });
  });

  it("filters incidents by type and by date range, oldest first", async () => {
    const { data } = await incidents.execute(`{
      captures: incidents(filter: { type: CAPTURE }) { totalCount edges { node { id } } }
      april: incidents(filter: { occurred: { from: "2025-04-01", to: "2025-04-30" } }) { edges { node { id fatalities { best } } } }
      march: incidents(filter: { occurred: { to: "2025-03-31" } }) { totalCount }
    }`);
    expect(data.captures).toEqual({ totalCount: 1, edges: [{ node: { id: ids.capture } }] });
    expect(data.april.edges).toEqual([{ node: { id: ids.clash, fatalities: { best: 2 } } }, { node: { id: ids.capture, fatalities: { best: null } } }]);
    expect(data.march.totalCount).toBe(0);
  });

  it.each([
    [`{ incidents(filter: { occurred: { from: "2025-05-01", to: "2025-04-01" } }) { totalCount } }`, "filter.occurred.from"],
    [`{ incidents(filter: { occurred: { to: "yesterday" } }) { totalCount } }`, "filter.occurred.to"],
    [`{ incident(id: "meridian:") { id } }`, "id"],
    [`{ incidents(after: "WyJ4Il0") { totalCount } }`, "after"],
  ])("rejects bad arguments: %s", async (query, argumentName) => {
    const { errors } = await incidents.execute(query);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
  });

  it("adds incidents to actors it only knows by ID, optionally by role", async () => {
    const { data } = await incidents.execute(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Actor { id incidents { totalCount edges { node { id } } } captor: incidents(filter: { role: CAPTOR }) { totalCount } } } }`,
      {
        representations: [
          { __typename: "Actor", id: ids.brigade },
          { __typename: "Actor", id: ids.zelensky },
        ],
      },
    );
    expect(data._entities).toEqual([
      { id: ids.brigade, incidents: { totalCount: 2, edges: [{ node: { id: ids.clash } }, { node: { id: ids.capture } }] }, captor: { totalCount: 1 } },
      { id: ids.zelensky, incidents: { totalCount: 0, edges: [] }, captor: { totalCount: 0 } },
    ]);
  });

  it("resolves Incident and Place representations with one SQL query per type", async () => {
    const result = await incidents.execute(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Incident { id title } ... on Place { id name } } }`,
      {
        representations: [
          { __typename: "Incident", id: ids.capture },
          { __typename: "Place", id: ids.placeLuhansk },
          { __typename: "Incident", id: ids.clash },
          { __typename: "Place", id: ids.placeDonetsk },
        ],
      },
    );
    expect(result.data._entities.map((entity: any) => entity.id)).toEqual([ids.capture, ids.placeLuhansk, ids.clash, ids.placeDonetsk]);
    expect(result.sqlStatements).toBe(2);
  });

  it("costs the same number of SQL queries for a page of one incident as for a page of all", async () => {
    const query = `query($first: Int!) { incidents(first: $first) { edges { node { place { name } participants { actor { id } } sources { id } } } } }`;
    const one = await incidents.execute(query, { first: 1 });
    const all = await incidents.execute(query, { first: 10 });
    expect(all.sqlStatements).toBe(one.sqlStatements);
  });

  it("publishes Incident and Place as entities and Source as a reference it does not resolve", async () => {
    const { data } = await incidents.execute(`{ _service { sdl } }`);
    expect(data._service.sdl).toMatch(/type Incident\s+@key\(fields: "id"\)/);
    expect(data._service.sdl).toMatch(/type Place\s+@key\(fields: "id"\)/);
    expect(data._service.sdl).toMatch(/type Source\s+@key\(fields: "id", resolvable: false\)/);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("incidents subgraph on postgres"));
