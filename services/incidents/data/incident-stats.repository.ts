import { type SQL, and, eq, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "../../../db/client.js";
import { badUserInput } from "../../kit/schema/errors.js";
import { checkPageSize } from "../../kit/pages/pagination.js";
import { type TimeInterval, bucketStarts, fillBuckets, truncationUnit } from "../../kit/schema/time-buckets.js";
import { incidents, participants } from "./tables.js";
import { type DailyTally, dailyTallyFor } from "./incident-counts.js";
import { checkIncidentFilter, incidentFilterCondition } from "./incident-filter.js";
import { IncidentGrouping, type IncidentType } from "../schema/incident.enums.js";
import type { IncidentFilter } from "../schema/incident.input.js";
import { IncidentBucket } from "../schema/incident-stats.type.js";
import { ActorReference } from "../schema/references.type.js";

interface BucketRow {
  /** Null for the bucket of incidents with no value to be grouped by. */
  key: string | null;
  country: string | null;
  admin1: string | null;
  count: number;
  fatalities: number;
}

interface Grouping {
  key: SQL;
  country?: SQL;
  admin1?: SQL;
  groupBy: SQL[];
}

// Constants are written into the SQL rather than sent as parameters: the same expression must
// appear in SELECT and GROUP BY, and two parameters are two different expressions to Postgres.
function groupingOf(groupBy: Exclude<IncidentGrouping, typeof IncidentGrouping.ACTOR>, interval: TimeInterval | null | undefined): Grouping {
  switch (groupBy) {
    case IncidentGrouping.TIME: {
      const period = sql`to_char(date_trunc('${sql.raw(truncationUnit(interval!))}', cast(${incidents.startOn} as timestamp)), 'YYYY-MM-DD')`;
      return { key: period, groupBy: [period] };
    }
    case IncidentGrouping.TYPE:
      return { key: sql`${incidents.type}`, groupBy: [sql`${incidents.type}`] };
    // Incidents without a country (or area) are one bucket of their own, keyed null, so that
    // the buckets add up to the incidents counted.
    case IncidentGrouping.COUNTRY:
      return { key: sql`${incidents.country}`, country: sql`${incidents.country}`, groupBy: [sql`${incidents.country}`] };
    case IncidentGrouping.ADMIN1: {
      // One "no area" bucket whatever the countries of its incidents (at sea, say), as a key must be unique.
      const key = sql`case when ${incidents.admin1} is null then null else coalesce(${incidents.country}, '') || '/' || ${incidents.admin1} end`;
      const country = sql`case when ${incidents.admin1} is null then null else ${incidents.country} end`;
      return { key, country, admin1: sql`${incidents.admin1}`, groupBy: [key, country, sql`${incidents.admin1}`] };
    }
  }
}

const countAndFatalities = (fatalities: AnyPgColumn) => ({
  count: sql<number>`cast(count(*) as integer)`.as("count"),
  fatalities: sql<number>`cast(coalesce(sum(${fatalities}), 0) as integer)`.as("fatalities"),
});

// Keys compare byte-wise, so that both backends, whatever their collation, give one order.
const byKey = (key: SQL) => sql`${key} collate "C"`;

/**
 * Counts and deaths of the incidents meeting `filter`, per bucket: time periods in order,
 * other groupings largest first (ties by key) and at most `first` of them. The plan tests EXPLAIN it.
 */
export function incidentStatsQuery(
  db: Database,
  groupBy: IncidentGrouping,
  interval: TimeInterval | null | undefined,
  filter: IncidentFilter | null | undefined,
  first: number,
) {
  if (groupBy === IncidentGrouping.ACTOR) return actorStatsQuery(db, filter, first);
  const daily = groupBy === IncidentGrouping.TIME ? dailyTallyFor(filter) : undefined;
  if (daily) return talliedPeriodsQuery(db, interval!, daily);
  const grouping = groupingOf(groupBy, interval);
  const grouped = db
    .select({
      key: sql<string | null>`${grouping.key}`.as("key"),
      country: sql<string | null>`${grouping.country ?? sql`null`}`.as("country"),
      admin1: sql<string | null>`${grouping.admin1 ?? sql`null`}`.as("admin1"),
      ...countAndFatalities(incidents.fatalitiesBest),
    })
    .from(incidents)
    .where(incidentFilterCondition(filter))
    .groupBy(...grouping.groupBy);
  if (groupBy === IncidentGrouping.TIME) return grouped.orderBy(byKey(grouping.key));
  return grouped.orderBy(sql`count(*) desc`, byKey(grouping.key)).limit(first);
}

// A time series from the daily tallies: a year of months sums at most 365 rows per country,
// however many incidents there are. Days whose tally went back to zero are left out, as
// periods without incidents are when counting incidents themselves.
function talliedPeriodsQuery(db: Database, interval: TimeInterval, { tally, condition }: DailyTally) {
  const period = sql`to_char(date_trunc('${sql.raw(truncationUnit(interval))}', cast(${tally.startOn} as timestamp)), 'YYYY-MM-DD')`;
  return db
    .select({
      key: sql<string>`${period}`.as("key"),
      country: sql<string | null>`null`.as("country"),
      admin1: sql<string | null>`null`.as("admin1"),
      count: sql<number>`cast(sum(${tally.incidents}) as integer)`.as("count"),
      fatalities: sql<number>`cast(sum(${tally.fatalities}) as integer)`.as("fatalities"),
    })
    .from(tally)
    .where(and(condition, sql`${tally.incidents} > 0`))
    .groupBy(period)
    .orderBy(byKey(period));
}

// The matching incidents are joined to their participants first, then each (actor, incident)
// pair is kept once, as an actor may have several roles in one incident; the join goes
// through the participants' primary key, so a selective filter reads only its incidents' rows.
// Incidents without participants pair with no actor and make the bucket keyed null.
function actorStatsQuery(db: Database, filter: IncidentFilter | null | undefined, first: number) {
  const pairs = db
    .selectDistinct({ actorId: participants.actorId, incidentId: incidents.id, fatalitiesBest: incidents.fatalitiesBest })
    .from(incidents)
    .leftJoin(participants, eq(participants.incidentId, incidents.id))
    .where(incidentFilterCondition(filter))
    .as("incident_actor");
  return db
    .select({
      key: sql<string | null>`${pairs.actorId}`.as("key"),
      country: sql<string | null>`null`.as("country"),
      admin1: sql<string | null>`null`.as("admin1"),
      ...countAndFatalities(pairs.fatalitiesBest),
    })
    .from(pairs)
    .groupBy(pairs.actorId)
    .orderBy(sql`count(*) desc`, byKey(sql`${pairs.actorId}`))
    .limit(first);
}

function toBucket(groupBy: IncidentGrouping, row: BucketRow): IncidentBucket {
  return Object.assign(new IncidentBucket(), {
    key: row.key,
    start: groupBy === IncidentGrouping.TIME ? row.key : null,
    type: groupBy === IncidentGrouping.TYPE ? (row.key as IncidentType | null) : null,
    country: row.country,
    admin1: row.admin1,
    actor: groupBy === IncidentGrouping.ACTOR && row.key !== null ? ActorReference.of(row.key) : null,
    count: row.count,
    fatalities: row.fatalities,
  });
}

/** Aggregates of incidents for dashboards. */
export class IncidentStatsRepository {
  constructor(private readonly db: Database) {}

  async stats(
    groupBy: IncidentGrouping,
    interval: TimeInterval | null | undefined,
    filter: IncidentFilter | null | undefined,
    first: number,
  ): Promise<IncidentBucket[]> {
    if (groupBy === IncidentGrouping.TIME && !interval) throw badUserInput("interval", "is required when grouping by TIME (DAY, WEEK, MONTH or YEAR)");
    checkPageSize(first);
    checkIncidentFilter(filter);
    const rows = (await incidentStatsQuery(this.db, groupBy, interval, filter, first)) as BucketRow[];
    const buckets = rows.map((row) => toBucket(groupBy, row));
    if (groupBy !== IncidentGrouping.TIME) return buckets;
    return this.fillPeriods(buckets, interval!, filter);
  }

  // The series spans the filter's dates where given, else the incidents found, so that a
  // chart shows quiet periods as zeros instead of joining the bars around them.
  private fillPeriods(buckets: IncidentBucket[], interval: TimeInterval, filter: IncidentFilter | null | undefined): IncidentBucket[] {
    const from = filter?.occurred?.from ?? buckets[0]?.key ?? filter?.occurred?.to;
    const to = filter?.occurred?.to ?? buckets.at(-1)?.key ?? filter?.occurred?.from;
    if (!from || !to) return [];
    const series = bucketStarts(from, to, interval, "interval");
    const empty = (start: string) => toBucket(IncidentGrouping.TIME, { key: start, country: null, admin1: null, count: 0, fatalities: 0 });
    return fillBuckets(series, new Map(buckets.map((bucket) => [bucket.key!, bucket])), empty);
  }
}
