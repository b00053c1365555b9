import { and, gte, lte } from "drizzle-orm";
import { anyOfIds } from "../../../db/any-of-ids.js";
import type { Database } from "../../../db/client.js";
import { checkDateRange } from "../../kit/schema/date-range.js";
import { type Connection, Keyset, checkPageSize, toConnection } from "../../kit/pages/pagination.js";
import { keysetPage } from "../../kit/pages/keyset-page.js";
import { claims, sources, stances, statements } from "./tables.js";
import { checkStatementFilter, statementFilterCondition } from "./statement-filter.js";
import type { StatementFilter, StatementSort } from "../schema/statement.input.js";
import { StatementOrder } from "./statement-order.js";
import { statementColumns, toClaim, toSource, toStance, toStatement } from "../schema/statement.rows.js";
import type { Source } from "../schema/source.type.js";
import type { Claim, Stance, Statement } from "../schema/statement.type.js";

export const statementsBySaidDate = new Keyset(statements.saidOn, statements.id, "ASC", "date");
export const claimsById = new Keyset(claims.id, claims.id);
export const sourcesById = new Keyset(sources.id, sources.id);

/** Conditions for statements said within a range of days; the range is checked first. */
export function saidBetween(from: string | null | undefined, to: string | null | undefined, names: { from: string; to: string }) {
  checkDateRange(from, to, names);
  return and(from ? gte(statements.saidOn, from) : undefined, to ? lte(statements.saidOn, to) : undefined);
}

/** One page of statements meeting a checked filter, in `order`, with one row more to tell whether a next page exists. */
export function statementPageQuery(
  db: Database,
  filter: StatementFilter | null | undefined,
  order: StatementOrder,
  first: number,
  after: string | null | undefined,
) {
  return keysetPage(db.select(statementColumns).from(statements).$dynamic(), statementFilterCondition(filter), order, first, after);
}

/** Reads statements, claims, stances and sources by ID, and lists statements and sources. */
export class StatementRepository {
  constructor(private readonly db: Database) {}

  async statementsByIds(ids: readonly string[]): Promise<Statement[]> {
    const rows = await this.db.select(statementColumns).from(statements).where(anyOfIds(statements.id, ids));
    return rows.map(toStatement);
  }

  async claimsByIds(ids: readonly string[]): Promise<Claim[]> {
    const rows = await this.db.select().from(claims).where(anyOfIds(claims.id, ids));
    return rows.map(toClaim);
  }

  async sourcesByIds(ids: readonly string[]): Promise<Source[]> {
    const rows = await this.db.select().from(sources).where(anyOfIds(sources.id, ids));
    return rows.map(toSource);
  }

  async stancesOfStatements(statementIds: readonly string[]): Promise<Stance[]> {
    // By claim: the same order on every backend and after a restore, not the order rows happen to be stored in.
    const rows = await this.db.select().from(stances).where(anyOfIds(stances.statementId, statementIds)).orderBy(stances.statementId, stances.claimId);
    return rows.map(toStance);
  }

  async listStatements(
    filter: StatementFilter | null | undefined,
    sort: StatementSort | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<Connection<Statement>> {
    checkPageSize(first);
    checkStatementFilter(filter);
    const order = StatementOrder.of(sort);
    const rows = await statementPageQuery(this.db, filter, order, first, after);
    return toConnection(
      rows,
      first,
      (row) => order.cursorOf(row),
      toStatement,
      () => this.db.$count(statements, statementFilterCondition(filter)),
    );
  }

  async listSources(first: number, after: string | null | undefined): Promise<Connection<Source>> {
    checkPageSize(first);
    const rows = await keysetPage(this.db.select().from(sources).$dynamic(), undefined, sourcesById, first, after);
    return toConnection(
      rows,
      first,
      (row) => [row.id, row.id],
      toSource,
      () => this.db.$count(sources),
    );
  }
}
