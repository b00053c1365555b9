// A mutation's references to entities of its own subgraph (a statement's source, the claim
// of a stance) must exist; they are checked in the subgraph's own database, as the document
// loader checks them. References to other subgraphs' entities (a speaker, a participant's
// actor) are only checked for their form: a subgraph reads no other subgraph's schema, and
// an ID that names nothing resolves to null through the gateway.
import type { Database } from "../../../db/client.js";
import type { ReportProblem } from "../records/problems.js";
import type { StoredReference } from "../records/reference-resolver.js";
import { type EntityKindTables, missingStoredReferences, storedIn } from "../records/stored-references.js";

/** Reports the references to kinds in `ownTables` (the subgraph's own) whose entities are not stored in `db`. */
export async function reportMissingOwnReferences(
  db: Database,
  ownTables: EntityKindTables,
  references: readonly StoredReference[],
  report: ReportProblem,
): Promise<void> {
  const own = references.filter((reference) => reference.kind in ownTables);
  for (const missing of await missingStoredReferences(storedIn(db, ownTables), own)) {
    report(missing.path, `no ${missing.kind} "${missing.reference}" exists`);
  }
}
