// ACLED's CSV export as a dataset format: a header row, then one event a row, each an
// incident. Actors are named by ACLED's names, kept as ACLED aliases.
import type { DatasetFormat } from "../../import/dataset-format.js";
import { beginAcledFile } from "./acled-mapping.js";

export const ACLED_FORMAT: DatasetFormat = {
  name: "acled",
  description: "ACLED CSV export",
  // About the shared Somalia export: 3.5 MB for 6,465 rows.
  bytesPerRow: 550,
  delimited: { delimiter: ",", quoted: true },
  begin: beginAcledFile,
  entityOf: () => "incidents",
  entities: ["incidents"],
  actors: { scheme: "ACLED", idNamespace: "acled", valuesAreCodes: false },
};
