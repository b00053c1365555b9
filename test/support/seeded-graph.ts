// The fixture of every end-to-end suite: a fresh database on the backend under test, the seed
// story loaded exactly as `npm start` loads it (plus whatever a suite adds), and the whole
// graph in front of it. Registers its own beforeAll/afterAll, so call it inside `describe`.
import { afterAll, beforeAll, expect } from "vitest";
import type { SubgraphHandles } from "../../ingest/documents/subgraph-handles.js";
import { loadSeed } from "../../ingest/seed/load-seed.js";
import type { Backend, TestDatabase } from "../../scripts/harness/backends.js";
import { type GraphQLResponse, type RunningGraph, postGraphQL, startGraph } from "./graph.js";
import { forEverySubgraph } from "../../services/registry.js";

export interface SeededGraph {
  /** The gateway's URL; valid once the suite's beforeAll has run. */
  readonly gatewayUrl: string;
  /** Sends an operation to the gateway and returns the whole response, errors included. */
  post(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  /** Sends an operation that must succeed and returns its data. */
  ask(query: string, variables?: Record<string, unknown>): Promise<any>;
}

/**
 * `setupTimeoutMs`: for a suite whose `addData` takes longer than vitest's hookTimeout (an import, say).
 * `graphOptions`: how the graph is started (its API keys, for a suite that asks for editors' fields).
 */
export function useSeededGraph(
  backend: Backend,
  addData?: (handles: SubgraphHandles) => Promise<unknown>,
  setupTimeoutMs?: number,
  graphOptions?: Parameters<typeof startGraph>[1],
): SeededGraph {
  let database: TestDatabase;
  let graph: RunningGraph;
  beforeAll(async () => {
    database = await backend.create();
    const handles = forEverySubgraph(database.handle);
    await loadSeed(handles);
    await addData?.(handles);
    graph = await startGraph(database.handle, graphOptions);
  }, setupTimeoutMs);
  afterAll(async () => {
    await graph?.stop();
    await database?.dispose();
  });
  const post = (query: string, variables?: Record<string, unknown>) => postGraphQL(graph.gatewayUrl, query, variables);
  return {
    get gatewayUrl() {
      return graph.gatewayUrl;
    },
    post,
    async ask(query, variables) {
      const { data, errors } = await post(query, variables);
      expect(errors).toBeUndefined();
      return data;
    },
  };
}
