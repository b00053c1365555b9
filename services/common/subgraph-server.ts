import type { BaseContext } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { Database } from "../../db/client.js";
import type { SubgraphDefinition } from "../subgraphs.js";
import { GraphQLHttpServer } from "./http-server.js";

/** A subgraph's HTTP server on a database; each request gets a fresh context with fresh loaders. */
export async function createSubgraphServer(
  subgraph: SubgraphDefinition,
  db: Database,
  options: { isProduction: boolean },
): Promise<GraphQLHttpServer<BaseContext>> {
  return new GraphQLHttpServer({
    schema: await subgraph.buildSchema(),
    paths: ["/graphql"],
    introspection: !options.isProduction,
    // Inline traces are only read by Apollo's hosted studio, which this offline graph does not use.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    createContext: () => subgraph.createContext(db),
  });
}
