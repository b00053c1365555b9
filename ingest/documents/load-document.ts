// Loads a Meridian document into the subgraphs' databases: checks all of it first, then
// writes each subgraph's rows into its own schema. Loading a document again changes
// nothing, and the summary says so.
import { type DocumentPlan, checkDocument } from "./check-document.js";
import { ENTITY_LISTS, type EntityList } from "./document.schema.js";
import { ParsedDocument, parseDocument } from "./parse-document.js";
import type { Database } from "../../db/client.js";
import { inOneTransactionPerHandle } from "../../db/bulk/in-one-transaction.js";
import type { SubgraphName } from "../../services/registry.js";
import type { SubgraphHandles } from "./subgraph-handles.js";
import { type ImportRunDescription, beginImportRun, finishImportRun } from "../history/import-runs.js";
import type { EntityCounts } from "../../services/kit/writes/sync-entities.js";

export type LoadSummary = Record<EntityList, EntityCounts>;

/**
 * Loads `document`: a ParsedDocument (from parseDocumentFile), or any value, which is then
 * checked against the document schema. Throws a DocumentError naming every problem, having
 * written nothing, when the document is invalid or refers to entities that do not exist.
 */
export async function loadDocument(
  document: unknown,
  handles: SubgraphHandles,
  run: ImportRunDescription = { format: "meridian", files: [] },
): Promise<LoadSummary> {
  const parsed = document instanceof ParsedDocument ? document : parseDocument(document);
  const plan = await checkDocument(parsed, handles);
  // Recorded as an import run, so that it shows in `imports` and can be reverted.
  return inOneTransactionPerHandle(handles, async (databases) => {
    const started = await beginImportRun(databases, run);
    const summary = await writeDocumentPlan(plan, databases);
    await finishImportRun(databases, started.id, summary);
    return summary;
  });
}

/** Writes each part's rows of a checked document into its subgraph's database, in the plan's order. */
export async function writeDocumentPlan(plan: DocumentPlan, databases: Record<SubgraphName, Database>): Promise<LoadSummary> {
  const summary: Partial<LoadSummary> = {};
  for (const { part, rows } of plan) Object.assign(summary, await part.writeRows(databases[part.subgraph], rows));
  return Object.fromEntries(ENTITY_LISTS.map((list) => [list, summary[list]!])) as LoadSummary;
}
