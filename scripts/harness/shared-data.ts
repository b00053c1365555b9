// Where the real dataset samples are: the shared folder beside the checkout (`../shared/data`,
// never copied into the repository: ACLED's terms restrict redistributing its data), or the
// folder MERIDIAN_SHARED_DATA names. They are the import's acceptance test; a clone without
// them runs everything else on the project's own made-up fixtures (test/fixtures/) and reports
// the acceptance suites skipped, saying why. With MERIDIAN_REQUIRE_SHARED_DATA=1 (CI sets it)
// missing samples fail the run instead, so they cannot be skipped silently.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const BESIDE_THE_CHECKOUT = fileURLToPath(new URL("../../../shared/data/", import.meta.url));

/** The folders looked in, in order: MERIDIAN_SHARED_DATA when set, else ../shared/data beside the checkout. */
export const SHARED_DATA_CANDIDATES: readonly string[] = process.env.MERIDIAN_SHARED_DATA ? [resolve(process.env.MERIDIAN_SHARED_DATA)] : [BESIDE_THE_CHECKOUT];

/** The folder holding acled/ and gdelt/, or undefined when the samples are not on this machine. */
export const SHARED_DATA: string | undefined = SHARED_DATA_CANDIDATES.find((folder) => existsSync(join(folder, "acled")) && existsSync(join(folder, "gdelt")));

/** Set in CI: the tests comparing with the real samples must run, not be skipped. */
export const SHARED_DATA_REQUIRED = process.env.MERIDIAN_REQUIRE_SHARED_DATA === "1";

export const SHARED_DATA_MISSING = `real samples not found in ${SHARED_DATA_CANDIDATES.join(", ")} (set MERIDIAN_SHARED_DATA to the folder holding acled/ and gdelt/, or put shared/data beside the checkout)`;

/** The shared folder, or an error naming where it was looked for and how to name it. */
export function requireSharedData(needer: string): string {
  if (SHARED_DATA === undefined) throw new Error(`${needer} needs the real dataset samples: ${SHARED_DATA_MISSING}`);
  return SHARED_DATA;
}

/** A file of the shared folder, e.g. "acled/somalia-2025-04_2026-03.csv"; call it in a test or hook of describeRealSamples. */
export function realSample(path: string): string {
  return join(requireSharedData(`the real sample ${path}`), path);
}
