// drizzle-kit settings for the incidents subgraph: its tables, its Postgres schema, its migrations.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./services/incidents/data/tables.ts",
  out: "./services/incidents/data/migrations",
  schemaFilter: ["incidents"],
});
