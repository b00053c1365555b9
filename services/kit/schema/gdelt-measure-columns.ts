import { doublePrecision, integer, timestamp } from "drizzle-orm/pg-core";

/**
 * The columns of GDELT's measures (see GdeltMeasures), which incidents and statements both
 * keep; null for rows from elsewhere. A function, since a column belongs to one table: each
 * table spreads fresh ones.
 */
export function gdeltMeasureColumns() {
  return {
    goldsteinScale: doublePrecision("goldstein_scale"),
    avgTone: doublePrecision("avg_tone"),
    numMentions: integer("num_mentions"),
    numSources: integer("num_sources"),
    numArticles: integer("num_articles"),
    /** When GDELT added the event (DATEADDED), apart from when it happened. */
    dateAdded: timestamp("date_added", { withTimezone: true }),
  };
}
