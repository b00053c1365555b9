import { type SQL, and, eq, exists, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { badUserInput } from "../../kit/schema/errors.js";
import { assertWellFormedId } from "../../kit/schema/ids.js";
import { isIsoDate } from "../../kit/schema/iso-date.js";
import type { ActorFilter, ActorRelationCondition } from "../schema/actor.input.js";
import { actorRelations, actors, aliases } from "./tables.js";

const COUNTRY_CODE = /^[A-Z]{3}$/;

/** Rejects a day that is not a real calendar date, naming the argument. */
export function checkDay(argumentName: string, day: string | null | undefined): void {
  if (day && !isIsoDate(day)) throw badUserInput(argumentName, `"${day.slice(0, 60)}" is not a date (YYYY-MM-DD)`);
}

/** Rejects a filter that can never match as asked, naming the offending input field. */
export function checkActorFilter(filter: ActorFilter | null | undefined, argumentName = "filter"): void {
  if (!filter) return;
  if (filter.country && !COUNTRY_CODE.test(filter.country)) {
    throw badUserInput(`${argumentName}.country`, `"${filter.country.slice(0, 60)}" is not an ISO 3166-1 alpha-3 code (e.g. "UKR")`);
  }
  if (filter.relation) {
    if (filter.relation.object) assertWellFormedId(`${argumentName}.relation.object`, filter.relation.object);
    checkDay(`${argumentName}.relation.at`, filter.relation.at);
  }
}

/**
 * Rows valid on a day: begun on or before it (or with no known start) and not ended before
 * it (or with no end). Dates are inclusive, as the documents write them.
 */
export function validOn(day: string, validFrom: AnyPgColumn, validTo: AnyPgColumn): SQL {
  return and(or(isNull(validFrom), lte(validFrom, day)), or(isNull(validTo), gte(validTo, day)))!;
}

// EXISTS rather than a join: an actor who serves in a force twice (two periods) is listed once.
function relationCondition(relation: ActorRelationCondition): SQL {
  return exists(
    sql`(select 1 from ${actorRelations} where ${and(
      eq(actorRelations.subjectId, actors.id),
      eq(actorRelations.predicate, relation.predicate),
      relation.object ? eq(actorRelations.objectId, relation.object) : undefined,
      relation.at ? validOn(relation.at, actorRelations.validFrom, actorRelations.validTo) : undefined,
    )})`,
  );
}

function aliasSchemeCondition(scheme: NonNullable<ActorFilter["hasAliasInScheme"]>): SQL {
  return exists(sql`(select 1 from ${aliases} where ${and(eq(aliases.actorId, actors.id), eq(aliases.scheme, scheme))})`);
}

/** The SQL condition on actors for a checked filter; undefined when it asks for nothing. */
export function actorFilterCondition(filter: ActorFilter | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  return and(
    filter.kind ? eq(actors.kind, filter.kind) : undefined,
    filter.country ? eq(actors.country, filter.country) : undefined,
    filter.relation ? relationCondition(filter.relation) : undefined,
    filter.hasAliasInScheme ? aliasSchemeCondition(filter.hasAliasInScheme) : undefined,
  );
}
