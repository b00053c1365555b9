// The supergraph of the registered subgraphs (npm run compose writes it to gateway/supergraph.graphql).
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { SUBGRAPHS, type SubgraphName } from "./registry.js";

/** Where the committed supergraph routes each subgraph by default (its default port); the gateway's configuration can override it. */
export const DEFAULT_ROUTING_URLS = Object.fromEntries(
  SUBGRAPHS.map((subgraph) => [subgraph.name, `http://localhost:${subgraph.defaultPort}/graphql`]),
) as Record<SubgraphName, string>;

export class CompositionError extends Error {
  constructor(readonly problems: string[]) {
    super(`composition failed:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "CompositionError";
  }
}

/** Composes the supergraph SDL from the subgraphs' own schemas, as Rover would, without the network. */
export async function composeSupergraph(): Promise<string> {
  const services = await Promise.all(
    SUBGRAPHS.map(async (subgraph) => ({
      name: subgraph.name,
      url: DEFAULT_ROUTING_URLS[subgraph.name],
      typeDefs: parse(printSubgraphSchema(await (await subgraph.load()).buildSchema())),
    })),
  );
  const result = composeServices(services);
  if (result.errors) {
    throw new CompositionError(result.errors.map((error) => `${error.extensions?.code ?? "ERROR"}: ${error.message}`));
  }
  return result.supergraphSdl;
}
