// A dataset record's version (ACLED's `timestamp`): a newer export updates a stored event,
// an older one never overwrites it. Until incidents have a source_version column, a record's
// version is the retrievedAt of its DATASET_RECORD source (acled:<event_id_cnty>.record).
import { inArray } from "drizzle-orm";
import { sources } from "../../services/statements/db/tables.js";
import type { Database } from "../client.js";
import { chunks } from "../documents/chunks.js";
import type { RecordVersion } from "./dataset-record.js";

/** The stored version of each record among `versions` that has one, by source ID. */
export async function storedVersions(db: Database, versions: readonly RecordVersion[]): Promise<Map<string, number>> {
  const stored = new Map<string, number>();
  for (const ids of chunks(versions.map((version) => version.sourceId))) {
    const rows = await db.select({ id: sources.id, retrievedAt: sources.retrievedAt }).from(sources).where(inArray(sources.id, ids));
    for (const row of rows) if (row.retrievedAt) stored.set(row.id, row.retrievedAt.getTime());
  }
  return stored;
}

export function isOlderThanStored(version: RecordVersion, stored: ReadonlyMap<string, number>): boolean {
  const storedAt = stored.get(version.sourceId);
  return storedAt !== undefined && version.at.getTime() < storedAt;
}
