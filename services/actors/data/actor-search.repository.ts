import { type SQL, and, asc, count, desc, eq, getTableColumns, ne, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { normalizeName } from "../../kit/records/normalize-name.js";
import { type Connection, checkPageSize, decodeCursor, toConnection } from "../../kit/pages/pagination.js";
import { checkSearchText } from "../../kit/search/search-text.js";
import { actorFilterCondition, checkActorFilter } from "./actor-filter.js";
import type { AliasScheme } from "../schema/actor.enums.js";
import type { ActorFilter } from "../schema/actor.input.js";
import { toActor } from "./actor.repository.js";
import { ActorSearchHit } from "../schema/actor-search.type.js";
import type { Alias } from "../schema/actor.type.js";
import { actors, aliases } from "./tables.js";

// The expression actors_name_trgm_idx indexes; the query must use it as written to use the index.
const lowerName = sql`lower(${actors.name})`;

/**
 * How closely a name resembles the query: word_similarity alone rates "Ukraine" as high in
 * "President of Ukraine" as in "Ukraine", similarity alone buries "Zelensky" in "Volodymyr
 * Zelensky"; their mean ranks whole-name matches first and still finds a surname.
 */
function scoreOf(query: string, name: SQL): SQL<number> {
  return sql<number>`cast((word_similarity(${query}, ${name}) + similarity(${query}, ${name})) / 2 as real)`;
}

// `query <% name` holds when word_similarity(query, name) reaches pg_trgm.word_similarity_threshold
// (0.6 unless the server is configured otherwise); it is the form the GIN trigram indexes answer.
const resembles = (query: string, name: SQL) => sql`${query} <% ${name}`;

/** Every name and alias that resembles the query, each with its score; several per actor. */
function nameAndAliasHits(db: Database, query: string) {
  const nameHits = db
    .select({
      actorId: sql<string>`${actors.id}`.as("actor_id"),
      aliasScheme: sql<AliasScheme | null>`null::text`.as("alias_scheme"),
      aliasValue: sql<string | null>`null::text`.as("alias_value"),
      aliasValidFrom: sql<string | null>`null::text`.as("alias_valid_from"),
      aliasValidTo: sql<string | null>`null::text`.as("alias_valid_to"),
      score: scoreOf(query, lowerName).as("score"),
    })
    .from(actors)
    .where(resembles(query, lowerName));
  const normalizedAlias = sql`${aliases.normalizedValue}`;
  const aliasHits = db
    .select({
      actorId: sql<string>`${aliases.actorId}`.as("actor_id"),
      aliasScheme: sql<AliasScheme | null>`${aliases.scheme}`.as("alias_scheme"),
      aliasValue: sql<string | null>`${aliases.value}`.as("alias_value"),
      aliasValidFrom: sql<string | null>`${aliases.validFrom}::text`.as("alias_valid_from"),
      aliasValidTo: sql<string | null>`${aliases.validTo}::text`.as("alias_valid_to"),
      score: scoreOf(query, normalizedAlias).as("score"),
    })
    .from(aliases)
    .innerJoin(actors, eq(actors.id, aliases.actorId))
    // Documents store each actor's name as a FREE alias too; matching it is matching the name.
    .where(and(resembles(query, normalizedAlias), ne(aliases.value, actors.name)));
  return nameHits.unionAll(aliasHits).as("hits");
}

/** The best hit of each actor: the highest score, the name before an alias of equal score. */
function bestHitPerActor(db: Database, query: string) {
  const hits = nameAndAliasHits(db, query);
  return db
    .selectDistinctOn([hits.actorId], {
      actorId: hits.actorId,
      aliasScheme: hits.aliasScheme,
      aliasValue: hits.aliasValue,
      aliasValidFrom: hits.aliasValidFrom,
      aliasValidTo: hits.aliasValidTo,
      score: hits.score,
    })
    .from(hits)
    .orderBy(hits.actorId, desc(hits.score), sql`${hits.aliasScheme} nulls first`, hits.aliasValue)
    .as("best");
}

type BestHits = ReturnType<typeof bestHitPerActor>;

function decodeSearchCursor(after: string): { score: number; id: string } {
  const [score, id] = decodeCursor(after, ["real", "text"]);
  return { score: score as number, id: id as string };
}

/**
 * The hits after a cursor in the order (score desc, id asc). The score is compared as the
 * real it was computed as, so that a cursor finds its place again exactly.
 */
function afterHit(best: BestHits, after: string | null | undefined): SQL | undefined {
  if (!after) return undefined;
  const cursor = decodeSearchCursor(after);
  const score = sql`cast(${cursor.score} as real)`;
  return sql`(${best.score} < ${score} or (${best.score} = ${score} and ${actors.id} > ${cursor.id}))`;
}

/** One page of hits, best first, then by actor ID. */
function actorSearchQuery(db: Database, query: string, filter: ActorFilter | null | undefined, first: number, after: string | null | undefined) {
  const best = bestHitPerActor(db, query);
  return db
    .select({ ...getTableColumns(actors), ...best._.selectedFields })
    .from(best)
    .innerJoin(actors, eq(actors.id, best.actorId))
    .where(and(actorFilterCondition(filter), afterHit(best, after)))
    .orderBy(desc(best.score), asc(actors.id))
    .limit(first + 1);
}

type SearchRow = Awaited<ReturnType<typeof actorSearchQuery>>[number];

function toHit(row: SearchRow): ActorSearchHit {
  const matchedAlias: Alias | null = row.aliasScheme
    ? { scheme: row.aliasScheme, value: row.aliasValue!, validFrom: row.aliasValidFrom, validTo: row.aliasValidTo }
    : null;
  return Object.assign(new ActorSearchHit(), { score: row.score, matchedAlias, actor: toActor(row) });
}

/** Fuzzy lookup of actors by name and alias, tolerant of spellings and transliterations. */
export class ActorSearchRepository {
  constructor(private readonly db: Database) {}

  async search(text: string, filter: ActorFilter | null | undefined, first: number, after: string | null | undefined): Promise<Connection<ActorSearchHit>> {
    const query = normalizeName(checkSearchText("query", text));
    checkPageSize(first);
    checkActorFilter(filter);
    const rows = await actorSearchQuery(this.db, query, filter, first, after);
    return toConnection(
      rows,
      first,
      (row) => [row.score, row.id],
      toHit,
      async () => {
        const best = bestHitPerActor(this.db, query);
        const [counted] = await this.db
          .select({ total: count() })
          .from(best)
          .innerJoin(actors, eq(actors.id, best.actorId))
          .where(actorFilterCondition(filter));
        return counted!.total;
      },
    );
  }
}
