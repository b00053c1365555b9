// Ends the test summary with the suites that were skipped and why (their names say it: "real
// samples not found …", "postgres backend: set TEST_DATABASE_URL …"). Vitest's own summary
// only counts skipped tests, so without this a run missing the real samples or a browser
// would look the same as a complete one.
import type { Reporter, TestModule } from "vitest/node";

/** Files named under a skipped suite; beyond this many they are counted. */
const FILES_LISTED = 3;

function skippedSuiteNames(module: TestModule): string[] {
  // Only the outermost skipped suite of a branch: the suites inside it say nothing more.
  return [...module.children.allSuites()]
    .filter((suite) => suite.options.mode === "skip" && (suite.parent.type === "module" || suite.parent.options.mode !== "skip"))
    .map((suite) => suite.name);
}

export class SkippedSuitesReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    // One entry per reason, with the files it skipped a suite in: the Postgres note is in most files.
    const filesByName = new Map<string, string[]>();
    for (const module of testModules) {
      for (const name of skippedSuiteNames(module)) filesByName.set(name, [...(filesByName.get(name) ?? []), module.relativeModuleId]);
    }
    if (filesByName.size === 0) return;
    const entries = [...filesByName].map(([name, files]) => `  ${name}\n    in ${files.length > FILES_LISTED ? `${files.length} files` : files.join(", ")}`);
    process.stdout.write(`\n Skipped suites (${filesByName.size}):\n${entries.join("\n")}\n\n`);
  }
}
