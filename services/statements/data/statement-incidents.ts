import { anyOfIds } from "../../../db/any-of-ids.js";
import type { Database } from "../../../db/client.js";
import { statementIncidents } from "./tables.js";

/** For each statement, the incidents it is about, in the order of the IDs asked for. */
export async function incidentIdsOfStatements(db: Database, statementIds: readonly string[]): Promise<string[][]> {
  const rows = await db.select().from(statementIncidents).where(anyOfIds(statementIncidents.statementId, statementIds)).orderBy(statementIncidents.incidentId);
  return statementIds.map((id) => rows.filter((row) => row.statementId === id).map((row) => row.incidentId));
}
