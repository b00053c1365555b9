// The actors subgraph as the registry (services/registry.ts) knows it: actors, their aliases and their relations.
import { fileURLToPath } from "node:url";
import { defineSubgraph } from "../kit/server/subgraph-definition.js";

export const actors = defineSubgraph({
  name: "actors",
  defaultPort: 4001,
  migrationsFolder: fileURLToPath(new URL("./data/migrations", import.meta.url)),
  load: async () => {
    // The schema first: it loads reflect-metadata, which the context's type-graphql classes need.
    const { buildActorsSchema } = await import("./schema/schema.js");
    const { createActorsContext } = await import("./data/context.js");
    return { buildSchema: buildActorsSchema, createContext: createActorsContext };
  },
});
