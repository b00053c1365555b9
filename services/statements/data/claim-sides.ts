// What the claims view derives from stances, for a whole page of claims at once: each query
// here takes every claim ID of a request (see the loaders in context.ts), so the number of
// SQL statements does not grow with the number of claims.
import { and, asc, desc, eq, inArray, min } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { anyOfIds } from "../../../db/any-of-ids.js";
import type { Database } from "../../../db/client.js";
import { ASSERTING_STANCES, claimStatusOf, isAsserting, isDisputing } from "./claim-status.js";
import type { ClaimStatus } from "../schema/claim.enums.js";
import { stances, statements } from "./tables.js";
import { StanceKind } from "../schema/statement.enums.js";
import { toStatement } from "../schema/statement.rows.js";
import type { Statement } from "../schema/statement.type.js";

/** Who stands on each side of one claim, and so its status. */
export interface ClaimSides {
  status: ClaimStatus;
  /** Speakers of asserting or supporting statements, in the order they first took that side. */
  assertedBy: string[];
  /** Speakers of disputing or denying statements, in the order they first took that side. */
  disputedBy: string[];
}

/** Stances that answer a claim rather than make it. */
const RESPONDING_STANCES = [StanceKind.DISPUTES, StanceKind.DENIES, StanceKind.QUESTIONS, StanceKind.COMMENTS] as const;

interface SpeakerStance {
  claimId: string;
  speakerId: string;
  stance: string;
  firstSaidOn: string | null;
}

function speakersInOrder(rows: SpeakerStance[]): string[] {
  const firstBySpeaker = new Map<string, string>();
  for (const row of rows) {
    const said = row.firstSaidOn ?? "";
    const earlier = firstBySpeaker.get(row.speakerId);
    if (earlier === undefined || said < earlier) firstBySpeaker.set(row.speakerId, said);
  }
  return [...firstBySpeaker]
    .sort(([speakerA, saidA], [speakerB, saidB]) => (saidA === saidB ? (speakerA < speakerB ? -1 : 1) : saidA < saidB ? -1 : 1))
    .map(([speaker]) => speaker);
}

export async function claimSidesOf(db: Database, claimIds: readonly string[]): Promise<ClaimSides[]> {
  // One row per claim, speaker and kind of stance: bounded by the speakers, not the statements.
  const rows = (await db
    .select({ claimId: stances.claimId, speakerId: statements.speakerId, stance: stances.stance, firstSaidOn: min(statements.saidOn) })
    .from(stances)
    .innerJoin(statements, eq(statements.id, stances.statementId))
    .where(anyOfIds(stances.claimId, claimIds))
    .groupBy(stances.claimId, statements.speakerId, stances.stance)) as SpeakerStance[];
  return claimIds.map((claimId) => {
    const ofClaim = rows.filter((row) => row.claimId === claimId);
    const asserting = ofClaim.filter((row) => isAsserting(row.stance));
    const disputing = ofClaim.filter((row) => isDisputing(row.stance));
    return {
      status: claimStatusOf(asserting.length > 0, disputing.length > 0),
      assertedBy: speakersInOrder(asserting),
      disputedBy: speakersInOrder(disputing),
    };
  });
}

function statementPerClaim(claimIds: readonly string[], rows: { claimId: string; statement: typeof statements.$inferSelect }[]): (Statement | null)[] {
  const byClaim = new Map(rows.map((row) => [row.claimId, toStatement(row.statement)]));
  return claimIds.map((claimId) => byClaim.get(claimId) ?? null);
}

/** Each claim's earliest asserting or supporting statement (ties by ID), or null. */
export async function firstAssertionsOf(db: Database, claimIds: readonly string[]): Promise<(Statement | null)[]> {
  const rows = await db
    .selectDistinctOn([stances.claimId], { claimId: stances.claimId, statement: statements })
    .from(stances)
    .innerJoin(statements, eq(statements.id, stances.statementId))
    .where(and(anyOfIds(stances.claimId, claimIds), inArray(stances.stance, [...ASSERTING_STANCES])))
    .orderBy(asc(stances.claimId), asc(statements.saidOn), asc(statements.id));
  return statementPerClaim(claimIds, rows);
}

/**
 * Each claim's latest response (ties by ID), or null: a statement that disputes, denies,
 * questions or comments on the claim, or one that answers a statement asserting it.
 */
export async function latestResponsesOf(db: Database, claimIds: readonly string[]): Promise<(Statement | null)[]> {
  const assertion = alias(stances, "assertion");
  const response = alias(statements, "response");
  const responses = db
    .select({ claimId: stances.claimId, statementId: stances.statementId })
    .from(stances)
    .where(and(anyOfIds(stances.claimId, claimIds), inArray(stances.stance, [...RESPONDING_STANCES])))
    .union(
      db
        .select({ claimId: assertion.claimId, statementId: response.id })
        .from(assertion)
        .innerJoin(response, eq(response.respondsToId, assertion.statementId))
        .where(and(anyOfIds(assertion.claimId, claimIds), inArray(assertion.stance, [...ASSERTING_STANCES]))),
    )
    .as("claim_response");
  const rows = await db
    .selectDistinctOn([responses.claimId], { claimId: responses.claimId, statement: statements })
    .from(responses)
    .innerJoin(statements, eq(statements.id, responses.statementId))
    .orderBy(asc(responses.claimId), desc(statements.saidOn), desc(statements.id));
  return statementPerClaim(claimIds, rows);
}
