// The incidents subgraph as the registry (services/registry.ts) knows it: incidents, their places and participants.
import { fileURLToPath } from "node:url";
import { defineSubgraph } from "../kit/server/subgraph-definition.js";

export const incidents = defineSubgraph({
  name: "incidents",
  defaultPort: 4003,
  migrationsFolder: fileURLToPath(new URL("./data/migrations", import.meta.url)),
  load: async () => {
    // The schema first: it loads reflect-metadata, which the context's type-graphql classes need.
    const { buildIncidentsSchema } = await import("./schema/schema.js");
    const { createIncidentsContext } = await import("./data/context.js");
    return { buildSchema: buildIncidentsSchema, createContext: createIncidentsContext };
  },
});
