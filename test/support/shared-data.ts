// Where the real dataset samples are: the shared folder beside the project
// (`../shared/data`, never copied into the repository). A clone elsewhere — CI's clean
// clone, say — names it with MERIDIAN_SHARED_DATA, or finds this workplace's copy.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const CANDIDATES = [
  process.env.MERIDIAN_SHARED_DATA,
  fileURLToPath(new URL("../../../shared/data/", import.meta.url)),
  "/work/shared/data/",
].filter((folder): folder is string => Boolean(folder));

function findSharedData(): string {
  const found = CANDIDATES.find((folder) => existsSync(join(folder, "acled")));
  if (found === undefined) {
    // Fail loudly: the import tests check the import against these files and must not pass without them.
    throw new Error(`the shared dataset samples are not in any of ${CANDIDATES.join(", ")}; set MERIDIAN_SHARED_DATA to the folder holding acled/ and gdelt/`);
  }
  return found;
}

export const SHARED_DATA = findSharedData();
