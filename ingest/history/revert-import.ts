// Reverting an import run: every row it wrote, in every subgraph, put back as it was before
// the run, in one transaction per database, as the import itself wrote them. Refused, with
// nothing changed, when no run has that ID, when it was reverted already, or when a later
// change that still stands touched an entity the run touched (each such change listed).
import { and, eq, isNull } from "drizzle-orm";
import { inOneTransactionPerHandle } from "../../db/bulk/in-one-transaction.js";
import type { Database } from "../../db/client.js";
import { SUBGRAPH_HISTORIES } from "../../services/histories.js";
import { beginChange } from "../../services/kit/history/begin-change.js";
import { type LaterChange, applyRevert, laterChangesText, laterChangesToTheSameEntities } from "../../services/kit/history/revert-change.js";
import type { SubgraphName } from "../../services/registry.js";
import type { SubgraphHandles } from "../documents/subgraph-handles.js";
import { systemUser } from "./import-runs.js";

export class RevertRefused extends Error {
  override name = "RevertRefused";
}

export interface RevertedRun {
  runId: string;
  /** Rows put back, per subgraph. */
  rows: Partial<Record<SubgraphName, number>>;
}

export async function revertImportRun(handles: SubgraphHandles, runId: string, by: string = systemUser()): Promise<RevertedRun> {
  return inOneTransactionPerHandle(handles, async (databases) => {
    const names = Object.keys(SUBGRAPH_HISTORIES) as SubgraphName[];
    const parts = new Map<SubgraphName, { changeId: number; revertedBy: number | null }>();
    for (const name of names) {
      const { changes } = SUBGRAPH_HISTORIES[name].tables;
      const [change] = await databases[name]
        .select({ id: changes.id, revertedBy: changes.revertedBy })
        .from(changes)
        .where(and(eq(changes.importRunId, runId), isNull(changes.reverts)))
        .for("update");
      if (change) parts.set(name, { changeId: change.id, revertedBy: change.revertedBy });
    }
    if (parts.size === 0) throw new RevertRefused(`no import run "${runId}" is recorded (the \`imports\` list gives the IDs)`);
    if ([...parts.values()].some((part) => part.revertedBy !== null)) throw new RevertRefused(`import run ${runId} was already reverted`);
    const refuseLaterChanges = async (revertIds: Partial<Record<SubgraphName, number>>) => {
      const conflicts: LaterChange[] = [];
      for (const [name, part] of parts) {
        const ids = [part.changeId, ...(revertIds[name] === undefined ? [] : [revertIds[name]])];
        conflicts.push(...(await laterChangesToTheSameEntities(databases[name], SUBGRAPH_HISTORIES[name], ids)));
      }
      if (conflicts.length > 0) {
        throw new RevertRefused(`later changes touched what import run ${runId} wrote; revert them first:\n  ${laterChangesText(conflicts, "\n  ")}`);
      }
    };
    await refuseLaterChanges({});
    const rows: RevertedRun["rows"] = {};
    const revertIds: Partial<Record<SubgraphName, number>> = {};
    for (const [name, part] of parts) {
      const reverted = await revertPart(databases[name], name, part.changeId, by);
      rows[name] = reverted.rows;
      revertIds[name] = reverted.revertId;
    }
    // Again, now that the undo holds the rows' locks: a change that committed in between would otherwise be overwritten.
    await refuseLaterChanges(revertIds);
    return { runId, rows };
  });
}

async function revertPart(db: Database, name: SubgraphName, changeId: number, by: string): Promise<{ rows: number; revertId: number }> {
  const history = SUBGRAPH_HISTORIES[name];
  const revertId = await beginChange(db, history, { kind: "revertImport", keyName: by, reverts: changeId, importRunId: null });
  return { rows: await applyRevert(db, history, changeId, revertId), revertId };
}
