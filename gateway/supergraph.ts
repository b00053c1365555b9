import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The committed, statically composed supergraph the gateway serves. */
export const SUPERGRAPH_PATH = fileURLToPath(new URL("./supergraph.graphql", import.meta.url));

export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_PATH, "utf8");
}
