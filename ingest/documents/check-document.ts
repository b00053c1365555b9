// Everything about a document that can be known before writing it: every reference resolves
// (in the document or in the database), keys are unique, child rows do not repeat. All
// problems are reported together; only a document without any becomes a plan to write.
import { type ActorsPart, buildActorsPart } from "../../services/actors/writes/actor-rows.js";
import { buildIncidentsPart, type IncidentsPart } from "../../services/incidents/writes/incident-rows.js";
import type { ParsedDocument } from "./parse-document.js";
import { ProblemList } from "../../services/kit/records/problems.js";
import { ReferenceResolver } from "../../services/kit/records/reference-resolver.js";
import { buildStatementsPart, type StatementsPart } from "../../services/statements/writes/statement-rows.js";
import { missingStoredReferences } from "../../services/kit/records/stored-references.js";
import { entityStoresOf } from "./entity-stores.js";
import type { SubgraphHandles } from "./subgraph-handles.js";

/** The rows of each subgraph that a checked document describes. */
export interface DocumentPlan {
  actors: ActorsPart;
  statements: StatementsPart;
  incidents: IncidentsPart;
}

export async function checkDocument(parsed: ParsedDocument, handles: SubgraphHandles): Promise<DocumentPlan> {
  const problems = new ProblemList();
  const report = problems.reporterFor(parsed.origin);
  const resolver = new ReferenceResolver(parsed.document, report);
  const plan: DocumentPlan = {
    actors: buildActorsPart(parsed.document, resolver, report),
    statements: buildStatementsPart(parsed.document, resolver, report),
    incidents: buildIncidentsPart(parsed.document, resolver, report),
  };
  for (const missing of await missingStoredReferences(entityStoresOf(handles), resolver.storedReferences)) {
    report(missing.path, `no ${missing.kind} "${missing.reference}" in this document or in the database`);
  }
  problems.throwIfAny();
  return plan;
}
