// What the migrations made of the subgraphs' schemas: every index definition and every trigger
// with whether it fires. The bulk path drops indexes and disables triggers until it commits
// (services/kit/writes/deferred-upkeep.ts); its suites compare this before and after.
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { resultRows } from "../../db/result-rows.js";

export async function indexesAndTriggers(db: Database): Promise<string[]> {
  const indexes = resultRows<{ definition: string }>(
    await db.execute(sql`select indexdef as "definition" from pg_indexes where schemaname in ('actors', 'statements', 'incidents') order by indexdef`),
  );
  const triggers = resultRows<{ trigger: string }>(
    await db.execute(sql`
      select tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text as "trigger" from pg_trigger
      where not tgisinternal and tgrelid::regclass::text ~ '^(actors|statements|incidents)\\.' order by 1`),
  );
  return [...indexes.map((row) => row.definition), ...triggers.map((row) => row.trigger)];
}
