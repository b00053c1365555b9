import { type SQL, and, eq, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { checkPageSize } from "../../kit/pages/pagination.js";
import { TimeInterval, bucketStarts, fillBuckets } from "../../kit/schema/time-buckets.js";
import { stances, statements } from "./tables.js";
import { ActorReference } from "../schema/references.type.js";
import { checkStatementFilter, stanceRowCondition, statementColumnsCondition, statementFilterCondition } from "./statement-filter.js";
import { type StanceKind, StatementGrouping } from "../schema/statement.enums.js";
import type { StatementFilter } from "../schema/statement.input.js";
import { StatementBucket } from "../schema/statement-stats.type.js";

interface BucketRow {
  key: string;
  count: number;
}

// Keys compare byte-wise, so that both backends, whatever their collation, give one order.
const byKey = (key: SQL) => sql`${key} collate "C"`;
const statementCount = sql<number>`cast(count(*) as integer)`;

// The month is written into the SQL, not sent as a parameter: the same expression must appear
// in SELECT and GROUP BY, and two parameters are two different expressions to Postgres. The
// cast to timestamp keeps date_trunc off timestamptz, whose months depend on the session's time zone.
const monthOfSaying = sql<string>`to_char(date_trunc('month', cast(${statements.saidOn} as timestamp)), 'YYYY-MM-DD')`;

/**
 * The buckets of statements meeting a checked filter: months in order, speakers and stances
 * largest first (ties by key), at most `first` of them.
 */
export function statementStatsQuery(db: Database, groupBy: StatementGrouping, filter: StatementFilter | null | undefined, first: number) {
  switch (groupBy) {
    case StatementGrouping.MONTH:
      return db
        .select({ key: monthOfSaying.as("key"), count: statementCount.as("count") })
        .from(statements)
        .where(statementFilterCondition(filter))
        .groupBy(monthOfSaying)
        .orderBy(byKey(monthOfSaying));
    case StatementGrouping.SPEAKER:
      return (
        db
          // Statements whose speaker names no single entity (speaker_as_written) make the bucket "".
          .select({ key: sql<string>`coalesce(${statements.speakerId}, '')`.as("key"), count: statementCount.as("count") })
          .from(statements)
          .where(statementFilterCondition(filter))
          .groupBy(statements.speakerId)
          .orderBy(sql`count(*) desc`, byKey(sql`${statements.speakerId}`))
          .limit(first)
      );
    case StatementGrouping.STANCE: {
      // Grouped over the stances themselves, so the filter's claim and stance apply to the
      // stances counted: with a claim, the answer is how statements stand on that claim.
      const distinctStatements = sql<number>`cast(count(distinct ${statements.id}) as integer)`;
      return db
        .select({ key: sql<string>`${stances.stance}`.as("key"), count: distinctStatements.as("count") })
        .from(statements)
        .innerJoin(stances, eq(stances.statementId, statements.id))
        .where(and(statementColumnsCondition(filter), stanceRowCondition(filter)))
        .groupBy(stances.stance)
        .orderBy(sql`${distinctStatements} desc`, byKey(sql`${stances.stance}`))
        .limit(first);
    }
  }
}

function toBucket(groupBy: StatementGrouping, row: BucketRow): StatementBucket {
  return Object.assign(new StatementBucket(), {
    key: row.key,
    start: groupBy === StatementGrouping.MONTH ? row.key : null,
    speaker: groupBy === StatementGrouping.SPEAKER && row.key !== "" ? ActorReference.of(row.key) : null,
    stance: groupBy === StatementGrouping.STANCE ? (row.key as StanceKind) : null,
    count: row.count,
  });
}

/** Counts of statements for dashboards. */
export class StatementStatsRepository {
  constructor(private readonly db: Database) {}

  async stats(groupBy: StatementGrouping, filter: StatementFilter | null | undefined, first: number): Promise<StatementBucket[]> {
    checkPageSize(first);
    checkStatementFilter(filter);
    const rows = (await statementStatsQuery(this.db, groupBy, filter, first)) as BucketRow[];
    const buckets = rows.map((row) => toBucket(groupBy, row));
    return groupBy === StatementGrouping.MONTH ? this.fillMonths(buckets, filter) : buckets;
  }

  // The series spans the filter's days where given, else the statements found, so that a
  // chart shows quiet months as zeros instead of joining the bars around them.
  private fillMonths(buckets: StatementBucket[], filter: StatementFilter | null | undefined): StatementBucket[] {
    const from = filter?.said?.from ?? buckets[0]?.key ?? filter?.said?.to;
    const to = filter?.said?.to ?? buckets.at(-1)?.key ?? filter?.said?.from;
    if (!from || !to) return [];
    const series = bucketStarts(from, to, TimeInterval.MONTH, "filter.said");
    const empty = (start: string) => toBucket(StatementGrouping.MONTH, { key: start, count: 0 });
    return fillBuckets(series, new Map(buckets.map((bucket) => [bucket.key, bucket])), empty);
  }
}
