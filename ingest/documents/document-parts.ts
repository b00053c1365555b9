// The subgraphs that write parts of a Meridian document, ONE line each: the document's schema
// (document.schema.ts), its checks and its writes derive from this list. A subgraph joins the
// format by exporting its part (services/<name>/writes/document-part.ts) and adding it here.
import type { DocumentPart } from "../../services/kit/writes/document-part.js";
import type { SubgraphName } from "../../services/registry.js";
import { actorsDocumentPart } from "../../services/actors/writes/document-part.js";
import { incidentsDocumentPart } from "../../services/incidents/writes/document-part.js";
import { statementsDocumentPart } from "../../services/statements/writes/document-part.js";

/**
 * In the order their rows are written, each part in one transaction with the others: rows
 * refer to those of earlier parts (a statement to its speaker, an incident to its participants).
 */
export const DOCUMENT_PARTS = [actorsDocumentPart, statementsDocumentPart, incidentsDocumentPart] as const satisfies readonly DocumentPart<SubgraphName>[];

/** The same parts, as the document handles them: each alike, whatever its lists and rows. */
export const ANY_DOCUMENT_PARTS: readonly DocumentPart<SubgraphName>[] = DOCUMENT_PARTS;
