// Loads a Meridian document into the three subgraphs' databases: checks all of it first,
// then writes each subgraph's rows into its own schema. Loading a document again changes
// nothing, and the summary says so.
import type { Database } from "../client.js";
import type { SubgraphName } from "../migrate.js";
import { checkDocument } from "./check-document.js";
import { ENTITY_LISTS, type EntityList } from "./document.schema.js";
import { ParsedDocument, parseDocument } from "./parse-document.js";
import { groupByHandle, type SubgraphHandles } from "./subgraph-handles.js";
import type { EntityCounts } from "./sync-entities.js";
import { writeActors } from "./write-actors.js";
import { writeIncidents } from "./write-incidents.js";
import { writeStatements } from "./write-statements.js";

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

/**
 * Runs `work` with every subgraph's database inside a transaction: one transaction per
 * distinct handle, so subgraphs sharing the embedded PGlite (a single connection, on which
 * a second transaction would wait forever) write in one. Transactions on distinct handles
 * are nested, so that all writes are done before any of them commits and a failing write
 * rolls back every database; only a failing commit could leave them apart.
 */
async function inOneTransactionPerHandle(
  handles: SubgraphHandles,
  work: (databases: Record<SubgraphName, Database>) => Promise<void>,
): Promise<void> {
  const groups = groupByHandle(handles);
  const databases: Partial<Record<SubgraphName, Database>> = {};
  const open = async (index: number): Promise<void> => {
    if (index === groups.length) return work(databases as Record<SubgraphName, Database>);
    const { handle, subgraphs } = groups[index]!;
    await handle.db.transaction(async (transaction) => {
      for (const name of subgraphs) databases[name] = transaction;
      await open(index + 1);
    });
  };
  await open(0);
}
