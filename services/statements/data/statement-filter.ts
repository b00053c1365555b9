import { type SQL, and, eq, gte, lte, sql } from "drizzle-orm";
import { checkDateRangeInput } from "../../kit/schema/date-range.js";
import { badUserInput } from "../../kit/schema/errors.js";
import { assertWellFormedId } from "../../kit/schema/ids.js";
import { stances, statements } from "./tables.js";
import type { StatementFilter } from "../schema/statement.input.js";

// A BCP 47 tag as the documents store it: a language subtag, then optional subtags ("en", "zh-Hant-TW").
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/** Rejects a filter that can never match as asked, naming the offending input field. */
export function checkStatementFilter(filter: StatementFilter | null | undefined, argumentName = "filter"): void {
  if (!filter) return;
  for (const field of ["speaker", "onBehalfOf", "claim", "source", "respondsTo"] as const) {
    const id = filter[field];
    if (id !== null && id !== undefined) assertWellFormedId(`${argumentName}.${field}`, id);
  }
  if (filter.language !== null && filter.language !== undefined && !LANGUAGE_TAG.test(filter.language)) {
    throw badUserInput(`${argumentName}.language`, `"${filter.language.slice(0, 60)}" is not a BCP 47 language tag (e.g. "en", "zh")`);
  }
  checkDateRangeInput(`${argumentName}.said`, filter.said);
}

/** Conditions of a checked filter on the statement's own columns, leaving out its stance and claim. */
export function statementColumnsCondition(filter: StatementFilter | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  return and(
    filter.speaker ? eq(statements.speakerId, filter.speaker) : undefined,
    filter.onBehalfOf ? eq(statements.onBehalfOfId, filter.onBehalfOf) : undefined,
    filter.said?.from ? gte(statements.saidOn, filter.said.from) : undefined,
    filter.said?.to ? lte(statements.saidOn, filter.said.to) : undefined,
    filter.language ? eq(statements.language, filter.language) : undefined,
    filter.source ? eq(statements.sourceId, filter.source) : undefined,
    filter.respondsTo ? eq(statements.respondsToId, filter.respondsTo) : undefined,
  );
}

/** Conditions of a checked filter on a stance row: its claim and its kind. */
export function stanceRowCondition(filter: StatementFilter | null | undefined): SQL | undefined {
  return and(filter?.claim ? eq(stances.claimId, filter.claim) : undefined, filter?.stance ? eq(stances.stance, filter.stance) : undefined);
}

/** The SQL condition on statements for a checked filter; undefined when it asks for nothing. */
export function statementFilterCondition(filter: StatementFilter | null | undefined): SQL | undefined {
  const stanceRow = stanceRowCondition(filter);
  // EXISTS rather than a join: a statement with stances on two claims must be listed once.
  const takesStance = stanceRow ? sql`exists (select 1 from ${stances} where ${stances.statementId} = ${statements.id} and ${stanceRow})` : undefined;
  return and(statementColumnsCondition(filter), takesStance);
}
