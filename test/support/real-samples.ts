// Suites that compare an import with the real dataset samples (see shared-data.ts): they run
// where the samples are, and elsewhere say in the test report why they did not.
import { describe } from "vitest";
import { SHARED_DATA, SHARED_DATA_MISSING, SHARED_DATA_REQUIRED } from "../../scripts/harness/shared-data.js";

/**
 * A suite comparing an import with the real samples: run when they are found; else reported
 * as skipped with the reason in its name, or failed when MERIDIAN_REQUIRE_SHARED_DATA=1. Its
 * body is still collected when skipped, so it reads the samples only in hooks and tests.
 */
export function describeRealSamples(name: string, body: () => void): void {
  if (SHARED_DATA !== undefined) describe(name, body);
  else if (SHARED_DATA_REQUIRED) {
    describe(name, () => {
      throw new Error(`MERIDIAN_REQUIRE_SHARED_DATA=1 and the ${SHARED_DATA_MISSING}`);
    });
  } else describe.skip(`${name}: ${SHARED_DATA_MISSING}`, body);
}
