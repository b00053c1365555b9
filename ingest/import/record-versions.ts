// A dataset record's version (ACLED's `timestamp`), kept in the incident's source_version: a
// newer export updates a stored event, an older one never overwrites it.
import { incidents } from "../../services/incidents/data/tables.js";
import type { Database } from "../../db/client.js";
import { chunks } from "../../db/bulk/chunks.js";
import { anyOfIds } from "../../db/any-of-ids.js";
import type { RecordVersion } from "./dataset-record.js";

/** The stored version of each record among `versions` that has one, by incident ID. */
export async function storedVersions(db: Database, versions: readonly RecordVersion[]): Promise<Map<string, number>> {
  const stored = new Map<string, number>();
  for (const ids of chunks(versions.map((version) => version.incidentId))) {
    const rows = await db.select({ id: incidents.id, version: incidents.sourceVersion }).from(incidents).where(anyOfIds(incidents.id, ids));
    for (const row of rows) if (row.version !== null) stored.set(row.id, row.version);
  }
  return stored;
}

export function isOlderThanStored(version: RecordVersion, stored: ReadonlyMap<string, number>): boolean {
  const storedVersion = stored.get(version.incidentId);
  return storedVersion !== undefined && version.seconds < storedVersion;
}
