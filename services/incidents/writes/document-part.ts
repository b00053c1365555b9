// The incidents subgraph's part of the Meridian document: incidents with their places,
// participants and sources, written into its own schema. ingest/documents/document-parts.ts lists it.
import { defineDocumentPart } from "../../kit/writes/document-part.js";
import { buildIncidentsPart } from "./incident-rows.js";
import { incidentsDocumentLists } from "./incident.document.js";
import { INCIDENT_KIND_TABLES, writeIncidents } from "./write-incidents.js";

export const incidentsDocumentPart = defineDocumentPart({
  subgraph: "incidents",
  lists: incidentsDocumentLists,
  kindTables: INCIDENT_KIND_TABLES,
  buildRows: buildIncidentsPart,
  writeRows: writeIncidents,
});
