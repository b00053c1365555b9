// The actors subgraph's part of the Meridian document: actors and relations, written into its
// own schema. ingest/documents/document-parts.ts lists it.
import { defineDocumentPart } from "../../kit/writes/document-part.js";
import { buildActorsPart } from "./actor-rows.js";
import { actorsDocumentLists } from "./actor.document.js";
import { ACTOR_KIND_TABLES, writeActors } from "./write-actors.js";

export const actorsDocumentPart = defineDocumentPart({
  subgraph: "actors",
  lists: actorsDocumentLists,
  kindTables: ACTOR_KIND_TABLES,
  buildRows: buildActorsPart,
  writeRows: writeActors,
});
