// `npm run import` runs the compiled build only while it is newer than every source file:
// an edit after the build sends it back to the TypeScript source, and without a build it
// always runs the source.
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SOURCE_FOLDERS, currentBuildOf } from "../../scripts/entry.mjs";

function checkout(): { root: string; touch: (path: string, secondsAgo: number) => void } {
  const root = mkdtempSync(join(tmpdir(), "meridian-entry-"));
  const touch = (path: string, secondsAgo: number) => {
    const file = join(root, path);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, "");
    const at = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(file, at, at);
  };
  for (const folder of SOURCE_FOLDERS) touch(`${folder}/a.ts`, 100);
  for (const file of ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json"]) touch(file, 100);
  return { root, touch };
}

describe("the compiled entry of a command", () => {
  it("is used when it is newer than every source", () => {
    const { root, touch } = checkout();
    touch("dist/scripts/import.js", 10);
    expect(currentBuildOf("import", root)).toBe(join(root, "dist/scripts/import.js"));
  });

  it("is not used once a source, a migration or the lock file is newer", () => {
    for (const edited of ["services/actors/writes/actor-curation.ts", "services/actors/data/migrations/0009_x.sql", "package-lock.json"]) {
      const { root, touch } = checkout();
      touch("dist/scripts/import.js", 10);
      touch(edited, 1);
      expect(currentBuildOf("import", root), edited).toBeUndefined();
    }
  });

  it("is not used when there is no build", () => {
    expect(currentBuildOf("import", checkout().root)).toBeUndefined();
  });
});
