// Ends the test summary with the suites that were skipped and why (their names say it: "real
// samples not found …", "postgres backend: set TEST_DATABASE_URL …"). Vitest's own summary
// only counts skipped tests, so without this a run missing the real samples or a browser
// would look the same as a complete one.
import type { Reporter, TestModule, TestSuite } from "vitest/node";

function skippedSuites(module: TestModule): TestSuite[] {
  // Only the outermost skipped suite of a branch: the suites inside it say nothing more.
  return [...module.children.allSuites()].filter((suite) => suite.options.mode === "skip" && (suite.parent.type === "module" || suite.parent.options.mode !== "skip"));
}

export class SkippedSuitesReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const lines = testModules.flatMap((module) => skippedSuites(module).map((suite) => `  ${module.relativeModuleId} › ${suite.name}`));
    if (lines.length === 0) return;
    process.stdout.write(`\n Skipped suites (${lines.length}):\n${lines.join("\n")}\n\n`);
  }
}
