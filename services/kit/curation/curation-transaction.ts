// An edit through the API runs in one transaction and says which IDs it changed. The IDs go
// to the request's ChangedIds (its log line) only once the transaction has committed, so a
// refused edit, or one whose commit fails, is never logged as a change.
import type { Database } from "../../../db/client.js";
import { type ChangeKind, ChangedIds } from "../../../platform/logging/changed-ids.js";
import type { RequestScope } from "./request-scope.js";

/** Tells the request which IDs an edit changed. */
export type NoteChange = (kind: ChangeKind, ...ids: string[]) => void;

export async function curationTransaction<T>(db: Database, request: RequestScope, write: (db: Database, note: NoteChange) => Promise<T>): Promise<T> {
  const pending = new ChangedIds();
  const result = await db.transaction((transaction) => write(transaction, (kind, ...ids) => pending.note(kind, ...ids)));
  request.changedIds.noteAll(pending);
  return result;
}
