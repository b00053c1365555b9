// Opens a change in a subgraph's history: its row, and the transaction-local setting under
// which the history triggers record every row written until the transaction ends.
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import type { SubgraphHistory } from "./subgraph-history.js";
import { changeSetting } from "./tracked-tables.js";

export interface ChangeDescription {
  /** What is done: the mutation's name, "import" or "seed". */
  kind: string;
  entityKind?: string | null;
  entityId?: string | null;
  keyName?: string | null;
  role?: string | null;
  requestId?: string | null;
  operationName?: string | null;
  importRunId?: string | null;
  reverts?: number | null;
}

/** Starts a change inside `db`'s transaction; every tracked row written after it in the transaction belongs to it. Returns its ID. */
export async function beginChange(db: Database, history: SubgraphHistory, change: ChangeDescription): Promise<number> {
  const [row] = await db
    .insert(history.tables.changes)
    .values({
      kind: change.kind,
      entityKind: change.entityKind ?? null,
      entityId: change.entityId ?? null,
      keyName: change.keyName ?? null,
      role: change.role ?? null,
      requestId: change.requestId ?? null,
      operationName: change.operationName ?? null,
      importRunId: change.importRunId ?? null,
      reverts: change.reverts ?? null,
    })
    .returning({ id: history.tables.changes.id });
  await db.execute(sql`select set_config(${changeSetting(history.schema)}, ${String(row!.id)}, true)`);
  return row!.id;
}

/** Names the entity a change was made to once it is known (a create's new ID), unless the write named it already (a revert names the reverted change's). */
export async function nameChangedEntity(db: Database, history: SubgraphHistory, changeId: number, entityKind: string, entityId: string): Promise<void> {
  const { changes } = history.tables;
  await db.update(changes).set({ entityKind, entityId }).where(sql`${changes.id} = ${changeId} and ${changes.entityId} is null`);
}
