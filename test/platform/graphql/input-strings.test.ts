// The check of every argument's strings (platform/graphql/input-strings.ts) finds a bad string
// wherever the operation puts it: written in the document or sent as a variable, at any depth
// of an input object or list, and names its path; an operation without one costs no typed walk.
import { type OperationDefinitionNode, buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { inputStringProblems } from "../../../platform/graphql/input-strings.js";

const schema = buildSchema(`
  scalar JSON
  input AliasInput { value: String! }
  input ActorInput { name: String!, aliases: [AliasInput!] }
  type Query { search(query: String, meta: JSON): Boolean }
  type Mutation { createActor(input: ActorInput!): Boolean }
`);

function problemsOf(text: string, variables: Record<string, unknown> = {}) {
  const document = parse(text);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return inputStringProblems(schema, document, operation, variables).error()?.extensions;
}

describe("bad strings in arguments", () => {
  it("names a NUL written in the document, deep in an input object", () => {
    expect(problemsOf(`mutation { createActor(input: { name: "ok", aliases: [{ value: "a\\u0000b" }] }) }`)).toMatchObject({
      code: "BAD_USER_INPUT",
      argumentName: "input.aliases[0].value",
    });
  });

  it("names a lone surrogate sent as a variable, deep in an input object", () => {
    const text = "mutation ($input: ActorInput!) { createActor(input: $input) }";
    expect(problemsOf(text, { input: { name: "ok", aliases: [{ value: "fine" }, { value: "\udfff" }] } })).toMatchObject({
      argumentName: "input.aliases[1].value",
    });
  });

  it("finds a variable's bad string through a fragment", () => {
    const text = "query ($q: String) { ...f } fragment f on Query { search(query: $q) }";
    expect(problemsOf(text, { q: "x".repeat(100_001) })).toMatchObject({ argumentName: "query" });
  });

  it("answers nothing for good strings, and for a bad string a variable holds that no argument takes", () => {
    expect(problemsOf(`query ($q: String) { search(query: $q) }`, { q: "Zelensky", unused: "a\u0000b" })).toBeUndefined();
    // A custom scalar's object is its own to check: the typed walk does not enter it.
    expect(problemsOf(`query ($m: JSON) { search(meta: $m) }`, { m: { note: "a\u0000b" } })).toBeUndefined();
  });

  it("gives the same answer for the same parsed document again", () => {
    const document = parse(`{ search(query: "a\\u0000b") }`);
    const operation = document.definitions[0] as OperationDefinitionNode;
    for (let time = 0; time < 2; time += 1) {
      expect(inputStringProblems(schema, document, operation, {}).error()?.extensions).toMatchObject({ argumentName: "query" });
    }
  });
});
