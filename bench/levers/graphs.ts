// The graphs a lever measures against: the base set of three subgraphs and a gateway, and one subgraph started as a variant beside them.
import { type GraphAddresses, type Process, SUBGRAPHS, graphAddresses, startGateway, startSubgraph } from "../harness.js";

export interface BaseGraph {
  addresses: GraphAddresses;
  subgraphs: Record<(typeof SUBGRAPHS)[number], Process>;
  gateway: { process: Process; url: string };
}

interface GraphVariant {
  /** Names the processes, e.g. "gateway (batched)". */
  name?: string;
  /** Node's own options for the subgraphs, and for the gateway. */
  subgraphNodeArgs?: string[];
  gatewayNodeArgs?: string[];
  /** Environment for the subgraphs. */
  subgraphEnv?: Record<string, string>;
}

/** Three subgraphs and a gateway in front of them, started now, as `variant` says. */
export async function startBaseGraph(databaseUrl: string, processes: Process[], variant: GraphVariant = {}): Promise<BaseGraph> {
  const addresses = await graphAddresses(databaseUrl);
  const subgraphs = {} as BaseGraph["subgraphs"];
  const label = (name: string) => (variant.name ? `${name} (${variant.name})` : name);
  for (const name of SUBGRAPHS) {
    subgraphs[name] = await startSubgraph(addresses, name, { label: label(name), nodeArgs: variant.subgraphNodeArgs, env: variant.subgraphEnv });
    processes.push(subgraphs[name]);
  }
  const gateway = await startGateway(addresses, { label: label("gateway"), nodeArgs: variant.gatewayNodeArgs });
  processes.push(gateway.process);
  return { addresses, subgraphs, gateway };
}

/** Starts a variant of one subgraph beside the base set, on ports of its own; returns it and its URL. */
export async function startVariant(databaseUrl: string, name: (typeof SUBGRAPHS)[number], label: string, env: Record<string, string>, nodeArgs: string[] = []) {
  const addresses = await graphAddresses(databaseUrl);
  const process = await startSubgraph(addresses, name, { label, env, nodeArgs });
  return { process, url: addresses.subgraphUrl(name) };
}
