// Reverting a change: refused (BAD_USER_INPUT, nothing changed) when there is no such change,
// when it was reverted already, when it is itself a revert, or when a later change that still
// stands touched an entity it touched (each such change listed); otherwise its rows are undone
// in a new change that records the revert, so a revert is itself in the history.
import { eq, sql } from "drizzle-orm";
import { anyOfNumbers } from "../../../db/any-of-ids.js";
import type { Database } from "../../../db/client.js";
import { resultRows } from "../../../db/result-rows.js";
import { rejectArgument } from "../../../platform/graphql/input-problems.js";
import type { SubgraphHistory } from "./subgraph-history.js";
import { undoRows } from "./undo-rows.js";

type ChangeRow = SubgraphHistory["tables"]["changes"]["$inferSelect"];

export interface LaterChange {
  /** The change's ID as the API gives it: "incidents:12". */
  id: string;
  kind: string;
  at: Date;
  keyName: string | null;
  entityKind: string;
  entityId: string;
}

/** The change `id`, checked as revertible by itself (not yet reverted, not a revert). Reports at `argument`. */
export async function revertibleChange(db: Database, history: SubgraphHistory, id: number, argument: string[]): Promise<ChangeRow> {
  const { changes } = history.tables;
  const [change] = await db.select().from(changes).where(eq(changes.id, id)).for("update");
  const named = (number: number) => `${history.schema}:${number}`;
  if (!change) return rejectArgument(argument, `no change ${named(id)} is recorded in the ${history.schema} history`);
  if (change.revertedBy !== null) return rejectArgument(argument, `change ${named(id)} was already reverted, by change ${named(change.revertedBy)}`);
  if (change.reverts !== null)
    return rejectArgument(argument, `change ${named(id)} is itself the revert of change ${named(change.reverts)}; make the edit again instead`);
  return change;
}

/** The later changes, not since reverted, that touched an entity the changes `ids` touched: what a revert would silently undo or break. */
export async function laterChangesToTheSameEntities(db: Database, history: SubgraphHistory, ids: readonly number[]): Promise<LaterChange[]> {
  if (ids.length === 0) return [];
  const schema = sql.identifier(history.schema);
  const first = Math.min(...ids);
  const result = await db.execute(sql`
    select distinct later."id", later."kind", later."at", later."key_name", rc."entity_kind", rc."entity_id"
    from (select distinct "entity_kind", "entity_id" from ${schema}."row_changes" where ${anyOfNumbers(sql.identifier("change_id"), ids)}) mine
    join ${schema}."row_changes" rc on rc."entity_id" = mine."entity_id" and rc."entity_kind" = mine."entity_kind" and rc."change_id" > ${first}
    join ${schema}."changes" later on later."id" = rc."change_id"
    where not ${anyOfNumbers(sql`later."id"`, ids)}
      and later."reverted_by" is null
      and not (later."reverts" is not null and later."reverts" > ${first})
    order by later."id", rc."entity_kind", rc."entity_id"
    limit 101`);
  return resultRows(result).map((row) => ({
    id: `${history.schema}:${row.id}`,
    kind: String(row.kind),
    at: new Date(row.at as string),
    keyName: (row.key_name as string | null) ?? null,
    entityKind: String(row.entity_kind),
    entityId: String(row.entity_id),
  }));
}

/** "change 12 (updateActor of actor meridian:x by alice at 2025-06-01T10:32:04Z)", for a refusal. */
export function laterChangeText(change: LaterChange): string {
  return `change ${change.id} (${change.kind} of ${change.entityKind} ${change.entityId}${change.keyName ? ` by ${change.keyName}` : ""} at ${change.at.toISOString()})`;
}

/** How many later changes a refusal lists; laterChangesToTheSameEntities reads one more, to say there are more. */
const LISTED_LATER_CHANGES = 100;

/** The list of later changes a refusal gives, each as laterChangeText writes it, joined by `separator`: the first 100, and "and more" beyond. */
export function laterChangesText(later: readonly LaterChange[], separator: string): string {
  const listed = later.slice(0, LISTED_LATER_CHANGES).map(laterChangeText);
  return [...listed, ...(later.length > LISTED_LATER_CHANGES ? ["and more"] : [])].join(separator);
}

/** Refuses at `argument` when later changes stand on the same entities, listing up to 100 of them. */
export async function rejectLaterChanges(db: Database, history: SubgraphHistory, ids: readonly number[], argument: string[]): Promise<void> {
  const later = await laterChangesToTheSameEntities(db, history, ids);
  if (later.length === 0) return;
  rejectArgument(argument, `later changes touched the same entities; revert them first: ${laterChangesText(later, "; ")}`);
}

/** Undoes the change `id` inside the revert change `revertId`, and marks it reverted by it; returns how many row changes it undid. */
export async function applyRevert(db: Database, history: SubgraphHistory, id: number, revertId: number): Promise<number> {
  const undone = await undoRows(db, history, id);
  const { changes } = history.tables;
  await db.update(changes).set({ revertedBy: revertId }).where(eq(changes.id, id));
  return undone;
}
