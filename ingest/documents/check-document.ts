// Everything about a document that can be known before writing it: every reference resolves
// (in the document or in the database), keys are unique, child rows do not repeat. All
// problems are reported together; only a document without any becomes a plan to write.
import type { ParsedDocument } from "./parse-document.js";
import { ProblemList } from "../../services/kit/records/problems.js";
import { ReferenceResolver } from "../../services/kit/records/reference-resolver.js";
import { missingStoredReferences } from "../../services/kit/records/stored-references.js";
import type { DocumentPart } from "../../services/kit/writes/document-part.js";
import type { SubgraphName } from "../../services/registry.js";
import { ANY_DOCUMENT_PARTS } from "./document-parts.js";
import { entityStoresOf } from "./entity-stores.js";
import type { SubgraphHandles } from "./subgraph-handles.js";

/** The rows of each part that a checked document describes, in the order they are written. */
export type DocumentPlan = readonly { part: DocumentPart<SubgraphName>; rows: unknown }[];

export async function checkDocument(parsed: ParsedDocument, handles: SubgraphHandles): Promise<DocumentPlan> {
  const problems = new ProblemList();
  const report = problems.reporterFor(parsed.origin);
  const resolver = new ReferenceResolver(parsed.document, report);
  const plan = ANY_DOCUMENT_PARTS.map((part) => ({ part, rows: part.buildRows(parsed.document, resolver, report) }));
  for (const missing of await missingStoredReferences(entityStoresOf(handles), resolver.storedReferences)) {
    report(missing.path, `no ${missing.kind} "${missing.reference}" in this document or in the database`);
  }
  problems.throwIfAny();
  return plan;
}
