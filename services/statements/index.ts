// The statements subgraph as the registry (services/registry.ts) knows it: sources, statements, claims and stances.
import { fileURLToPath } from "node:url";
import { defineSubgraph } from "../kit/server/subgraph-definition.js";

export const statements = defineSubgraph({
  name: "statements",
  defaultPort: 4002,
  migrationsFolder: fileURLToPath(new URL("./data/migrations", import.meta.url)),
  load: async () => {
    // The schema first: it loads reflect-metadata, which the context's type-graphql classes need.
    const { buildStatementsSchema } = await import("./schema/schema.js");
    const { createStatementsContext } = await import("./data/context.js");
    return { buildSchema: buildStatementsSchema, createContext: createStatementsContext };
  },
});
