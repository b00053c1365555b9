// The statements subgraph's part of the Meridian document: sources, statements and claims,
// written into its own schema. ingest/documents/document-parts.ts lists it.
import { defineDocumentPart } from "../../kit/writes/document-part.js";
import { buildStatementsPart } from "./statement-rows.js";
import { statementsDocumentLists } from "./statement.document.js";
import { STATEMENT_KIND_TABLES, writeStatements } from "./write-statements.js";

export const statementsDocumentPart = defineDocumentPart({
  subgraph: "statements",
  lists: statementsDocumentLists,
  // Relations, statements and incidents cite sources: a document lists them first.
  leadingLists: ["sources"],
  kindTables: STATEMENT_KIND_TABLES,
  buildRows: buildStatementsPart,
  writeRows: writeStatements,
});
