// Counts of incidents, from the daily tallies where the filter allows it. The tallies
// (incident_day_counts, incident_country_day_counts; kept by triggers) hold one row per day,
// so a count over years of a large table sums a few thousand rows instead of reading every
// incident: what keeps `totalCount` and monthly series flat as the data grows.
import { type SQL, and, count, eq, gte, lte, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { incidentCountryDayCounts, incidentDayCounts, incidents } from "./tables.js";
import { incidentFilterCondition } from "./incident-filter.js";
import type { IncidentFilter } from "../schema/incident.input.js";

/** The filter fields the tallies are kept by; any other field set means counting incidents themselves. */
const TALLIED_FIELDS = new Set(["country", "occurred"]);

/** A tally table and the condition that picks the filter's days (and country) from it. */
export interface DailyTally {
  tally: typeof incidentDayCounts | typeof incidentCountryDayCounts;
  condition: SQL | undefined;
}

/**
 * The tally that answers counts for `filter` exactly, with its condition, or undefined when the
 * filter asks for something the tallies do not keep (a type, a participant, an area, …).
 */
export function dailyTallyFor(filter: IncidentFilter | null | undefined): DailyTally | undefined {
  // Every field counts, whatever its name, so a filter field added later is never ignored here.
  const askedFields = Object.entries(filter ?? {}).filter(([, value]) => value !== null && value !== undefined);
  if (askedFields.some(([name]) => !TALLIED_FIELDS.has(name))) return undefined;
  const from = filter?.occurred?.from;
  const to = filter?.occurred?.to;
  if (filter?.country) {
    const tally = incidentCountryDayCounts;
    return { tally, condition: and(eq(tally.country, filter.country), from ? gte(tally.startOn, from) : undefined, to ? lte(tally.startOn, to) : undefined) };
  }
  const tally = incidentDayCounts;
  return { tally, condition: and(from ? gte(tally.startOn, from) : undefined, to ? lte(tally.startOn, to) : undefined) };
}

/** The count of incidents meeting a checked filter, as one row `{ total }`; the plan tests EXPLAIN it. */
export function incidentCountQuery(db: Database, filter: IncidentFilter | null | undefined) {
  const daily = dailyTallyFor(filter);
  if (!daily) return db.select({ total: count() }).from(incidents).where(incidentFilterCondition(filter));
  return db
    .select({ total: sql<number>`cast(coalesce(sum(${daily.tally.incidents}), 0) as integer)` })
    .from(daily.tally)
    .where(daily.condition);
}

/** How many incidents meet a checked filter: `totalCount` of incident lists. */
export async function countIncidents(db: Database, filter: IncidentFilter | null | undefined): Promise<number> {
  const [row] = await incidentCountQuery(db, filter);
  return row?.total ?? 0;
}
