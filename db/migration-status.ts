// Which of a subgraph's committed migrations its database has not applied yet, judged the
// way drizzle's migrator judges it: a migration is applied when the newest row of the
// subgraph's bookkeeping table is at least as recent as the migration's journal entry.
import { resultRows } from "./result-rows.js";
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Database } from "./client.js";
import { type SubgraphMigrations, migrationsTable } from "./migrate.js";

interface JournalEntry {
  tag: string;
  when: number;
}

function journalEntries(subgraph: SubgraphMigrations): JournalEntry[] {
  const journal = JSON.parse(readFileSync(`${subgraph.migrationsFolder}/meta/_journal.json`, "utf8")) as { entries: JournalEntry[] };
  return journal.entries;
}

/** Tags of the migrations still to apply; empty when the database is up to date. */
export async function pendingMigrations(db: Database, subgraph: SubgraphMigrations): Promise<string[]> {
  const table = sql.identifier(migrationsTable(subgraph));
  const exists = await rowsOf<{ present: string | null }>(db.execute(sql`select to_regclass(${`drizzle.${migrationsTable(subgraph)}`})::text as present`));
  if (!exists[0]?.present) return journalEntries(subgraph).map((entry) => entry.tag);
  const [newest] = await rowsOf<{ created_at: string | number | null }>(db.execute(sql`select max(created_at) as created_at from drizzle.${table}`));
  const appliedUpTo = Number(newest?.created_at ?? 0);
  return journalEntries(subgraph)
    .filter((entry) => entry.when > appliedUpTo)
    .map((entry) => entry.tag);
}

async function rowsOf<TRow>(result: Promise<unknown>): Promise<TRow[]> {
  return resultRows<TRow>(await result);
}
