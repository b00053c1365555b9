// What the gateway reads off Apollo's query plans (gateway/query-plans.ts): the subgraphs a plan
// fetches from, which are the only ones whose data versions the response cache reads. Checked on
// the plans Apollo's planner makes from the supergraph, for operations that ask one, two and
// three subgraphs, a condition's both branches, and none.
import { type Operation, Supergraph, parseOperation } from "@apollo/federation-internals";
import { QueryPlanner } from "@apollo/query-planner";
import { describe, expect, it } from "vitest";
import { subgraphsOfPlan } from "../../gateway/query-plans.js";
import { readSupergraph } from "../../gateway/supergraph.js";

const supergraph = Supergraph.build(readSupergraph());
const planner = new QueryPlanner(supergraph);

function subgraphsAsked(operationText: string): string[] {
  const operation: Operation = parseOperation(supergraph.schema, operationText);
  return subgraphsOfPlan(planner.buildQueryPlan(operation));
}

describe("subgraphsOfPlan", () => {
  it.each([
    ["a page of incidents", `{ incidents(first: 2) { edges { node { id title } } } }`, ["incidents"]],
    ["an actor with its statements", `{ actor(id: "x") { name statements(first: 2) { totalCount } } }`, ["actors", "statements"]],
    [
      "an actor with its statements and incidents",
      `{ actor(id: "x") { name statements(first: 1) { totalCount } incidents(first: 1) { totalCount } } }`,
      ["actors", "incidents", "statements"],
    ],
    [
      "a field skipped by a variable: both branches",
      `query ($skip: Boolean!) { actor(id: "x") { name statements(first: 1) @skip(if: $skip) { totalCount } } }`,
      ["actors", "statements"],
    ],
    ["the gateway's own answer", `{ __typename }`, []],
  ])("%s", (_case, operation, expected) => {
    expect(subgraphsAsked(operation)).toEqual(expected);
  });
});
