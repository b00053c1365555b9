// drizzle-kit settings for the actors subgraph: its tables, its Postgres schema, its migrations.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./services/actors/data/tables.ts",
  out: "./services/actors/data/migrations",
  schemaFilter: ["actors"],
});
