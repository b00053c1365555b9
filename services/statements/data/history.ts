// The statements subgraph's history: its tables and the rows it records (services/kit/history).
import type { SubgraphHistory } from "../../kit/history/subgraph-history.js";
import { changes, claims, importRuns, rowChanges, sources, stances, statementIncidents, statements, tombstones } from "./tables.js";

export const statementsHistory: SubgraphHistory = {
  schema: "statements",
  tables: { changes, rowChanges, importRuns },
  tracked: [
    { table: sources, entityKind: "source", entityId: sources.id, key: [sources.id] },
    { table: claims, entityKind: "claim", entityId: claims.id, key: [claims.id] },
    { table: statements, entityKind: "statement", entityId: statements.id, key: [statements.id] },
    { table: stances, entityKind: "statement", entityId: stances.statementId, key: [stances.statementId, stances.claimId] },
    {
      table: statementIncidents,
      entityKind: "statement",
      entityId: statementIncidents.statementId,
      key: [statementIncidents.statementId, statementIncidents.incidentId],
    },
    { table: tombstones, entityKind: tombstones.kind, entityId: tombstones.id, key: [tombstones.kind, tombstones.id] },
  ],
};
