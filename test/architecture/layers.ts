// The layers of the tree, top to bottom (docs/architecture.md draws them). An import may run
// down or stay within its layer; within the subgraphs' layer, a subgraph imports neither another
// subgraph nor the gateway, and the gateway imports no subgraph.

export interface Layer {
  /** The layer's name; for a subgraph, `subgraph <name>`. */
  name: string;
  /** Higher runs higher: an import must not go to a layer with a higher rank. */
  rank: number;
}

const TOOLS: Layer = { name: "tools", rank: 7 };

/** The layer a file belongs to; undefined for tests, which may import anything. */
export function layerOf(file: string): Layer | undefined {
  // Tests, and the test runner's own configuration, may import anything.
  if (file.startsWith("test/") || file === "vitest.config.ts") return undefined;
  // Process entry points and the tools compose everything below them.
  if (!file.includes("/") || /^(scripts|bench|clients|examples)\//.test(file) || /(^|\/)main\.ts$/.test(file)) return TOOLS;
  if (file.startsWith("ingest/")) return { name: "ingest", rank: 6 };
  if (file.startsWith("services/kit/")) return { name: "kit", rank: 3 };
  const subgraph = /^services\/([^/]+)\//.exec(file);
  if (subgraph) return { name: `subgraph ${subgraph[1]}`, rank: 4 };
  // Files directly in services/: the registry and what composes or runs the registered subgraphs.
  if (file.startsWith("services/")) return { name: "registry", rank: 5 };
  if (file.startsWith("gateway/")) return { name: "gateway", rank: 4 };
  if (file.startsWith("platform/")) return { name: "platform", rank: 2 };
  if (file.startsWith("db/")) return { name: "db", rank: 1 };
  return { name: `unplaced (${file})`, rank: 0 };
}

/** Why an import breaks the layering, or undefined where it may stand. */
export function layeringProblem(from: string, to: string): string | undefined {
  const source = layerOf(from);
  const target = layerOf(to);
  if (source === undefined) return undefined;
  if (target === undefined) return `${from} (${source.name}) imports a test file, ${to}`;
  if (target.rank > source.rank) return `${from} (${source.name}) imports ${to} (${target.name}), a higher layer`;
  if (source.rank === 4 && target.rank === 4 && source.name !== target.name) {
    return `${from} (${source.name}) imports ${to} (${target.name}): the gateway and each subgraph stand apart`;
  }
  return undefined;
}
