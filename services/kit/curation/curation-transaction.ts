// An edit through the API runs in one transaction, is recorded as one change in its subgraph's
// history (who, which request, what kind, and every row it wrote with its values before and
// after), and says which IDs it changed. The IDs go to the request's ChangedIds (its log line)
// only once the transaction has committed, so a refused edit, or one whose commit fails, is
// never logged as a change; its history rolls back with it.
import type { Database } from "../../../db/client.js";
import { type ChangeKind, ChangedIds } from "../../../platform/logging/changed-ids.js";
import { beginChange, nameChangedEntity } from "../history/begin-change.js";
import type { SubgraphHistory } from "../history/subgraph-history.js";
import type { RequestScope } from "./request-scope.js";

/** Tells the request which IDs an edit changed. */
export type NoteChange = (kind: ChangeKind, ...ids: string[]) => void;

/** What an edit is, for its subgraph's history. */
export interface CurationChange {
  history: SubgraphHistory;
  /** The mutation's name: "updateActor", "mergeActors". */
  kind: string;
  entityKind: string;
  /** The entity edited, as the client named it; the history keeps the ID the edit notes (a merged ID's survivor), or for a create or a link's actor the first ID it notes. */
  entityId?: string;
  /** Set by a revert: the change it undoes. */
  reverts?: number;
}

export async function curationTransaction<T>(
  db: Database,
  request: RequestScope,
  change: CurationChange,
  write: (db: Database, note: NoteChange, changeId: number) => Promise<T>,
): Promise<T> {
  const pending = new ChangedIds();
  const result = await db.transaction(async (transaction) => {
    const changeId = await beginChange(transaction, change.history, {
      kind: change.kind,
      keyName: request.author?.keyName,
      role: request.author?.role,
      requestId: request.requestId,
      operationName: request.operationName,
      reverts: change.reverts,
    });
    const written = await write(transaction, (kind, ...ids) => pending.note(kind, ...ids), changeId);
    // Named once the write has checked its arguments: an ID no entity has (of any length) never reaches the history.
    const entityId = change.entityId !== undefined && pending.has(change.entityId) ? change.entityId : (pending.firstId() ?? change.entityId);
    if (entityId !== undefined) await nameChangedEntity(transaction, change.history, changeId, change.entityKind, entityId);
    return written;
  });
  request.changedIds.noteAll(pending);
  return result;
}
