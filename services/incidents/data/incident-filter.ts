import { type SQL, and, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { checkDateRangeInput } from "../../kit/schema/date-range.js";
import { badUserInput } from "../../kit/schema/errors.js";
import { assertWellFormedId } from "../../kit/schema/ids.js";
import { incidents, participants } from "./tables.js";
import type { BoundingBox, FatalitiesRange, IncidentFilter, ParticipantFilter } from "../schema/incident.input.js";

const COUNTRY_CODE = /^[A-Z]{3}$/;
const DATASET_NAME = /^[A-Z][A-Z0-9_]{0,39}$/;
const MAX_AREA_NAME_LENGTH = 200;

/** Rejects a filter that can never match as asked, naming the offending input field. */
export function checkIncidentFilter(filter: IncidentFilter | null | undefined, argumentName = "filter"): void {
  if (!filter) return;
  if (filter.types && filter.types.length === 0) throw badUserInput(`${argumentName}.types`, "must name at least one type");
  if (filter.country && !COUNTRY_CODE.test(filter.country)) {
    throw badUserInput(`${argumentName}.country`, `"${filter.country.slice(0, 60)}" is not an ISO 3166-1 alpha-3 code (e.g. "UKR")`);
  }
  if (filter.admin1 !== null && filter.admin1 !== undefined) {
    if (filter.admin1.trim() === "") throw badUserInput(`${argumentName}.admin1`, "must not be empty");
    if (filter.admin1.length > MAX_AREA_NAME_LENGTH) throw badUserInput(`${argumentName}.admin1`, `must be at most ${MAX_AREA_NAME_LENGTH} characters`);
  }
  if (filter.dataset !== null && filter.dataset !== undefined && !DATASET_NAME.test(filter.dataset)) {
    throw badUserInput(`${argumentName}.dataset`, `"${filter.dataset.slice(0, 60)}" is not a dataset name (upper case, e.g. "ACLED")`);
  }
  checkDateRangeInput(`${argumentName}.occurred`, filter.occurred);
  if (filter.participant) assertWellFormedId(`${argumentName}.participant.actor`, filter.participant.actor);
  if (filter.bbox) checkBoundingBox(filter.bbox, `${argumentName}.bbox`);
  if (filter.fatalities) checkFatalitiesRange(filter.fatalities, `${argumentName}.fatalities`);
}

function checkBoundingBox(box: BoundingBox, argumentName: string): void {
  const within = (field: keyof BoundingBox, limit: number) => {
    const value = box[field];
    if (!Number.isFinite(value) || value < -limit || value > limit) {
      throw badUserInput(`${argumentName}.${field}`, `must be between -${limit} and ${limit}, got ${value}`);
    }
  };
  within("minLatitude", 90);
  within("maxLatitude", 90);
  within("minLongitude", 180);
  within("maxLongitude", 180);
  if (box.minLatitude > box.maxLatitude) {
    throw badUserInput(`${argumentName}.minLatitude`, `is north of maxLatitude (${box.minLatitude} > ${box.maxLatitude})`);
  }
  if (box.minLongitude > box.maxLongitude) {
    throw badUserInput(
      `${argumentName}.minLongitude`,
      `is east of maxLongitude (${box.minLongitude} > ${box.maxLongitude}); a box may not cross the antimeridian, ask for each side`,
    );
  }
}

function checkFatalitiesRange(range: FatalitiesRange, argumentName: string): void {
  for (const end of ["min", "max"] as const) {
    const value = range[end];
    if (value !== null && value !== undefined && value < 0) throw badUserInput(`${argumentName}.${end}`, `must not be negative, got ${value}`);
  }
  if (range.min != null && range.max != null && range.min > range.max) {
    throw badUserInput(`${argumentName}.min`, `is above max (${range.min} > ${range.max})`);
  }
}

/** The SQL condition on incidents for a checked filter; undefined when it asks for nothing. */
export function incidentFilterCondition(filter: IncidentFilter | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  return and(
    filter.type ? eq(incidents.type, filter.type) : undefined,
    filter.types ? inArray(incidents.type, [...new Set(filter.types)]) : undefined,
    filter.status ? eq(incidents.status, filter.status) : undefined,
    filter.country ? eq(incidents.country, filter.country) : undefined,
    filter.admin1 ? eq(incidents.admin1, filter.admin1) : undefined,
    filter.dataset ? eq(incidents.dataset, filter.dataset) : undefined,
    filter.occurred?.from ? gte(incidents.startOn, filter.occurred.from) : undefined,
    filter.occurred?.to ? lte(incidents.startOn, filter.occurred.to) : undefined,
    filter.participant ? participantCondition(filter.participant) : undefined,
    filter.bbox ? boundingBoxCondition(filter.bbox) : undefined,
    fatalitiesCondition(filter),
  );
}

// EXISTS rather than a join: an actor with two roles in one incident must not list it twice.
function participantCondition(participant: ParticipantFilter): SQL {
  const role = participant.role ? sql` and ${participants.role} = ${participant.role}` : sql``;
  return sql`exists (select 1 from ${participants} where ${participants.actorId} = ${participant.actor} and ${participants.incidentId} = ${incidents.id}${role})`;
}

// The expression is the one incidents_location_idx is built on, so the GiST index answers it.
function boundingBoxCondition(box: BoundingBox): SQL {
  const point = (longitude: number, latitude: number) => sql`point(cast(${longitude} as double precision), cast(${latitude} as double precision))`;
  return sql`point(${incidents.longitude}, ${incidents.latitude}) <@ box(${point(box.minLongitude, box.minLatitude)}, ${point(box.maxLongitude, box.maxLatitude)})`;
}

function fatalitiesCondition(filter: IncidentFilter): SQL | undefined {
  // A literal 0, not a parameter, so that the planner can match the partial index on it.
  const hasDeaths = sql`${incidents.fatalitiesBest} > 0`;
  return and(
    filter.hasFatalities === true ? hasDeaths : undefined,
    filter.hasFatalities === false ? or(isNull(incidents.fatalitiesBest), sql`${incidents.fatalitiesBest} <= 0`) : undefined,
    filter.fatalities?.min != null ? gte(incidents.fatalitiesBest, filter.fatalities.min) : undefined,
    filter.fatalities?.max != null ? lte(incidents.fatalitiesBest, filter.fatalities.max) : undefined,
  );
}
