// npm's entry to a command: `node scripts/entry.mjs import ARGS…` runs the compiled build of
// scripts/import.ts (dist/, `npm run build`) when the build is newer than every source file,
// and the TypeScript source through tsx otherwise. The build starts in a fraction of the time
// (a 2-row import: 0.8 s against 2 s on Postgres; bench in docs/performance.md), and a build
// older than the sources is never run: editing a file sends the command back to tsx until the
// next build. Plain JavaScript, so that it needs no compiling itself.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** What `npm run build` compiles (tsconfig.build.json), and what decides whether its output is current. */
export const SOURCE_FOLDERS = ["platform", "services", "gateway", "db", "ingest", "scripts"];
const SOURCE_FILE = /\.(ts|mjs|json|sql)$/;

/** The newest modification time of the sources, package.json and package-lock.json included. */
export function newestSourceTime(root = ROOT) {
  let newest = 0;
  const visit = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (SOURCE_FILE.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const folder of SOURCE_FOLDERS) visit(join(root, folder));
  for (const file of ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json"])
    newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  return newest;
}

/** The compiled command when it exists and is newer than every source; undefined otherwise. */
export function currentBuildOf(command, root = ROOT) {
  const built = join(root, "dist", "scripts", `${command}.js`);
  let builtAt;
  try {
    builtAt = statSync(built).mtimeMs;
  } catch {
    return undefined;
  }
  return builtAt > newestSourceTime(root) ? built : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const command = process.argv[2];
  if (!command || !/^[a-z-]+$/.test(command)) {
    console.error("usage: node scripts/entry.mjs COMMAND [ARGS…] (a script of scripts/)");
    process.exit(2);
  }
  // The command reads its own arguments from process.argv.slice(2).
  process.argv.splice(2, 1);
  const built = currentBuildOf(command);
  if (built) {
    await import(pathToFileURL(built).href);
  } else {
    const { register } = await import("tsx/esm/api");
    register();
    await import(pathToFileURL(join(ROOT, "scripts", `${command}.ts`)).href);
  }
}
