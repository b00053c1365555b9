// Writes a document's part of the statements schema; touches no other schema.
import { claims, sources, stances, statementIncidents, statements, tombstones } from "../data/tables.js";
import type { Database } from "../../../db/client.js";
import type { EntityKindTables } from "../../kit/records/stored-references.js";
import { tombstonesOf } from "../../kit/records/tombstones.js";
import { type EntityCounts, type EntityTables, syncEntities } from "../../kit/writes/sync-entities.js";
import type { StatementsPart } from "./statement-rows.js";

const SOURCE_TABLES: EntityTables = { table: sources, id: sources.id, retired: tombstonesOf(tombstones, "source"), children: [] };

const CLAIM_TABLES: EntityTables = { table: claims, id: claims.id, retired: tombstonesOf(tombstones, "claim"), children: [] };

const STATEMENT_TABLES: EntityTables = {
  table: statements,
  id: statements.id,
  // Postgres derives the search document from the text.
  maintainedColumns: ["searchDocument"],
  retired: tombstonesOf(tombstones, "statement"),
  children: [
    { table: stances, parentId: stances.statementId },
    { table: statementIncidents, parentId: statementIncidents.statementId },
  ],
};

/** The kinds of entity a document may refer to that this subgraph stores. */
export const STATEMENT_KIND_TABLES: EntityKindTables = { source: SOURCE_TABLES, statement: STATEMENT_TABLES, claim: CLAIM_TABLES };

export async function writeStatements(db: Database, part: StatementsPart): Promise<{ sources: EntityCounts; claims: EntityCounts; statements: EntityCounts }> {
  // Foreign keys: statements need their sources, stances their claims.
  const sourceCounts = await syncEntities(
    db,
    SOURCE_TABLES,
    part.sources.map((source) => ({ id: source.id, row: source, children: [] })),
  );
  const claimCounts = await syncEntities(
    db,
    CLAIM_TABLES,
    part.claims.map((claim) => ({ id: claim.id, row: claim, children: [] })),
  );
  const statementCounts = await syncEntities(
    db,
    STATEMENT_TABLES,
    part.statements.map((statement) => ({ id: statement.row.id, row: statement.row, children: [statement.stances, statement.incidents] })),
  );
  return { sources: sourceCounts, claims: claimCounts, statements: statementCounts };
}
