import { type SQL, and, eq, or } from "drizzle-orm";
import { assertWellFormedId } from "../../kit/schema/ids.js";
import { claimStatusCondition } from "./claim-status.js";
import { claims } from "./tables.js";
import type { ClaimFilter } from "../schema/claim.input.js";

/** Rejects a filter that can never match as asked, naming the offending input field. */
export function checkClaimFilter(filter: ClaimFilter | null | undefined, argumentName = "filter"): void {
  if (!filter) return;
  for (const field of ["subject", "object", "about", "incident"] as const) {
    const id = filter[field];
    if (id !== null && id !== undefined) assertWellFormedId(`${argumentName}.${field}`, id);
  }
}

/** The SQL condition on claims for a checked filter; undefined when it asks for nothing. */
export function claimFilterCondition(filter: ClaimFilter | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  return and(
    filter.status ? claimStatusCondition(filter.status) : undefined,
    filter.subject ? eq(claims.subjectId, filter.subject) : undefined,
    filter.object ? eq(claims.objectId, filter.object) : undefined,
    filter.about ? or(eq(claims.subjectId, filter.about), eq(claims.objectId, filter.about)) : undefined,
    filter.incident ? eq(claims.incidentId, filter.incident) : undefined,
  );
}
