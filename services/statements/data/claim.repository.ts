import type { Database } from "../../../db/client.js";
import { type Connection, checkPageSize, toConnection } from "../../kit/pages/pagination.js";
import { keysetPage } from "../../kit/pages/keyset-page.js";
import { checkClaimFilter, claimFilterCondition } from "./claim-filter.js";
import type { ClaimFilter } from "../schema/claim.input.js";
import { claims } from "./tables.js";
import { claimsById } from "./statement.repository.js";
import { toClaim } from "../schema/statement.rows.js";
import type { Claim } from "../schema/statement.type.js";

/** One page of claims meeting a checked filter, by ID, with one row more to tell whether a next page exists. */
export function claimPageQuery(db: Database, filter: ClaimFilter | null | undefined, first: number, after: string | null | undefined) {
  return keysetPage(db.select().from(claims).$dynamic(), claimFilterCondition(filter), claimsById, first, after);
}

/** Lists claims. */
export class ClaimRepository {
  constructor(private readonly db: Database) {}

  async listClaims(filter: ClaimFilter | null | undefined, first: number, after: string | null | undefined): Promise<Connection<Claim>> {
    checkPageSize(first);
    checkClaimFilter(filter);
    const rows = await claimPageQuery(this.db, filter, first, after);
    return toConnection(
      rows,
      first,
      (row) => [row.id, row.id],
      toClaim,
      () => this.db.$count(claims, claimFilterCondition(filter)),
    );
  }
}
