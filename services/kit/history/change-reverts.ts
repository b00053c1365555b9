// The revert mutations of a subgraph (revertActorChange, revertStatementChange,
// revertIncidentChange): one change of its history undone, in a change of its own.
import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { rejectArgument } from "../../../platform/graphql/input-problems.js";
import { curationTransaction } from "../curation/curation-transaction.js";
import type { RequestScope } from "../curation/request-scope.js";
import type { Change } from "./change.type.js";
import type { HistoryReader } from "./history-reader.js";
import { applyRevert, rejectLaterChanges, revertibleChange } from "./revert-change.js";
import type { SubgraphHistory } from "./subgraph-history.js";

export class ChangeReverts {
  constructor(
    private readonly db: Database,
    private readonly request: RequestScope,
    private readonly history: SubgraphHistory,
    private readonly reader: HistoryReader,
    /** The mutation's name, the revert change's kind: "revertActorChange". */
    private readonly mutation: string,
  ) {}

  /** Undoes the change `id` ("actors:42"), returning the revert change. */
  async revert(id: string): Promise<Change> {
    const number = this.changeNumber(id);
    let revertId = 0;
    const { changes } = this.history.tables;
    // The revert is about the reverted change's entity, which a change never changes: read it
    // first, to name the revert's own change by it. A change without one (an import's, or none
    // at all) is refused below, and its revert never recorded.
    const [target] = await this.db.select({ entityKind: changes.entityKind, entityId: changes.entityId }).from(changes).where(eq(changes.id, number));
    await curationTransaction(
      this.db,
      this.request,
      { history: this.history, kind: this.mutation, entityKind: target?.entityKind ?? "change", entityId: target?.entityId ?? id, reverts: number },
      async (db, note, changeId) => {
        revertId = changeId;
        const change = await revertibleChange(db, this.history, number, ["id"]);
        if (change.importRunId !== null) {
          rejectArgument(
            ["id"],
            `change ${id} is part of import run ${change.importRunId}; an import is reverted as a whole: npm run revert-import -- ${change.importRunId}`,
          );
        }
        // Undoing a creation would free the ID with no tombstone: a new entity could take it, and
        // what other subgraphs recorded under it since would name the newcomer. A delete keeps it.
        if (/^create[A-Z]/.test(change.kind) && change.entityKind !== null) {
          const remove = `delete${change.entityKind.charAt(0).toUpperCase()}${change.entityKind.slice(1)}`;
          rejectArgument(
            ["id"],
            `change ${id} created the ${change.entityKind} ${change.entityId}; a creation is not reverted (other entities may name its ID since): ${remove} deletes it and keeps its ID from being given again`,
          );
        }
        await rejectLaterChanges(db, this.history, [number], ["id"]);
        await applyRevert(db, this.history, number, changeId);
        // Again, now that the undo holds the rows' locks: an edit that committed between the first
        // check and the undo would otherwise be overwritten without a word.
        await rejectLaterChanges(db, this.history, [number, changeId], ["id"]);
        if (change.entityId !== null) note("updated", change.entityId);
      },
    );
    const [row] = await this.db.select().from(changes).where(eq(changes.id, revertId));
    return this.reader.toChange(row!);
  }

  private changeNumber(id: string): number {
    const match = /^([a-z]+):(\d{1,15})$/.exec(id);
    if (!match) return rejectArgument(["id"], `"${id}" is not a change ID ("${this.history.schema}:42")`);
    if (match[1] !== this.history.schema) {
      return rejectArgument(["id"], `change ${id} is in the ${match[1]} history; this subgraph reverts changes of the ${this.history.schema} history`);
    }
    return Number(match[2]);
  }
}
