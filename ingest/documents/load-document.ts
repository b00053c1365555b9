// Loads a Meridian document into the three subgraphs' databases: checks all of it first,
// then writes each subgraph's rows into its own schema. Loading a document again changes
// nothing, and the summary says so.
import { checkDocument } from "./check-document.js";
import { ENTITY_LISTS, type EntityList } from "./document.schema.js";
import { ParsedDocument, parseDocument } from "./parse-document.js";
import { inOneTransactionPerHandle } from "../../db/bulk/in-one-transaction.js";
import type { SubgraphHandles } from "./subgraph-handles.js";
import type { EntityCounts } from "../../services/kit/writes/sync-entities.js";
import { writeActors } from "../../services/actors/writes/write-actors.js";
import { writeIncidents } from "../../services/incidents/writes/write-incidents.js";
import { writeStatements } from "../../services/statements/writes/write-statements.js";

export type LoadSummary = Record<EntityList, EntityCounts>;

/**
 * Loads `document`: a ParsedDocument (from parseDocumentFile), or any value, which is then
 * checked against the document schema. Throws a DocumentError naming every problem, having
 * written nothing, when the document is invalid or refers to entities that do not exist.
 */
export async function loadDocument(document: unknown, handles: SubgraphHandles): Promise<LoadSummary> {
  const parsed = document instanceof ParsedDocument ? document : parseDocument(document);
  const plan = await checkDocument(parsed, handles);
  const summary: Partial<LoadSummary> = {};
  await inOneTransactionPerHandle(handles, async (databases) => {
    Object.assign(summary, await writeActors(databases.actors, plan.actors));
    Object.assign(summary, await writeStatements(databases.statements, plan.statements));
    Object.assign(summary, await writeIncidents(databases.incidents, plan.incidents));
  });
  return Object.fromEntries(ENTITY_LISTS.map((list) => [list, summary[list]!])) as LoadSummary;
}

