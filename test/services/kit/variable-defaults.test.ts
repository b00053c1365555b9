// graphql-jit with the defaults filled in (services/kit/server/variable-defaults.ts) coerces
// variables as graphql-js does: the operation's defaults, input fields' defaults at any depth,
// in lists, and an explicit null kept as null. (graphql-jit cannot compile a variable of an input
// type that contains itself; compiled-execution.ts refuses such a schema at start.)
import { type OperationDefinitionNode, buildSchema, execute, parse } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { describe, expect, it } from "vitest";
import { compiledExecution } from "../../../services/kit/server/compiled-execution.js";
import { variableDefaults } from "../../../services/kit/server/variable-defaults.js";

const schema = buildSchema(`
  enum Precision { DAY MONTH YEAR }
  input DateInput { date: String!, precision: Precision! = DAY }
  input Window { from: DateInput, until: DateInput }
  input Filter { from: DateInput, dates: [DateInput!], windows: [Window!], limit: Int = 10, note: String = "none" }
  type Query { echo(filter: Filter, first: Int): String }
`);
// The resolver answers with the arguments it got, so the two executions can be compared.
const echo = schema.getQueryType()!.getFields().echo!;
echo.resolve = (_source, args) => JSON.stringify(args);

async function bothWays(text: string, variables: Record<string, unknown>) {
  const document = parse(text);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const compiled = compileQuery(schema, document);
  if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled.errors));
  const jit = await compiled.query(undefined, {}, variableDefaults(schema, operation.variableDefinitions ?? [])(variables));
  const js = await execute({ schema, document, variableValues: variables });
  return { jit: JSON.parse(JSON.stringify(jit)), js: JSON.parse(JSON.stringify(js)) };
}

const OPERATION = "query ($filter: Filter = { limit: 5 }, $first: Int! = 20) { echo(filter: $filter, first: $first) }";

describe("variables with their defaults, for graphql-jit", () => {
  it.each([
    ["nothing sent: the operation's defaults, and the input's own", {}],
    ["a nested input without its default field", { filter: { from: { date: "2025-01-11" } } }],
    ["inputs in a list", { filter: { dates: [{ date: "2025-01-11" }, { date: "2025", precision: "YEAR" }] } }],
    ["a single input where a list is expected", { filter: { dates: { date: "2025-01-11" } } }],
    ["inputs in inputs in a list", { filter: { windows: [{ from: { date: "2024" } }, { until: { date: "2025", precision: "MONTH" } }] } }],
    ["an explicit null stays null", { filter: { note: null, limit: null }, first: 3 }],
    ["a value that is wrong is refused alike", { filter: { from: { date: "2025", precision: "WEEK" } } }],
  ])("%s", async (_name, variables) => {
    const { jit, js } = await bothWays(OPERATION, variables);
    expect(jit.data).toEqual(js.data);
    expect(Boolean(jit.errors)).toBe(Boolean(js.errors));
  });

  it("leaves the variables untouched when no default applies", () => {
    const operation = parse("query ($first: Int) { echo(first: $first) }").definitions[0] as OperationDefinitionNode;
    const given = { first: 1 };
    expect(variableDefaults(schema, operation.variableDefinitions ?? [])(given)).toBe(given);
  });

  it("fills what graphql-jit alone would refuse", async () => {
    const document = parse(OPERATION);
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) throw new Error("not compiled");
    // Without the defaults filled in: the reason this module exists. If graphql-jit learns defaults, this fails and the module can go.
    expect((await compiled.query(undefined, {}, {})).errors?.[0]?.message).toMatch(/was not provided/);
  });
});

describe("a schema compiled execution cannot run", () => {
  it("is refused at start, naming the input type that contains itself", () => {
    const recursive = buildSchema(`
      input Filter { limit: Int, any: [Filter!] }
      type Query { echo(filter: Filter): String }
    `);
    expect(() => compiledExecution(recursive, { maxBytes: 1024 * 1024 })).toThrow(/contain themselves \(Filter\); set SUBGRAPH_COMPILED_EXECUTION=false/);
    expect(() => compiledExecution(schema, { maxBytes: 1024 * 1024 })).not.toThrow();
  });
});
