// Whether an import takes the bulk path (services/kit/writes/deferred-upkeep.ts): indexes
// dropped and built again after the load, tallies counted again, readers of the incidents and
// statements waiting until the import commits. It pays when the import is large beside what
// is stored: building an index sorts every row, old and new, once; keeping it inserts each new
// row. `--bulk` and `--no-bulk` decide; otherwise the files' sizes are weighed against the rows
// stored. Standard input's size is unknown: it is loaded incrementally unless --bulk says otherwise.
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { resultRows } from "../../db/result-rows.js";
import type { ImportInput } from "./import-progress.js";

export type BulkSetting = "auto" | "on" | "off";

/** Below this many rows an import is quick either way, and readers should not wait for it. */
export const BULK_MIN_ROWS = 100_000;

export interface BulkChoice {
  bulk: boolean;
  /** Why, for the progress output. */
  reason: string;
}

export async function chooseBulk(
  setting: BulkSetting,
  inputs: readonly ImportInput[],
  bytesPerRow: number,
  storedRows: () => Promise<number>,
): Promise<BulkChoice> {
  if (setting === "on") return { bulk: true, reason: "--bulk" };
  if (setting === "off") return { bulk: false, reason: "--no-bulk" };
  if (inputs.some((input) => input.size === undefined)) return { bulk: false, reason: "standard input's size is unknown" };
  const expected = Math.round(inputs.reduce((sum, input) => sum + input.size!, 0) / bytesPerRow);
  if (expected < BULK_MIN_ROWS) return { bulk: false, reason: `about ${expected.toLocaleString("en")} rows, fewer than ${BULK_MIN_ROWS.toLocaleString("en")}` };
  const stored = await storedRows();
  return expected >= stored
    ? { bulk: true, reason: `about ${expected.toLocaleString("en")} rows, at least the ${stored.toLocaleString("en")} stored` }
    : { bulk: false, reason: `about ${expected.toLocaleString("en")} rows, fewer than the ${stored.toLocaleString("en")} stored` };
}

/** The incidents and statements stored: what a bulk load would index again. */
export async function storedEventRows(databases: { statements: Database; incidents: Database }): Promise<number> {
  const count = async (db: Database, table: string) =>
    Number(resultRows<{ rows: string }>(await db.execute(sql`select count(*)::text as "rows" from ${sql.raw(table)}`))[0]!.rows);
  return (await count(databases.incidents, "incidents.incidents")) + (await count(databases.statements, "statements.statements"));
}
