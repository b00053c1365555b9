// The incidents subgraph's tables, in the Postgres schema "incidents". Participants' actors
// and incidents' sources belong to other subgraphs and are held here as IDs only.
import { sql } from "drizzle-orm";
import { bigint, boolean, check, customType, date, doublePrecision, index, integer, pgSchema, primaryKey, text, unique } from "drizzle-orm/pg-core";
import { oneOf } from "../../../db/one-of.js";
import { DATE_PRECISION_VALUES } from "../../kit/schema/date-precisions.js";
import { gdeltMeasureColumns } from "../../kit/schema/gdelt-measure-columns.js";
import { tombstonesTable } from "../../kit/records/tombstones.js";
import { historyTables } from "../../kit/history/history-tables.js";

export const incidentsSchema = pgSchema("incidents");

export const INCIDENT_TYPE_VALUES = [
  "CAPTURE",
  "RECRUITMENT",
  "TRAINING",
  "DEPLOYMENT",
  "ARMED_CLASH",
  "ATTACK",
  "REMOTE_VIOLENCE",
  "PROTEST",
  "RIOT",
  "ARREST",
  "AGREEMENT",
  "OTHER",
] as const;

export const INCIDENT_STATUS_VALUES = ["ALLEGED", "REPORTED", "CONFIRMED", "DISPUTED"] as const;

export const PARTICIPANT_ROLE_VALUES = [
  "CAPTOR",
  "CAPTIVE",
  "RECRUITER",
  "RECRUIT",
  "TRAINER",
  "PERPETRATOR",
  "TARGET",
  "ASSOCIATE",
  "SIDE_A",
  "SIDE_B",
] as const;

/** The sides an ASSOCIATE can be associated with (ACLED's assoc_actor_1 with actor1, assoc_actor_2 with actor2). */
export const ASSOCIATED_SIDE_VALUES = ["SIDE_A", "SIDE_B"] as const;

/** Postgres full-text search document; Drizzle has no column type for it. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** The text search configuration of incident titles and summaries, which are in English. */
export const SEARCH_CONFIGURATION = "english";

export const incidents = incidentsSchema.table(
  "incidents",
  {
    id: text("id").primaryKey(),
    type: text("type", { enum: INCIDENT_TYPE_VALUES }).notNull(),
    title: text("title").notNull(),
    summary: text("summary"),
    startOn: date("start_on").notNull(),
    startPrecision: text("start_precision", { enum: DATE_PRECISION_VALUES }).notNull(),
    endOn: date("end_on"),
    endPrecision: text("end_precision", { enum: DATE_PRECISION_VALUES }),
    status: text("status", { enum: INCIDENT_STATUS_VALUES }).notNull(),
    fatalitiesLow: integer("fatalities_low"),
    fatalitiesBest: integer("fatalities_best"),
    fatalitiesHigh: integer("fatalities_high"),
    /** Where the record came from: MERIDIAN for our own documents, ACLED, GDELT. */
    dataset: text("dataset").notNull(),
    // The source taxonomy, kept verbatim beside our own type.
    acledDisorderType: text("acled_disorder_type"),
    acledEventType: text("acled_event_type"),
    acledSubEventType: text("acled_sub_event_type"),
    cameoCode: text("cameo_code"),
    // What the source dataset says beside our model, kept as it says it.
    /** The record's version in its dataset (ACLED's `timestamp`, Unix seconds): an older version never overwrites a newer. */
    sourceVersion: bigint("source_version", { mode: "number" }),
    /** ACLED's time_precision: 1 the day is known, 2 the week, 3 the month. */
    timePrecision: integer("time_precision"),
    /** ACLED's tags ("crowd size=no report"), split on semicolons. */
    tags: text("tags").array(),
    /** ACLED's interaction: the kinds of the two sides ("Rebel group-External/Other forces", or a code in older exports). */
    acledInteraction: text("acled_interaction"),
    /** ACLED's civilian_targeting: whether civilians were the target. */
    civilianTargeting: boolean("civilian_targeting"),
    /** ACLED's source_scale: the reach of the sources that reported the event ("National", "Subnational-Regional"). */
    acledSourceScale: text("acled_source_scale"),
    // GDELT's measures of the event and its coverage.
    ...gdeltMeasureColumns(),
    // The primary place, copied here by the writers so that filters by area and the keyset
    // order are served by one index on this table instead of a join with places.
    /** ISO 3166-1 alpha-3 of the primary place. */
    country: text("country"),
    /** First-level administrative area of the primary place. */
    admin1: text("admin1"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    /** Title (weight A) and summary (weight B) for full-text search; Postgres keeps it current. */
    searchDocument: tsvector("search_document").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', coalesce("summary", '')), 'B')`,
    ),
  },
  (table) => [
    check("incidents_type_check", oneOf(table.type, INCIDENT_TYPE_VALUES)),
    check("incidents_start_precision_check", oneOf(table.startPrecision, DATE_PRECISION_VALUES)),
    check("incidents_end_precision_check", oneOf(table.endPrecision, DATE_PRECISION_VALUES)),
    check("incidents_status_check", oneOf(table.status, INCIDENT_STATUS_VALUES)),
    // Lists are ordered by (start_on, id), either way; each equality filter has an index that
    // ends in the same columns, so a filtered page is read in order and stops after `first`.
    index("incidents_start_on_id_idx").on(table.startOn, table.id),
    index("incidents_type_start_on_id_idx").on(table.type, table.startOn, table.id),
    index("incidents_status_start_on_id_idx").on(table.status, table.startOn, table.id),
    index("incidents_country_start_on_id_idx").on(table.country, table.startOn, table.id),
    index("incidents_admin1_start_on_id_idx").on(table.admin1, table.startOn, table.id),
    index("incidents_dataset_start_on_id_idx").on(table.dataset, table.startOn, table.id),
    // Most recorded incidents have no deaths; the ones with deaths are listed in order from here.
    index("incidents_with_fatalities_start_on_id_idx").on(table.startOn, table.id).where(sql`${table.fatalitiesBest} > 0`),
    index("incidents_fatalities_best_idx").on(table.fatalitiesBest),
    // A bounding box is a containment test on points, which a GiST index answers.
    index("incidents_location_idx").using("gist", sql`point(${table.longitude}, ${table.latitude})`),
    index("incidents_search_idx").using("gin", table.searchDocument),
  ],
);

export const places = incidentsSchema.table(
  "places",
  {
    id: text("id").primaryKey(),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    admin1: text("admin1"),
    admin2: text("admin2"),
    admin3: text("admin3"),
    /** ISO 3166-1 alpha-3. */
    country: text("country"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    /** The source's own precision code (ACLED: 1 exact … 3 region). */
    geoPrecision: integer("geo_precision"),
    /** The place we show first; the others are alternatives that sources report. */
    isPrimary: boolean("is_primary").notNull(),
    /** Set when sources disagree about where the incident happened. */
    isDisputed: boolean("is_disputed").notNull().default(false),
    /** A Source of the statements subgraph that reports this place. */
    sourceId: text("source_id"),
    note: text("note"),
  },
  (table) => [index("places_incident_idx").on(table.incidentId)],
);

export const participants = incidentsSchema.table(
  "participants",
  {
    incidentId: text("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    /** An Actor of the actors subgraph. */
    actorId: text("actor_id").notNull(),
    role: text("role", { enum: PARTICIPANT_ROLE_VALUES }).notNull(),
    /** For an ASSOCIATE, the side it took part alongside; null when the source does not say (and for every other role). */
    associatedWith: text("associated_with", { enum: ASSOCIATED_SIDE_VALUES }),
    count: integer("count"),
  },
  (table) => [
    check("participants_role_check", oneOf(table.role, PARTICIPANT_ROLE_VALUES)),
    check(
      "participants_associated_with_check",
      sql`${table.associatedWith} is null or (${table.role} = 'ASSOCIATE' and ${oneOf(table.associatedWith, ASSOCIATED_SIDE_VALUES)})`,
    ),
    // One row per actor, role and side: an actor ACLED associates with both sides takes part twice.
    // The side is nullable, so this is a unique constraint whose nulls are equal rather than a primary key.
    unique("participants_identity").on(table.incidentId, table.actorId, table.role, table.associatedWith).nullsNotDistinct(),
    // An actor's incidents, in any role or in one: the filter's EXISTS and Actor.incidents.
    index("participants_actor_role_incident_idx").on(table.actorId, table.role, table.incidentId),
  ],
);

export const incidentSources = incidentsSchema.table(
  "incident_sources",
  {
    incidentId: text("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    /** A Source of the statements subgraph. */
    sourceId: text("source_id").notNull(),
  },
  (table) => [primaryKey({ columns: [table.incidentId, table.sourceId] })],
);

// Daily tallies of incidents, kept by triggers (migration 0004_daily_counts) in the same
// transaction as every insert, update and delete of incidents. A count over a date range,
// alone or in one country, then sums at most one row per day instead of reading every incident:
// its cost stays flat as the table grows (totalCount of filtered lists, monthly series).

/** Incidents and deaths (fatalities_best) per day, all countries together. */
export const incidentDayCounts = incidentsSchema.table("incident_day_counts", {
  startOn: date("start_on").primaryKey(),
  incidents: integer("incidents").notNull(),
  fatalities: bigint("fatalities", { mode: "number" }).notNull(),
});

/** Incidents and deaths per country (of the primary place) and day; incidents with no country are only in the totals. */
export const incidentCountryDayCounts = incidentsSchema.table(
  "incident_country_day_counts",
  {
    country: text("country").notNull(),
    startOn: date("start_on").notNull(),
    incidents: integer("incidents").notNull(),
    fatalities: bigint("fatalities", { mode: "number" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.country, table.startOn] })],
);

/** Deleted incidents (kit/records/tombstones.ts): their IDs are not given again. */
export const tombstones = tombstonesTable(incidentsSchema, ["incident"]);

/** The history of every change to the tables above (services/kit/history). */
export const { changes, rowChanges, importRuns } = historyTables(incidentsSchema);
