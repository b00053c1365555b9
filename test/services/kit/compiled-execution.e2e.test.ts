// Compiled execution (graphql-jit in the subgraphs, services/kit/server/compiled-execution.ts)
// answers exactly as graphql-js's execution does: two graphs on one seeded database, one with
// it and one without, are sent the same operations (twice to the compiled one: an operation is
// compiled when it comes back) (every example, the benchmark's, and ones
// built to reach abstract types, directives, variables, fragments and errors), and every answer
// must be the same, data and errors alike. Besides those written here, one operation per root
// field of the schema selects everything it can three levels down, so a field added later is
// compared without anyone listing it.
import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { type OperationCase, answerOf, everyKnownOperation, seededTwinGraphs } from "../../support/operation-cases.js";
import { BACKENDS } from "../../../scripts/harness/backends.js";
import type { RunningGraph } from "../../support/graph.js";

type Case = OperationCase;

const BUILT: Case[] = [
  {
    name: "variables, @include and @skip, aliases and fragments",
    query: `query ($withPlaces: Boolean!, $first: Int!) {
      first: incidents(first: $first) { ...page }
      again: incidents(first: 2, sort: { order: DESC }) { edges { cursor node { __typename id title @skip(if: $withPlaces) } } }
    }
    fragment page on IncidentConnection { totalCount pageInfo { hasNextPage endCursor } edges { node { id type places @include(if: $withPlaces) { name country isPrimary } } } }`,
    variables: { withPlaces: true, first: 3 },
  },
  {
    name: "entities across all three subgraphs, lists of lists",
    query: `{ claims(first: 5) { edges { node { text quantity subject { name kind aliases { value } } stances(first: 3) { edges { node { stance statement { text speaker { name } source { title } } } } } } } } }`,
  },
  { name: "an unknown ID answers null", query: `{ actor(id: "no-such-actor") { id name } }` },
  { name: "a cursor that is not one", query: `{ actors(first: 2, after: "not-a-cursor") { edges { node { id } } } }` },
  { name: "a page past the largest", query: `{ incidents(first: 100000) { edges { node { id } } } }` },
  { name: "an editors' list without a key", query: `{ actorChanges(first: 2) { edges { node { id } } } }` },
  {
    name: "an editors' list with a key",
    query: `{ actorChanges(first: 2) { edges { node { id kind entityKind } } } imports(first: 2) { edges { node { id } } } }`,
    asEditor: true,
  },
  { name: "a mutation refused for bad input", query: `mutation { createActor(input: { name: "", kind: PERSON }) { id } }`, asEditor: true },
  { name: "search with excerpts", query: `{ searchStatements(query: "Chinese citizens", first: 5) { edges { node { statement { text } } } } }` },
];

describe.each(BACKENDS.slice(0, 1))("compiled execution on $name", (backend) => {
  const graphs = seededTwinGraphs(backend, { compiledExecution: false });
  const answer = async (graph: RunningGraph, one: Case) => {
    const { status, text } = await answerOf(graph, one);
    return { status, body: JSON.parse(text) };
  };

  const answeredWhole: string[] = [];
  const cases: Case[] = everyKnownOperation(BUILT);

  it.each(cases.map((one) => [one.name, one] as const))("%s: the same answer", async (_name, one) => {
    const expected = await answer(graphs.b, one);
    // The first time graphql-js runs it (an operation is compiled when it comes back); the second, graphql-jit.
    expect(await answer(graphs.a, one)).toEqual(expected);
    const actual = await answer(graphs.a, one);
    expect(actual).toEqual(expected);
    // Something was answered, not two matching failures of the whole request.
    expect(expected.body.data ?? expected.body.errors).toBeDefined();
    if (expected.body.data && !expected.body.errors) answeredWhole.push(one.name);
  });

  it("compared whole answers, not mostly refusals", () => {
    // Some built cases are errors on purpose; the rest, the generated ones included, must have run.
    expect(answeredWhole.length).toBeGreaterThan(cases.length * 0.7);
    expect(answeredWhole.filter((name) => name.startsWith("every field under")).length).toBeGreaterThan(15);
  });
});
