// IDs of the sources an ACLED import creates, beside the kit's (ingest/import/dataset-ids.ts):
//   acled:<event_id_cnty>.record       the ACLED record itself
//   acled:source-<slug of the name>    an outlet ACLED cites
import { slugOrHash } from "../../import/dataset-ids.js";

export function acledRecordSourceId(incidentId: string): string {
  return `${incidentId}.record`;
}

export function acledOutletSourceId(outlet: string): string {
  return `acled:source-${slugOrHash(outlet)}`;
}
