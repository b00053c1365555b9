// Everything about a document that can be known before writing it: every reference resolves
// (in the document or in the database), keys are unique, child rows do not repeat. All
// problems are reported together; only a document without any becomes a plan to write.
import type { ParsedDocument } from "./parse-document.js";
import { ProblemList } from "../../services/kit/records/problems.js";
import { ReferenceResolver } from "../../services/kit/records/reference-resolver.js";
import { missingStoredReferences, retiredAmong } from "../../services/kit/records/stored-references.js";
import { retirementText } from "../../services/kit/records/tombstones.js";
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
  const stores = entityStoresOf(handles);
  // A deleted entity's ID is not given again, nor is a merged actor's: the rows of other
  // subgraphs that named the old entity would name this one. Restoring is another operation.
  const retiredEntities = await retiredAmong(stores, resolver.documentEntities);
  for (const entity of resolver.documentEntities) {
    const retired = retiredEntities.get(`${entity.kind} ${entity.id}`);
    if (retired) report(entity.path, `${retirementText(retired)}; a deleted or merged ID is not given again: give the ${entity.kind} another key`);
  }
  const missing = await missingStoredReferences(stores, resolver.storedReferences);
  const retiredReferences = await retiredAmong(stores, missing);
  for (const reference of missing) {
    const retired = retiredReferences.get(`${reference.kind} ${reference.id}`);
    report(reference.path, `no ${reference.kind} "${reference.reference}" in this document or in the database${retired ? `: ${retirementText(retired)}` : ""}`);
  }
  problems.throwIfAny();
  return plan;
}
