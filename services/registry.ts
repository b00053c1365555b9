// The ONE list of the subgraphs. Starting, composing, configuring and migrating them derive
// from it, and the tests check the deployment files (docker-compose.yml, router/router.yaml,
// package.json) against it: a new subgraph is its folder under services/, with an index.ts
// describing it, and one line here.
import type { SubgraphDefinition } from "./kit/server/subgraph-definition.js";
import { actors } from "./actors/index.js";
import { incidents } from "./incidents/index.js";
import { statements } from "./statements/index.js";

/** The subgraphs of the supergraph, in the order they are composed. */
export const SUBGRAPHS = [actors, statements, incidents] as const;

export type RegisteredSubgraph = (typeof SUBGRAPHS)[number];
export type SubgraphName = RegisteredSubgraph["name"];

export const SUBGRAPH_NAMES: readonly SubgraphName[] = SUBGRAPHS.map((subgraph) => subgraph.name);

export function subgraphNamed(name: SubgraphName): SubgraphDefinition<SubgraphName> {
  return SUBGRAPHS.find((subgraph) => subgraph.name === name)!;
}

/** The same value for every registered subgraph: one database handle they all share, one URL none answers at. */
export function forEverySubgraph<T>(value: T): Record<SubgraphName, T> {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, value])) as Record<SubgraphName, T>;
}
