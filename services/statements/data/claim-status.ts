import { type SQL, and, inArray, not, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { claims, stances } from "./tables.js";
import { ClaimStatus } from "../schema/claim.enums.js";
import { StanceKind } from "../schema/statement.enums.js";

/** The stances that put a statement on the claim's side. */
export const ASSERTING_STANCES = [StanceKind.ASSERTS, StanceKind.SUPPORTS] as const;
/** The stances that put a statement against the claim. */
export const DISPUTING_STANCES = [StanceKind.DISPUTES, StanceKind.DENIES] as const;

export function isAsserting(stance: string): boolean {
  return (ASSERTING_STANCES as readonly string[]).includes(stance);
}

export function isDisputing(stance: string): boolean {
  return (DISPUTING_STANCES as readonly string[]).includes(stance);
}

/** A claim's status from whether anyone asserts it and whether anyone disputes it. */
export function claimStatusOf(asserted: boolean, disputed: boolean): ClaimStatus {
  if (asserted && disputed) return ClaimStatus.CONTESTED;
  if (asserted) return ClaimStatus.ASSERTED;
  if (disputed) return ClaimStatus.DISPUTED;
  return ClaimStatus.UNADDRESSED;
}

// Each side is an EXISTS that stances_claim_stance_statement_idx answers from the index alone.
function hasStanceAmong(claimId: AnyPgColumn, kinds: readonly StanceKind[]): SQL {
  return sql`exists (select 1 from ${stances} where ${stances.claimId} = ${claimId} and ${inArray(stances.stance, [...kinds])})`;
}

/**
 * The SQL condition for claims with `status`, the same derivation as `claimStatusOf`;
 * `claimId` is the claim's ID column where the claims are read from a subquery.
 */
export function claimStatusCondition(status: ClaimStatus, claimId: AnyPgColumn = claims.id): SQL {
  const asserted = hasStanceAmong(claimId, ASSERTING_STANCES);
  const disputed = hasStanceAmong(claimId, DISPUTING_STANCES);
  switch (status) {
    case ClaimStatus.CONTESTED:
      return and(asserted, disputed)!;
    case ClaimStatus.ASSERTED:
      return and(asserted, not(disputed))!;
    case ClaimStatus.DISPUTED:
      return and(not(asserted), disputed)!;
    case ClaimStatus.UNADDRESSED:
      return and(not(asserted), not(disputed))!;
  }
}
