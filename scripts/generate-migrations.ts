// npm run db:generate: drizzle-kit writes a migration for each registered subgraph whose
// tables changed, with the subgraph's own drizzle-kit configuration, which sits beside its
// migrations folder (services/<name>/data/drizzle.config.ts).
import { spawnSync } from "node:child_process";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { SUBGRAPHS } from "../services/registry.js";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
// The configurations name their files from the project root, where npm runs drizzle-kit.
const drizzleKit = join(projectRoot, "node_modules/drizzle-kit/bin.cjs");

for (const subgraph of SUBGRAPHS) {
  const config = relative(projectRoot, join(dirname(subgraph.migrationsFolder), "drizzle.config.ts"));
  const result = spawnSync(process.execPath, [drizzleKit, "generate", "--config", config], { cwd: projectRoot, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
