// GDELT 2.0 events (*.export.CSV) as a dataset format: tab-separated, unquoted, no header;
// verbal events become statements, material ones incidents. Actors are named by CAMEO codes,
// kept as CAMEO aliases, of which an actor has one.
import type { DatasetFormat } from "../../import/dataset-format.js";
import { gdeltEntityOf, mapGdeltRow } from "./gdelt-mapping.js";

export const GDELT_FORMAT: DatasetFormat = {
  name: "gdelt",
  description: "GDELT 2.0 events (.export.CSV)",
  // About the shared 15-minute export: 855 KB for 2,111 rows.
  bytesPerRow: 400,
  delimited: { delimiter: "\t", quoted: false },
  begin: () => ({ firstRowIsHeader: false, mapRow: (row) => mapGdeltRow(row.fields) }),
  entityOf: gdeltEntityOf,
  entities: ["statements", "incidents"],
  actors: { scheme: "CAMEO", idNamespace: "gdelt", valuesAreCodes: true },
};
