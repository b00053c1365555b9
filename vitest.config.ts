import { defineConfig } from "vitest/config";
import { SkippedSuitesReporter } from "./test/support/skipped-suites-reporter.js";

export default defineConfig({
  resolve: {
    // graphql ships ESM and CJS builds; Apollo loads one and type-graphql the other unless
    // both are pointed at the same file, and graphql then refuses to mix its own types.
    alias: { graphql: "graphql/index.js" },
  },
  test: {
    include: ["test/**/*.test.ts", "services/**/*.test.ts", "db/**/*.test.ts", "gateway/**/*.test.ts"],
    // PGlite starts in ~1 s per instance and end-to-end suites start real servers.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The default summary, then the skipped suites with their reasons (missing real samples, no Postgres, no browser).
    reporters: ["default", new SkippedSuitesReporter()],
  },
});
