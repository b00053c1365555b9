// The operations bench:attack sends: the examples (examples/), each with the subgraphs its
// query plan calls, read from the gateway's own query planner on the committed supergraph,
// so that "touches the stopped subgraph" is what the gateway would do, not a guess.
import { Supergraph, operationFromDocument } from "@apollo/federation-internals";
import { QueryPlanner } from "@apollo/query-planner";
import { parse } from "graphql";
import { readExamples } from "../platform/metrics/example-operations.js";
import { readSupergraph } from "../gateway/supergraph.js";

export interface AttackOperation {
  name: string;
  query: string;
  /** The subgraphs the gateway's query plan fetches from. */
  subgraphs: ReadonlySet<string>;
}

export function attackOperations(): AttackOperation[] {
  const supergraph = Supergraph.build(readSupergraph());
  const planner = new QueryPlanner(supergraph);
  return readExamples().map((example) => {
    const plan = planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(example.source)));
    const subgraphs = new Set<string>();
    // Every fetch node of the plan, however nested (Sequence, Parallel, Flatten), names its subgraph.
    JSON.stringify(plan, (key, value: unknown) => {
      if (key === "serviceName" && typeof value === "string") subgraphs.add(value);
      return value;
    });
    return { name: example.name, query: example.source, subgraphs };
  });
}
