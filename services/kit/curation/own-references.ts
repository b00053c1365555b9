// A mutation's references to entities of its own subgraph (a statement's source, the claim
// of a stance) must exist; they are checked in the subgraph's own database, as the document
// loader checks them. References to other subgraphs' entities (a speaker, a participant's
// actor) are only checked for their form: a subgraph reads no other subgraph's schema, and
// an ID that names nothing resolves to null through the gateway.
import type { Database } from "../../../db/client.js";
import type { SubgraphName } from "../../registry.js";
import type { ReportProblem } from "../records/problems.js";
import type { StoredReference } from "../records/reference-resolver.js";
import { TABLE_OF, missingStoredReferences } from "../../../ingest/documents/stored-ids.js";
import type { SubgraphHandles } from "../../../ingest/documents/subgraph-handles.js";

export async function reportMissingOwnReferences(
  db: Database,
  subgraph: SubgraphName,
  references: readonly StoredReference[],
  report: ReportProblem,
): Promise<void> {
  const own = references.filter((reference) => TABLE_OF[reference.kind].subgraph === subgraph);
  // Only this subgraph's handle is ever read, since only its references are asked about.
  const handles = { [subgraph]: { db } } as unknown as SubgraphHandles;
  for (const missing of await missingStoredReferences(handles, own)) {
    report(missing.path, `no ${missing.kind} "${missing.reference}" exists`);
  }
}
