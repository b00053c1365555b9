// A bulk load's way in, as pg_restore and pgloader take it: the secondary indexes of a
// subgraph's schema are dropped and the triggers that keep derived tables (tallies) are
// disabled, the rows go in, and then the indexes are built once over all of them and the
// derived tables recomputed. Building an index over a million rows at once sorts them; keeping
// it while rows arrive inserts into it a million times. Everything happens in the caller's
// transaction: DDL is transactional in Postgres, so an import that fails or is killed half way
// leaves the indexes, triggers and rows as they were. Dropping an index locks its table
// (ACCESS EXCLUSIVE) until the transaction ends: readers of the schema wait for the import.
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { resultRows } from "../../../db/result-rows.js";

export interface BulkUpkeep {
  schema: string;
  /** Indexes the writers read through while loading (a child's rows by parent, to replace them): kept. */
  keptIndexes: readonly string[];
  /** Triggers that keep derived tables, by table: disabled during the load, their work redone by `recompute`. */
  derivedTriggers: readonly { table: string; triggers: readonly string[] }[];
  /** Recomputes what the disabled triggers keep, from the rows as loaded. */
  recompute(db: Database): Promise<void>;
}

interface DeferredIndex {
  name: string;
  definition: string;
}

/** What the load put off; `finish` does it, in the same transaction. */
export interface DeferredUpkeep {
  /** How many indexes were dropped, to be built again. */
  readonly indexes: number;
  finish(): Promise<void>;
}

/**
 * Drops `upkeep.schema`'s secondary indexes (neither unique nor a constraint's: the keys the
 * writers upsert by stay) but the kept ones, and disables its derived triggers. Must run inside
 * the transaction that loads the rows.
 */
export async function deferUpkeep(db: Database, upkeep: BulkUpkeep): Promise<DeferredUpkeep> {
  const indexes = resultRows<DeferredIndex>(
    await db.execute(sql`
      select index.relname as "name", pg_get_indexdef(pg_index.indexrelid) as "definition"
      from pg_index
      join pg_class index on index.oid = pg_index.indexrelid
      join pg_namespace namespace on namespace.oid = index.relnamespace
      where namespace.nspname = ${upkeep.schema}
        and not pg_index.indisunique and not pg_index.indisprimary
        and not exists (select 1 from pg_constraint where pg_constraint.conindid = pg_index.indexrelid)
      order by index.relname`),
  ).filter((index) => !upkeep.keptIndexes.includes(index.name));
  for (const index of indexes) await db.execute(sql`drop index ${sql.identifier(upkeep.schema)}.${sql.identifier(index.name)}`);
  const alterTriggers = async (action: "disable" | "enable") => {
    for (const { table, triggers } of upkeep.derivedTriggers)
      for (const trigger of triggers)
        await db.execute(sql`alter table ${sql.identifier(upkeep.schema)}.${sql.identifier(table)} ${sql.raw(action)} trigger ${sql.identifier(trigger)}`);
  };
  await alterTriggers("disable");
  return {
    indexes: indexes.length,
    async finish() {
      // Sorting a large table's keys in memory, rather than in runs on disk (the default is 64 MB).
      await db.execute(sql`set local maintenance_work_mem = '256MB'`);
      for (const index of indexes) await db.execute(sql.raw(index.definition));
      await alterTriggers("enable");
      await upkeep.recompute(db);
      // The planner's statistics of tables that just grew many times over are stale until
      // autovacuum comes. The history's row changes are left to it: they are read only through
      // their indexes (by change, by entity), and sampling them took as long as every other table.
      const tables = resultRows<{ name: string }>(
        await db.execute(sql`select tablename as "name" from pg_tables where schemaname = ${upkeep.schema} and tablename <> 'row_changes'`),
      );
      if (tables.length > 0)
        await db.execute(
          sql`analyze ${sql.join(
            tables.map(({ name }) => sql`${sql.identifier(upkeep.schema)}.${sql.identifier(name)}`),
            sql`, `,
          )}`,
        );
    },
  };
}
