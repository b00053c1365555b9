// The configuration with the registered subgraphs: what every process of Meridian parses at
// start (platform/config/config.ts reads the environment; this says which subgraphs it has).
import { type Config, environmentVariables, parseConfig } from "../platform/config/config.js";
import { SUBGRAPHS, type SubgraphName } from "./registry.js";

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config<SubgraphName> {
  return parseConfig(env, SUBGRAPHS);
}

/** Every variable Meridian reads, for checks that deployment files name only real ones. */
export const ENVIRONMENT_VARIABLES = environmentVariables(SUBGRAPHS);
