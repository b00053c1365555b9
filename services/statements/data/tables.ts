// The statements subgraph's tables, in the Postgres schema "statements". Speakers, claim
// subjects and incidents belong to other subgraphs and are held here as IDs only.
import { sql } from "drizzle-orm";
import { date, doublePrecision, index, integer, pgSchema, primaryKey, text, timestamp, check, customType } from "drizzle-orm/pg-core";
import { oneOf } from "../../../db/one-of.js";
import { DATE_PRECISION_VALUES } from "../../kit/schema/date-precisions.js";
import { gdeltMeasureColumns } from "../../kit/schema/gdelt-measure-columns.js";
import { tombstonesTable } from "../../kit/records/tombstones.js";
import { historyTables } from "../../kit/history/history-tables.js";

export const statementsSchema = pgSchema("statements");

export const SOURCE_KIND_VALUES = ["ARTICLE", "PRESS_BRIEFING", "OFFICIAL_STATEMENT", "SOCIAL_POST", "DATASET_RECORD"] as const;

export const MODALITY_VALUES = ["DIRECT_QUOTE", "PARAPHRASE", "POST"] as const;

export const STANCE_KIND_VALUES = ["ASSERTS", "SUPPORTS", "DISPUTES", "DENIES", "QUESTIONS", "COMMENTS"] as const;

/** Postgres full-text search document; Drizzle has no column type for it. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const sources = statementsSchema.table(
  "sources",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: SOURCE_KIND_VALUES }).notNull(),
    title: text("title").notNull(),
    url: text("url"),
    publisher: text("publisher"),
    publishedOn: date("published_on"),
    publishedPrecision: text("published_precision", { enum: DATE_PRECISION_VALUES }),
    retrievedAt: timestamp("retrieved_at", { withTimezone: true }),
  },
  (table) => [
    check("sources_published_precision_check", oneOf(table.publishedPrecision, DATE_PRECISION_VALUES)),
    check("sources_kind_check", oneOf(table.kind, SOURCE_KIND_VALUES)),
    index("sources_url_idx").on(table.url),
  ],
);

export const statements = statementsSchema.table(
  "statements",
  {
    id: text("id").primaryKey(),
    /** An Actor of the actors subgraph; null when the record names no single entity (GDELT's bare GOV): speakerAsWritten keeps it. */
    speakerId: text("speaker_id"),
    /** A speaker that names no single entity, as the record wrote it ("FINANCIAL SECRETARY (CAMEO GOV)"). */
    speakerAsWritten: text("speaker_as_written"),
    onBehalfOfId: text("on_behalf_of_id"),
    saidOn: date("said_on").notNull(),
    saidPrecision: text("said_precision", { enum: DATE_PRECISION_VALUES }).notNull(),
    venue: text("venue"),
    modality: text("modality", { enum: MODALITY_VALUES }).notNull(),
    text: text("text").notNull(),
    /** BCP 47 language tag of the text as quoted. */
    language: text("language").notNull(),
    sourceId: text("source_id")
      .notNull()
      .references(() => sources.id),
    respondsToId: text("responds_to_id"),
    /** An Actor of the actors subgraph the statement is addressed to or about (GDELT's Actor2). */
    addresseeId: text("addressee_id"),
    /** An addressee that names no single entity, as the record wrote it. */
    addresseeAsWritten: text("addressee_as_written"),
    // What the source dataset says beside our model (GDELT's event code and measures).
    cameoCode: text("cameo_code"),
    ...gdeltMeasureColumns(),
    // Where GDELT placed the event (its ActionGeo), read as the incidents' places read it;
    // null when the dataset gives no place (and for statements from elsewhere).
    /** The place itself, the first part of the full name ("Berlin"). */
    placeName: text("place_name"),
    /** GDELT's full name, from the place to its country ("Berlin, Berlin, Germany"). */
    placeFullName: text("place_full_name"),
    /** The first-level area's name, from the full name. */
    placeAdmin1: text("place_admin1"),
    /** GDELT's ADM1 code: FIPS country and area ("GM16"). */
    placeAdm1Code: text("place_adm1_code"),
    /** ISO 3166-1 alpha-3, from GDELT's FIPS 10-4 country code. */
    placeCountry: text("place_country"),
    placeLatitude: doublePrecision("place_latitude"),
    placeLongitude: doublePrecision("place_longitude"),
    /** GDELT's feature ID: a GNS or GNIS feature, or an ADM1 code for areas. */
    placeFeatureId: text("place_feature_id"),
    /** GDELT's geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state. */
    placeGeoType: integer("place_geo_type"),
    // The text as English words, kept by Postgres: ranking reads it instead of parsing every
    // matching text again (at a million statements that parsing took most of a search).
    searchDocument: tsvector("search_document").generatedAlwaysAs(sql`to_tsvector('english', "text")`),
  },
  (table) => [
    check("statements_said_precision_check", oneOf(table.saidPrecision, DATE_PRECISION_VALUES)),
    check("statements_modality_check", oneOf(table.modality, MODALITY_VALUES)),
    // Lists are ordered by (said_on, id), either way; each equality filter has an index that
    // ends in the same columns, so a filtered page is read in order and stops after `first`.
    index("statements_said_on_id_idx").on(table.saidOn, table.id),
    index("statements_speaker_said_on_id_idx").on(table.speakerId, table.saidOn, table.id),
    index("statements_on_behalf_of_said_on_id_idx").on(table.onBehalfOfId, table.saidOn, table.id),
    index("statements_language_said_on_id_idx").on(table.language, table.saidOn, table.id),
    index("statements_source_said_on_id_idx").on(table.sourceId, table.saidOn, table.id),
    index("statements_responds_to_said_on_id_idx").on(table.respondsToId, table.saidOn, table.id),
    index("statements_search_idx").using("gin", table.searchDocument),
  ],
);

export const claims = statementsSchema.table(
  "claims",
  {
    id: text("id").primaryKey(),
    text: text("text").notNull(),
    subjectId: text("subject_id"),
    predicate: text("predicate"),
    objectId: text("object_id"),
    quantity: integer("quantity"),
    /** An Incident of the incidents subgraph. */
    incidentId: text("incident_id"),
  },
  // Claims are listed by ID; each filter's index ends in it, so a filtered page is read in order.
  (table) => [
    index("claims_subject_id_idx").on(table.subjectId, table.id),
    index("claims_object_id_idx").on(table.objectId, table.id),
    index("claims_incident_id_idx").on(table.incidentId, table.id),
  ],
);

export const stances = statementsSchema.table(
  "stances",
  {
    statementId: text("statement_id")
      .notNull()
      .references(() => statements.id, { onDelete: "cascade" }),
    claimId: text("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    stance: text("stance", { enum: STANCE_KIND_VALUES }).notNull(),
  },
  (table) => [
    check("stances_stance_check", oneOf(table.stance, STANCE_KIND_VALUES)),
    primaryKey({ columns: [table.statementId, table.claimId] }),
    // A claim's stances, and whether it has one of a side (its status), from the index alone.
    index("stances_claim_stance_statement_idx").on(table.claimId, table.stance, table.statementId),
    // Statements that take a stance, on whatever claim.
    index("stances_stance_statement_idx").on(table.stance, table.statementId),
  ],
);

/** Statements that are about an incident without taking a stance on a claim (comments). */
export const statementIncidents = statementsSchema.table(
  "statement_incidents",
  {
    statementId: text("statement_id")
      .notNull()
      .references(() => statements.id, { onDelete: "cascade" }),
    incidentId: text("incident_id").notNull(),
  },
  (table) => [primaryKey({ columns: [table.statementId, table.incidentId] }), index("statement_incidents_incident_idx").on(table.incidentId)],
);

/** Deleted statements, claims and sources (kit/records/tombstones.ts): their IDs are not given again. */
export const tombstones = tombstonesTable(statementsSchema, ["source", "claim", "statement"]);

/** The history of every change to the tables above (services/kit/history). */
export const { changes, rowChanges, importRuns } = historyTables(statementsSchema);
