// drizzle-kit settings for the statements subgraph: its tables, its Postgres schema, its migrations.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./services/statements/data/tables.ts",
  out: "./services/statements/data/migrations",
  schemaFilter: ["statements"],
});
