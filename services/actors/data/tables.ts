// The actors subgraph's tables. They live in the Postgres schema "actors" and nothing
// outside this subgraph reads them: other subgraphs hold actor IDs, never foreign keys.
import { sql } from "drizzle-orm";
import { check, date, doublePrecision, index, pgSchema, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { oneOf } from "../../../db/one-of.js";
import { tombstonesTable } from "../../kit/records/tombstones.js";
import { historyTables } from "../../kit/history/history-tables.js";

export const actorsSchema = pgSchema("actors");

export const ACTOR_KIND_VALUES = ["PERSON", "STATE", "GOVERNMENT_BODY", "ARMED_FORCE", "ARMED_GROUP", "ORGANIZATION", "POPULATION_GROUP"] as const;

export const ALIAS_SCHEME_VALUES = ["FREE", "TITLE", "ACLED", "CAMEO", "WIKIDATA"] as const;

/** The schemes whose values identify one actor in a dataset (not names): what links are made of, and what a curated actor absorbs a dataset's actor by. */
export const IDENTIFIER_SCHEME_VALUES = ["ACLED", "CAMEO", "WIKIDATA"] as const satisfies readonly (typeof ALIAS_SCHEME_VALUES)[number][];

export const RELATION_PREDICATE_VALUES = ["LEADER_OF", "SPOKESPERSON_FOR", "MEMBER_OF", "CITIZEN_OF", "SERVES_IN", "PART_OF", "FIGHTS_FOR"] as const;

/** How a dataset's identifier came to be joined to an actor of another origin (see actorLinks). */
export const LINK_METHOD_VALUES = ["SAME_CODE", "CROSSWALK", "NAME_AND_COUNTRY", "EDITOR"] as const;

/** What editors decided of a link: none yet, it stands, the two are not the same, or they are related but distinct. */
export const LINK_STATUS_VALUES = ["PROPOSED", "CONFIRMED", "REJECTED", "SPLIT"] as const;

export const actors = actorsSchema.table(
  "actors",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ACTOR_KIND_VALUES }).notNull(),
    name: text("name").notNull(),
    /** ISO 3166-1 alpha-3; null for actors without one nationality (the EU, the UN). */
    country: text("country"),
    description: text("description"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("actors_kind_check", oneOf(table.kind, ACTOR_KIND_VALUES)),
    // Keyset pagination orders actors by (name, id); filters by kind and country.
    index("actors_name_id_idx").on(table.name, table.id),
    index("actors_kind_name_id_idx").on(table.kind, table.name, table.id),
    index("actors_country_name_id_idx").on(table.country, table.name, table.id),
    // searchActors matches the lower-cased name by trigrams (the `<%` operator of pg_trgm).
    index("actors_name_trgm_idx").using("gin", sql`lower(${table.name}) gin_trgm_ops`),
  ],
);

export const aliases = actorsSchema.table(
  "aliases",
  {
    actorId: text("actor_id")
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    scheme: text("scheme", { enum: ALIAS_SCHEME_VALUES }).notNull(),
    value: text("value").notNull(),
    /** Lower-cased, accents and punctuation folded: what name matching compares. */
    normalizedValue: text("normalized_value").notNull(),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
  },
  (table) => [
    check("aliases_scheme_check", oneOf(table.scheme, ALIAS_SCHEME_VALUES)),
    uniqueIndex("aliases_actor_scheme_value_key").on(table.actorId, table.scheme, table.value),
    index("aliases_scheme_value_idx").on(table.scheme, table.value),
    index("aliases_normalized_value_idx").on(table.normalizedValue),
    // searchActors matches aliases by trigrams of their normalized form.
    index("aliases_normalized_value_trgm_idx").using("gin", table.normalizedValue.op("gin_trgm_ops")),
  ],
);

export const actorRelations = actorsSchema.table(
  "actor_relations",
  {
    id: text("id").primaryKey(),
    subjectId: text("subject_id")
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    predicate: text("predicate", { enum: RELATION_PREDICATE_VALUES }).notNull(),
    objectId: text("object_id")
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    /** A Source in the statements subgraph: an ID, not a foreign key. */
    sourceId: text("source_id"),
  },
  (table) => [
    check("actor_relations_predicate_check", oneOf(table.predicate, RELATION_PREDICATE_VALUES)),
    // An actor's relations, from either end, are paged by (predicate, id).
    index("actor_relations_subject_idx").on(table.subjectId, table.predicate, table.id),
    index("actor_relations_object_idx").on(table.objectId, table.predicate, table.id),
    // The actors filter on a relation (a predicate, perhaps its object) reads the subjects from this index alone.
    index("actor_relations_predicate_object_subject_idx").on(table.predicate, table.objectId, table.subjectId),
  ],
);

/**
 * Actors merged into another: the merged actor's ID keeps resolving, to the survivor, so
 * that the IDs other subgraphs hold (speakers, participants) need no rewrite. No foreign key:
 * the redirects outlive the survivor's deletion (its tombstone), so that a merged ID goes on
 * resolving to it (to nothing while it is deleted) and is never given to another actor.
 */
export const actorRedirects = actorsSchema.table(
  "actor_redirects",
  {
    fromId: text("from_id").primaryKey(),
    toId: text("to_id").notNull(),
    mergedAt: timestamp("merged_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("actor_redirects_to_id_idx").on(table.toId)],
);

/**
 * A dataset's identifier (an ACLED actor name, a CAMEO code) joined to an actor that dataset
 * did not create: a curated actor holding the same code, the CAMEO force an ACLED force is by
 * the crosswalk rule, an actor of the same name and country, or an editor's merge. The alias
 * does the joining; the link says how it was made and how sure it is, and keeps the actor the
 * identifier would be on its own, so that an editor who rejects or splits it gets that actor
 * back. Rejected and split links stay, so that no later import joins the two again.
 */
export const actorLinks = actorsSchema.table(
  "actor_links",
  {
    scheme: text("scheme", { enum: ALIAS_SCHEME_VALUES }).notNull(),
    value: text("value").notNull(),
    actorId: text("actor_id")
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    method: text("method", { enum: LINK_METHOD_VALUES }).notNull(),
    /** 0 to 1: how likely the identifier denotes the actor, by the method (1 once an editor confirms). */
    confidence: doublePrecision("confidence").notNull(),
    /** The rule or evidence in words ("ACLED state forces of a period in force ↔ CAMEO <country>MIL"). */
    rule: text("rule").notNull(),
    status: text("status", { enum: LINK_STATUS_VALUES }).notNull().default("PROPOSED"),
    /** The actor the identifier is on its own: the dataset actor merged into actorId, or the one its dataset would have created. */
    ownActorId: text("own_actor_id").notNull(),
    ownName: text("own_name").notNull(),
    ownKind: text("own_kind", { enum: ACTOR_KIND_VALUES }).notNull(),
    ownCountry: text("own_country"),
    madeAt: timestamp("made_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (table) => [
    primaryKey({ name: "actor_links_pkey", columns: [table.scheme, table.value, table.actorId] }),
    check("actor_links_method_check", oneOf(table.method, LINK_METHOD_VALUES)),
    check("actor_links_status_check", oneOf(table.status, LINK_STATUS_VALUES)),
    check("actor_links_confidence_check", sql`${table.confidence} between 0 and 1`),
    // An identifier stands for one actor at a time; the links decided against stay beside it.
    uniqueIndex("actor_links_in_force_key").on(table.scheme, table.value).where(sql`${table.status} in ('PROPOSED', 'CONFIRMED')`),
    index("actor_links_actor_idx").on(table.actorId),
    // Editors review the links to decide, least sure first.
    index("actor_links_status_confidence_idx").on(table.status, table.confidence, table.scheme, table.value),
  ],
);

/** Deleted actors (kit/records/tombstones.ts): their IDs are not given again. */
export const tombstones = tombstonesTable(actorsSchema, ["actor"]);

/** The history of every change to the tables above (services/kit/history). */
export const { changes, rowChanges, importRuns } = historyTables(actorsSchema);
