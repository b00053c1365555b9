// The actors subgraph's tables. They live in the Postgres schema "actors" and nothing
// outside this subgraph reads them: other subgraphs hold actor IDs, never foreign keys.
import { sql } from "drizzle-orm";
import { date, index, pgSchema, text, timestamp, uniqueIndex, check } from "drizzle-orm/pg-core";
import { oneOf } from "../../../db/one-of.js";

export const actorsSchema = pgSchema("actors");

export const ACTOR_KIND_VALUES = ["PERSON", "STATE", "GOVERNMENT_BODY", "ARMED_FORCE", "ARMED_GROUP", "ORGANIZATION", "POPULATION_GROUP"] as const;

export const ALIAS_SCHEME_VALUES = ["FREE", "TITLE", "ACLED", "CAMEO", "WIKIDATA"] as const;

export const RELATION_PREDICATE_VALUES = ["LEADER_OF", "SPOKESPERSON_FOR", "MEMBER_OF", "CITIZEN_OF", "SERVES_IN", "PART_OF", "FIGHTS_FOR"] as const;

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
 * that the IDs other subgraphs hold (speakers, participants) need no rewrite. Deleting the
 * survivor deletes its redirects with it.
 */
export const actorRedirects = actorsSchema.table(
  "actor_redirects",
  {
    fromId: text("from_id").primaryKey(),
    toId: text("to_id")
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    mergedAt: timestamp("merged_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("actor_redirects_to_id_idx").on(table.toId)],
);
