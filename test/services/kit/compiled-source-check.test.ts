// Compiled execution sizes its cache by the JavaScript graphql-jit generated (its undocumented
// `debug` option keeps it). A graphql-jit that stops giving it must stop the subgraph at start,
// saying why, not fail some operation's second request: here graphql-jit is made to leave it out.
import "reflect-metadata";
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { compiledExecution } from "../../../services/kit/server/compiled-execution.js";

vi.mock("graphql-jit", async (importOriginal) => {
  const original = await importOriginal<typeof import("graphql-jit")>();
  return {
    ...original,
    compileQuery: (...args: Parameters<typeof original.compileQuery>) => {
      const compiled = original.compileQuery(...args) as Record<string, unknown>;
      delete compiled.__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation;
      return compiled;
    },
  };
});

const schema = new GraphQLSchema({ query: new GraphQLObjectType({ name: "Query", fields: { hello: { type: GraphQLString, resolve: () => "hello" } } }) });

describe("compiled execution's check of graphql-jit at start", () => {
  it("refuses to start when graphql-jit does not give the generated source, naming it and the switch", () => {
    expect(() => compiledExecution(schema, { maxBytes: 1024 * 1024 })).toThrow(
      /graphql-jit no longer gives the generated source \(__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation\).*SUBGRAPH_COMPILED_EXECUTION=false/,
    );
  });
});
