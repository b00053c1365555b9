// A deleted entity leaves a tombstone: its kind, its ID, when it was deleted and by whom. Other
// subgraphs hold IDs, never foreign keys (a statement's speaker, an incident's source), so an ID
// given again to a new entity would silently make every row that named the old one name the new
// one instead. An ID with a tombstone, or (for actors) one merged into another, is retired: no
// create, document or import gives it again; only an explicit restore may bring it back.
import { and, eq, sql } from "drizzle-orm";
import { type PgSchema, check, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { anyOfIds } from "../../../db/any-of-ids.js";
import type { Database } from "../../../db/client.js";
import { chunks } from "../../../db/bulk/chunks.js";
import { oneOf } from "../../../db/one-of.js";
import type { EntityKind } from "./reference-resolver.js";

/** The tombstones of a subgraph's entities of `kinds`, in its own Postgres schema (each subgraph calls this once in its tables.ts). */
export function tombstonesTable(schema: PgSchema, kinds: readonly EntityKind[]) {
  return schema.table(
    "tombstones",
    {
      kind: text("kind").$type<EntityKind>().notNull(),
      id: text("id").notNull(),
      deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
      /** The name of the API key that deleted it; null when not known (deletes made before keys had names). */
      deletedBy: text("deleted_by"),
    },
    // One subgraph may store several kinds whose IDs can coincide (a source and a claim of one key).
    (table) => [primaryKey({ name: "tombstones_pkey", columns: [table.kind, table.id] }), check("tombstones_kind_check", oneOf(table.kind, kinds))],
  );
}

export type TombstonesTable = ReturnType<typeof tombstonesTable>;

/** Why an ID cannot be given to a new entity: the entity it named was deleted, or merged into another. */
export interface RetiredId {
  kind: EntityKind;
  id: string;
  /** When the entity (or, for a merged ID, the survivor) was deleted; null when it was not. */
  deletedAt: Date | null;
  deletedBy: string | null;
  /** The survivor the ID was merged into and still resolves to (actors only). */
  mergedInto?: string;
}

/** The retired IDs among `ids`, by ID: how each subgraph tells which of its IDs may not be given again. */
export type RetiredIds = (db: Database, ids: readonly string[]) => Promise<Map<string, RetiredId>>;

/** The tombstones of `kind` in `table` as a lookup of retired IDs. */
export function tombstonesOf(table: TombstonesTable, kind: EntityKind): RetiredIds {
  return async (db, ids) => {
    const retired = new Map<string, RetiredId>();
    for (const chunk of chunks([...new Set(ids)])) {
      const rows = await db
        .select()
        .from(table)
        .where(and(eq(table.kind, kind), anyOfIds(table.id, chunk)));
      for (const row of rows) retired.set(row.id, row);
    }
    return retired;
  };
}

/**
 * Records that the entities `ids` of `kind` were deleted, by the key named `deletedBy` (null
 * when unknown). Call it in the deleting transaction, so that no create sees the ID free between.
 */
export async function leaveTombstones(db: Database, table: TombstonesTable, kind: EntityKind, ids: readonly string[], deletedBy: string | null): Promise<void> {
  if (ids.length === 0) return;
  // Deleted again after a restore: the tombstone says the latest deletion.
  await db
    .insert(table)
    .values(ids.map((id) => ({ kind, id, deletedBy })))
    .onConflictDoUpdate({ target: [table.kind, table.id], set: { deletedAt: sql`now()`, deletedBy } });
}

/** "the actor meridian:x was deleted on 2025-06-01 10:32:04 UTC by alice", or what a merged ID became. */
export function retirementText(retired: RetiredId): string {
  const deletion = retired.deletedAt ? `deleted on ${utcTime(retired.deletedAt)}${retired.deletedBy ? ` by ${retired.deletedBy}` : ""}` : "";
  if (retired.mergedInto !== undefined) {
    return `the ID ${retired.id} belonged to ${article(retired.kind)} merged into ${retired.mergedInto}${deletion ? `, since ${deletion}` : ""}`;
  }
  return `the ${retired.kind} ${retired.id} was ${deletion}`;
}

function utcTime(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

function article(kind: EntityKind): string {
  return `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind}`;
}
