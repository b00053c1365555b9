// Every subgraph keeps the history of its own entities in its own Postgres schema: a change
// (who, when, which request, what kind) and the rows it wrote, each with its values before
// and after. Triggers (each subgraph's "history" migration) write the rows, whoever wrote
// them: an edit through the API, an import, the seed. A write outside any recorded change (a
// migration, SQL typed by hand) is not recorded.
import { sql } from "drizzle-orm";
import { bigint, index, jsonb, type PgSchema, text, timestamp } from "drizzle-orm/pg-core";

/** The tables of a subgraph's history, in its schema (each subgraph calls this once in its tables.ts). */
export function historyTables(schema: PgSchema) {
  const changes = schema.table(
    "changes",
    {
      id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
      at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
      /** What was done: the mutation's name ("updateActor", "mergeActors"), "import" or "seed". */
      kind: text("kind").notNull(),
      /** The entity the change was made to; null for an import, which touches many. */
      entityKind: text("entity_kind"),
      entityId: text("entity_id"),
      /** The API key's name, or for an import the user who ran it ("os:<name>"). */
      keyName: text("key_name"),
      role: text("role"),
      requestId: text("request_id"),
      operationName: text("operation_name"),
      /** The import run this change is a subgraph's part of. */
      importRunId: text("import_run_id"),
      /** The change this one undid. */
      reverts: bigint("reverts", { mode: "number" }),
      /** The change that undid this one. */
      revertedBy: bigint("reverted_by", { mode: "number" }),
    },
    (table) => [index("changes_entity_idx").on(table.entityId, table.id), index("changes_import_run_idx").on(table.importRunId)],
  );

  const rowChanges = schema.table(
    "row_changes",
    {
      id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
      changeId: bigint("change_id", { mode: "number" })
        .notNull()
        .references(() => changes.id),
      tableName: text("table_name").notNull(),
      operation: text("operation", { enum: ["INSERT", "UPDATE", "DELETE"] }).notNull(),
      /** The entity the row belongs to (an alias's actor, a participant's incident). */
      entityKind: text("entity_kind").notNull(),
      entityId: text("entity_id").notNull(),
      /** The row's key as the change left it (before a delete, as it was). */
      rowKey: jsonb("row_key").notNull(),
      /** An update that changed the row's key: the key before (an alias moved to a merge's survivor). */
      priorKey: jsonb("prior_key"),
      before: jsonb("before"),
      after: jsonb("after"),
    },
    (table) => [
      index("row_changes_change_idx").on(table.changeId),
      index("row_changes_entity_idx").on(table.entityId, table.changeId),
      // The history reader finds a row's next change by its key (what an insert's values were).
      index("row_changes_row_idx").on(table.tableName, table.rowKey),
      index("row_changes_prior_key_idx").on(table.tableName, table.priorKey).where(sql`${table.priorKey} is not null`),
    ],
  );

  const importRuns = schema.table("import_runs", {
    id: text("id").primaryKey(),
    /** This subgraph's change for the run. */
    changeId: bigint("change_id", { mode: "number" })
      .notNull()
      .references(() => changes.id),
    /** A dataset format ("acled", "gdelt", "meridian") or "seed". */
    format: text("format").notNull(),
    /** Each input: its name, size in bytes and SHA-256. */
    files: jsonb("files").$type<ImportedFile[]>().notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** The import's summary (rows read, and per entity inserted, updated, unchanged, rejected). */
    summary: jsonb("summary"),
  });

  return { changes, rowChanges, importRuns };
}

export interface ImportedFile {
  name: string;
  /** Null for standard input, which is not read twice. */
  bytes: number | null;
  sha256: string | null;
}

export type HistoryTables = ReturnType<typeof historyTables>;
