import { eq, getTableColumns, isNotNull, sql } from "drizzle-orm";
import { type AnyPgColumn, type PgSelect, type PgTable, alias } from "drizzle-orm/pg-core";
import type { Database } from "../../../db/client.js";
import { createChildConnectionLoader } from "../../kit/pages/child-connections.js";
import { Keyset } from "../../kit/pages/pagination.js";
import { claims, stances, statementIncidents, statements } from "./tables.js";
import type { DateRange } from "../../kit/schema/date-range.js";
import { claimStatusCondition } from "./claim-status.js";
import type { RelatedClaimFilter } from "../schema/claim.input.js";
import { claimsById, saidBetween, statementsBySaidDate } from "./statement.repository.js";
import { type ClaimRow, type StanceRow, type StatementRow, statementColumns, toClaim, toStance, toStatement } from "../schema/statement.rows.js";
import type { Claim, Stance, Statement } from "../schema/statement.type.js";

type StanceWithDate = StanceRow & { saidOn: string };

/**
 * Each claim once per actor it is about, as its subject or its object, with all its columns:
 * a union of two reads, so that the actors asked for are looked up in claims_subject_id_idx
 * and claims_object_id_idx and the claims found need no second read. UNION keeps a claim
 * about one actor twice over (subject and object) once.
 */
function claimsWithActor(db: Database) {
  const bySubject = alias(claims, "by_subject");
  const byObject = alias(claims, "by_object");
  return db
    .select({ ...getTableColumns(bySubject), actorId: sql<string>`${bySubject.subjectId}`.as("actor_id") })
    .from(bySubject)
    .where(isNotNull(bySubject.subjectId))
    .union(
      db
        .select({ ...getTableColumns(byObject), actorId: sql<string>`${byObject.objectId}`.as("actor_id") })
        .from(byObject)
        .where(isNotNull(byObject.objectId)),
    )
    .as("claim_about");
}

/** The lists this subgraph hangs under a parent, each batched across parents (see createChildConnectionLoader). */
export function createChildListLoaders(db: Database) {
  const statementPage = {
    db,
    table: statements,
    columns: statementColumns,
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
    filterCondition: (filter: RelatedClaimFilter) => (filter.status ? claimStatusCondition(filter.status) : undefined),
  };
  const claimAbout = claimsWithActor(db);
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
    claimsOfIncident: createChildConnectionLoader<ClaimRow, Claim, RelatedClaimFilter>({ ...claimPage, parent: claims.incidentId }),
    // A claim is about an actor when the actor is its subject or its object.
    // The union is read like a table: Drizzle selects from a subquery as from a table.
    claimsAboutActor: createChildConnectionLoader<ClaimRow, Claim, RelatedClaimFilter>({
      ...claimPage,
      table: claimAbout as unknown as PgTable,
      columns: Object.fromEntries(Object.keys(getTableColumns(claims)).map((key) => [key, claimAbout[key as keyof ClaimRow]])) as Record<string, AnyPgColumn>,
      parent: sql`${claimAbout.actorId}`,
      keyset: new Keyset(claimAbout.id, claimAbout.id),
      filterCondition: (filter: RelatedClaimFilter) => (filter.status ? claimStatusCondition(filter.status, claimAbout.id) : undefined),
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
