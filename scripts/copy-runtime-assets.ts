// The second half of `npm run build`: tsc compiles the TypeScript to dist/, and this copies
// the files the compiled code reads beside itself (`new URL("./…", import.meta.url)`), so
// that dist/ runs on its own: node dist/scripts/copy-runtime-assets.js <outDir>.
// Run from the project root, which is where npm runs scripts.
import { cpSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { SUBGRAPHS } from "../services/registry.js";

// The root of the compiled tree: below it, each file has the path its source has below the project root.
const compiledRoot = fileURLToPath(new URL("..", import.meta.url));

/** Every file or folder that code under services/, gateway/, db/ or scripts/ reads at run time. */
const RUNTIME_ASSETS = [
  "gateway/supergraph.graphql", // gateway/supergraph.ts
  "gateway/persisted-operations.json", // gateway/persisted-operations.ts
  "examples", // platform/metrics/example-operations.ts: Sandbox's and GraphiQL's example operations
  // Each registered subgraph's migrations (services/<name>/index.ts), for db/migrate.ts and db/migration-status.ts.
  ...SUBGRAPHS.map((subgraph) => relative(compiledRoot, subgraph.migrationsFolder)),
  "ingest/seed/seed-story.json", // ingest/seed/load-seed.ts
  "ingest/documents/meridian-document.schema.json", // ingest/documents/document-json-schema.ts
];

const outDir = process.argv[2];
if (!outDir) {
  console.error("usage: node dist/scripts/copy-runtime-assets.js <outDir>");
  process.exit(2);
}
for (const asset of RUNTIME_ASSETS) {
  if (!existsSync(asset)) {
    console.error(`copy-runtime-assets: ${asset} is missing (run from the project root)`);
    process.exit(1);
  }
  cpSync(asset, join(outDir, asset), { recursive: true });
}
