import { DateKeysetOrder, type DateKeyset } from "../../kit/pages/date-keyset-order.js";
import { SortOrder } from "../../kit/pages/sort-order.js";
import { incidents } from "./tables.js";
import { IncidentSortField } from "../schema/incident.enums.js";
import type { IncidentSort } from "../schema/incident.input.js";

type IncidentKey = { startOn: string; id: string };

const INCIDENT_KEYSET: DateKeyset<IncidentKey> = {
  date: incidents.startOn,
  id: incidents.id,
  dateOf: (row) => row.startOn,
  sortFields: Object.values(IncidentSortField),
};

/** The keyset order of an incident list, (start_on, id) either way, which incidents_start_on_id_idx serves forwards or backwards. */
export class IncidentOrder extends DateKeysetOrder<IncidentKey> {
  static of(sort: IncidentSort | null | undefined): IncidentOrder {
    return new IncidentOrder(INCIDENT_KEYSET, sort?.by ?? IncidentSortField.OCCURRED_AT, sort?.order ?? SortOrder.ASC);
  }
}
