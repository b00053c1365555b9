import { readFileSync } from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { SubgraphName } from "../db/migrate.js";
import { GraphQLHttpServer } from "../services/common/http-server.js";

/** The operation the Sandbox opens on in development: the seed story. */
export const EXAMPLE_OPERATION = readFileSync(new URL("./example-operation.graphql", import.meta.url), "utf8");

export interface GatewayOptions {
  supergraphSdl: string;
  /** Where each subgraph is reached; overrides the routing URLs in the supergraph. */
  subgraphUrls: Record<SubgraphName, string>;
  isProduction: boolean;
}

/**
 * An Apollo gateway on a static supergraph: it never introspects the subgraphs, so it
 * starts without them and composition problems are caught at build time (`npm run compose`).
 */
export function createGatewayServer(options: GatewayOptions): GraphQLHttpServer<Record<string, never>> {
  // Otherwise the gateway exports usage telemetry to Apollo: Meridian sends nothing anywhere.
  process.env.APOLLO_TELEMETRY_DISABLED = "1";
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({ url: options.subgraphUrls[name as SubgraphName] ?? url }),
  });
  return new GraphQLHttpServer({
    gateway,
    paths: ["/", "/graphql"],
    introspection: !options.isProduction,
    plugins: [
      options.isProduction
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, document: EXAMPLE_OPERATION }),
    ],
    createContext: () => ({}),
  });
}
