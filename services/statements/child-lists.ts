import { eq, getTableColumns, sql } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client.js";
import { createChildConnectionLoader } from "../common/child-connections.js";
import { Keyset } from "../common/pagination.js";
import { claims, stances, statementIncidents, statements } from "./db/tables.js";
import type { DateRange } from "../common/date-range.js";
import { claimsById, saidBetween, statementsBySaidDate } from "./statement.repository.js";
import { type ClaimRow, type StanceRow, type StatementRow, toClaim, toStance, toStatement } from "./statement.rows.js";
import type { Claim, Stance, Statement } from "./statement.type.js";

type StanceWithDate = StanceRow & { saidOn: string };

/** The lists this subgraph hangs under a parent, each batched across parents (see createChildConnectionLoader). */
export function createChildListLoaders(db: Database) {
  const statementPage = {
    db,
    table: statements,
    columns: getTableColumns(statements),
    keyset: statementsBySaidDate,
    cursorOf: (row: StatementRow) => [row.saidOn, row.id],
    toNode: toStatement,
    filterCondition: (said: DateRange) => saidBetween(said.from, said.to, { from: "said.from", to: "said.to" }),
  };
  const claimPage = {
    db,
    table: claims,
    columns: getTableColumns(claims),
    keyset: claimsById,
    cursorOf: (row: ClaimRow) => [row.id, row.id],
    toNode: toClaim,
  };
  return {
    statementsBySpeaker: createChildConnectionLoader<StatementRow, Statement, DateRange>({
      ...statementPage,
      parent: statements.speakerId,
    }),
    statementsBySource: createChildConnectionLoader<StatementRow, Statement, DateRange>({
      ...statementPage,
      parent: statements.sourceId,
    }),
    responsesToStatement: createChildConnectionLoader<StatementRow, Statement, DateRange>({
      ...statementPage,
      parent: statements.respondsToId,
    }),
    statementsAboutIncident: createChildConnectionLoader<StatementRow, Statement, DateRange>({
      ...statementPage,
      join: (query: PgSelect) => query.innerJoin(statementIncidents, eq(statementIncidents.statementId, statements.id)),
      parent: statementIncidents.incidentId,
    }),
    claimsOfIncident: createChildConnectionLoader<ClaimRow, Claim>({ ...claimPage, parent: claims.incidentId }),
    // A claim is about an actor when the actor is its subject or its object.
    claimsAboutActor: createChildConnectionLoader<ClaimRow, Claim>({
      ...claimPage,
      join: (query: PgSelect) =>
        query.innerJoin(
          sql`lateral (select distinct unnest(array[${claims.subjectId}, ${claims.objectId}]) as actor_id) as claim_actor`,
          sql`true`,
        ),
      parent: sql`claim_actor.actor_id`,
    }),
    // Stances on a claim, in the order they were taken.
    stancesOnClaim: createChildConnectionLoader<StanceWithDate, Stance>({
      db,
      table: stances,
      columns: { ...getTableColumns(stances), saidOn: statements.saidOn },
      join: (query: PgSelect) => query.innerJoin(statements, eq(statements.id, stances.statementId)),
      parent: stances.claimId,
      keyset: new Keyset(statements.saidOn, stances.statementId, "ASC", "date"),
      cursorOf: (row) => [row.saidOn, row.statementId],
      toNode: toStance,
    }),
  };
}
