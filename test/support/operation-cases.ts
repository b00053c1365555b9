// For suites that compare two ways of answering (compiled execution, the gateway's single-fetch
// pass-through): two graphs on one seeded database, one operation per root field of the API schema
// selecting everything it can three levels down (so a field added later is compared without anyone
// listing it), and a case sent the same way to either.
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
import { afterAll, beforeAll } from "vitest";
import { BENCH_OPERATIONS } from "../../bench/operations.js";
import { readExamples } from "../../platform/metrics/example-operations.js";
import { buildApiSchema } from "../../gateway/api-schema.js";
import { readSupergraph } from "../../gateway/supergraph.js";
import { loadSeed } from "../../ingest/seed/load-seed.js";
import type { Backend, TestDatabase } from "../../scripts/harness/backends.js";
import { forEverySubgraph } from "../../services/registry.js";
import { filler } from "./argument-cases.js";
import { type RunningGraph, startGraph } from "./graph.js";
import { API_KEYS, KEYS } from "./keyed-graph.js";

export interface OperationCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  headers?: Record<string, string>;
  /** Sent with an editor's key. */
  asEditor?: boolean;
}

type GraphOptions = NonNullable<Parameters<typeof startGraph>[1]>;

/**
 * Two graphs (`a` as shipped, `b` with `bOptions`) on one database the seed story is loaded into,
 * started before the suite's tests and stopped after; no response cache, so every request is answered.
 */
export function seededTwinGraphs(backend: Backend, bOptions: GraphOptions): { a: RunningGraph; b: RunningGraph } {
  const twins = {} as { a: RunningGraph; b: RunningGraph; database: TestDatabase };
  beforeAll(async () => {
    twins.database = await backend.create();
    await loadSeed(forEverySubgraph(twins.database.handle));
    twins.a = await startGraph(twins.database.handle, { apiKeys: API_KEYS, responseCacheMaxBytes: 0 });
    twins.b = await startGraph(twins.database.handle, { apiKeys: API_KEYS, responseCacheMaxBytes: 0, ...bOptions });
  });
  afterAll(async () => {
    await twins.a?.stop();
    await twins.b?.stop();
    await twins.database?.dispose();
  });
  return twins;
}

/** The case's answer from the graph's gateway: status and body as sent. */
export async function answerOf(graph: RunningGraph, one: OperationCase): Promise<{ status: number; text: string }> {
  const response = await fetch(graph.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(one.asEditor ? { authorization: `Bearer ${KEYS.alice}` } : {}), ...one.headers },
    body: JSON.stringify({ query: one.query, variables: one.variables, operationName: one.operationName }),
  });
  return { status: response.status, text: await response.text() };
}

const requiredArguments = (field: GraphQLField<unknown, unknown>) => field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);

/** Every field of the type that needs no argument, objects entered `depth` levels deep, lists two items long. */
/** Every field of `type` that needs no argument, `depth` levels down, with `__typename` and the members of abstract types. */
export function selectionOf(schema: GraphQLSchema, type: GraphQLNamedType, depth: number): string {
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
export function everyRootField(): OperationCase[] {
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

/** Every example operation, every benchmark operation, the suite's own, and one per root field. */
export function everyKnownOperation<T extends OperationCase>(built: readonly T[]): (OperationCase | T)[] {
  return [
    ...readExamples().map((example) => ({ name: `example ${example.file}`, query: example.source })),
    ...BENCH_OPERATIONS.map((operation) => ({ name: `bench ${operation.name}`, query: operation.query, variables: operation.variables(10) })),
    ...built,
    ...everyRootField(),
  ];
}
