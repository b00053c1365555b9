import { defineConfig } from "vitest/config";
import { SkippedSuitesReporter } from "./test/support/skipped-suites-reporter.js";

// Tests mirror the tree (test/gateway, test/services/<name>, test/ingest/…) and say by their
// name which project runs them: `x.test.ts` is a fast unit test (no database, no process),
// `x.db.test.ts` runs on the databases (PGlite, and Postgres when TEST_DATABASE_URL is set),
// `x.e2e.test.ts` starts real processes or a browser. `npm test` runs all three;
// `npm run test:unit` the fast part alone.
const DATABASE_TESTS = "test/**/*.db.test.ts";
const END_TO_END_TESTS = "test/**/*.e2e.test.ts";

export default defineConfig({
  resolve: {
    // graphql ships ESM and CJS builds; Apollo loads one and type-graphql the other unless
    // both are pointed at the same file, and graphql then refuses to mix its own types.
    alias: { graphql: "graphql/index.js" },
  },
  test: {
    // PGlite starts in ~1 s per instance and end-to-end suites start real servers.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The default summary, then the skipped suites with their reasons (missing real samples, no Postgres, no browser).
    reporters: ["default", new SkippedSuitesReporter()],
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: [DATABASE_TESTS, END_TO_END_TESTS] } },
      { extends: true, test: { name: "db", include: [DATABASE_TESTS] } },
      { extends: true, test: { name: "e2e", include: [END_TO_END_TESTS] } },
    ],
  },
});
