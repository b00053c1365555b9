// The ONE list of dataset formats the import reads (--format NAME). A format is a folder
// beside this file whose index.ts exports its DatasetFormat; adding one is that folder and
// one entry here. (A format that names actors in a new alias scheme also needs the scheme in
// the actors subgraph's ALIAS_SCHEME_VALUES, and its migration.) Meridian documents are not a
// dataset format: they are the import's own, built in (ingest/import/meridian-import.ts).
import type { DatasetFormat } from "../import/dataset-format.js";
import { ACLED_FORMAT } from "./acled/index.js";
import { GDELT_FORMAT } from "./gdelt/index.js";

export const DATASET_FORMATS: readonly DatasetFormat[] = [ACLED_FORMAT, GDELT_FORMAT];

/** Undefined for a name no format has. */
export function datasetFormatNamed(name: string): DatasetFormat | undefined {
  return DATASET_FORMATS.find((format) => format.name === name);
}
