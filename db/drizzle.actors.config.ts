// drizzle-kit settings for the actors subgraph: its tables, its Postgres schema, its migrations.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./services/actors/db/tables.ts",
  out: "./db/migrations/actors",
  schemaFilter: ["actors"],
});
