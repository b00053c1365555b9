// Compiled execution (graphql-jit in the subgraphs, services/kit/server/compiled-execution.ts)
// answers exactly as graphql-js's execution does: two graphs on one seeded database, one with
// it and one without, are sent the same operations (twice to the compiled one: an operation is
// compiled when it comes back) (every example, the benchmark's, and ones
// built to reach abstract types, directives, variables, fragments and errors), and every answer
// must be the same, data and errors alike. Besides those written here, one operation per root
// field of the schema selects everything it can three levels down, so a field added later is
// compared without anyone listing it.
import "reflect-metadata";
import {
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  astFromValue,
  getNamedType,
  isAbstractType,
  isNonNullType,
  isObjectType,
  print,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApiSchema } from "../../../gateway/api-schema.js";
import { readSupergraph } from "../../../gateway/supergraph.js";
import { filler } from "../../support/argument-cases.js";
import { BENCH_OPERATIONS } from "../../../bench/operations.js";
import { loadSeed } from "../../../ingest/seed/load-seed.js";
import { readExamples } from "../../../platform/metrics/example-operations.js";
import { forEverySubgraph } from "../../../services/registry.js";
import { BACKENDS, type TestDatabase } from "../../../scripts/harness/backends.js";
import { API_KEYS, KEYS } from "../../support/keyed-graph.js";
import { type RunningGraph, startGraph } from "../../support/graph.js";

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  asEditor?: boolean;
}

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

const requiredArguments = (field: GraphQLField<unknown, unknown>) => field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);

/** Every field of the type that needs no argument, objects entered `depth` levels deep, lists two items long. */
function selectionOf(schema: GraphQLSchema, type: GraphQLNamedType, depth: number): string {
  if (isAbstractType(type)) {
    const members = schema.getPossibleTypes(type).map((member) => `... on ${member.name} { ${selectionOf(schema, member, depth)} }`);
    return `__typename ${members.join(" ")}`;
  }
  if (!isObjectType(type)) return "";
  const parts = ["__typename"];
  for (const field of Object.values(type.getFields())) {
    if (requiredArguments(field).length > 0) continue;
    const named = getNamedType(field.type);
    const first = field.args.some((arg) => arg.name === "first") ? "(first: 2)" : "";
    if (isObjectType(named) || isAbstractType(named)) {
      if (depth > 0) parts.push(`${field.name}${first} { ${selectionOf(schema, named, depth - 1)} }`);
    } else parts.push(`${field.name}${first}`);
  }
  return parts.join(" ");
}

/** One operation per root field of the API schema, its required arguments filled with valid values, selecting all it can three levels down. */
function everyRootField(): Case[] {
  const schema = buildApiSchema(readSupergraph());
  return Object.values(schema.getQueryType()!.getFields()).map((field) => {
    const args = [
      ...requiredArguments(field).map((arg) => `${arg.name}: ${print(astFromValue(filler(arg.type, arg.name), arg.type)!)}`),
      ...(field.args.some((arg) => arg.name === "first") ? ["first: 3"] : []),
    ];
    const named = getNamedType(field.type);
    const selection = isObjectType(named) || isAbstractType(named) ? ` { ${selectionOf(schema, named, 3)} }` : "";
    return {
      name: `every field under Query.${field.name}`,
      query: `{ ${field.name}${args.length ? `(${args.join(", ")})` : ""}${selection} }`,
      asEditor: true,
    };
  });
}

describe.each(BACKENDS.slice(0, 1))("compiled execution on $name", (backend) => {
  let database: TestDatabase;
  let compiled: RunningGraph;
  let interpreted: RunningGraph;
  beforeAll(async () => {
    database = await backend.create();
    await loadSeed(forEverySubgraph(database.handle));
    compiled = await startGraph(database.handle, { apiKeys: API_KEYS, responseCacheMaxBytes: 0 });
    interpreted = await startGraph(database.handle, { apiKeys: API_KEYS, responseCacheMaxBytes: 0, compiledExecution: false });
  });
  afterAll(async () => {
    await compiled?.stop();
    await interpreted?.stop();
    await database?.dispose();
  });

  const answer = async (graph: RunningGraph, one: Case) => {
    const response = await fetch(graph.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...(one.asEditor ? { authorization: `Bearer ${KEYS.alice}` } : {}) },
      body: JSON.stringify({ query: one.query, variables: one.variables }),
    });
    return { status: response.status, body: await response.json() };
  };

  const answeredWhole: string[] = [];
  const cases: Case[] = [
    ...readExamples().map((example) => ({ name: `example ${example.file}`, query: example.source })),
    ...BENCH_OPERATIONS.map((operation) => ({ name: `bench ${operation.name}`, query: operation.query, variables: operation.variables(10) })),
    ...BUILT,
    ...everyRootField(),
  ];

  it.each(cases.map((one) => [one.name, one] as const))("%s: the same answer", async (_name, one) => {
    const expected = await answer(interpreted, one);
    // The first time graphql-js runs it (an operation is compiled when it comes back); the second, graphql-jit.
    expect(await answer(compiled, one)).toEqual(expected);
    const actual = await answer(compiled, one);
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
