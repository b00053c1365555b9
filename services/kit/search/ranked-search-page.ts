// The page of a full-text search that statements and incidents share: the newest
// RANKED_MATCHES matches (through the date index, or the GIN index when few rows match),
// ranked by ts_rank, cut by keyset on (score, id). Each search then adds its excerpt to the
// page's rows only, as ts_headline re-parses the text.
import { type ColumnsSelection, type SQL, desc, sql } from "drizzle-orm";
import type { PgColumn, PgTable, SubqueryWithSelection } from "drizzle-orm/pg-core";
import type { Database } from "../../../db/client.js";
import { RANKED_MATCHES } from "./ranked-matches.js";
import { afterSearchCursor } from "./search-cursor.js";

export interface RankedSearch<TColumns extends ColumnsSelection> {
  table: PgTable;
  /** The columns each hit returns; `id` breaks ties in both orders. */
  columns: TColumns;
  searchDocument: PgColumn;
  /** The date the newest matches are taken by. */
  date: PgColumn;
  /** The match and any filter. */
  where: SQL | undefined;
  /** The tsquery the matches are ranked against. */
  query: SQL;
}

/** Up to `first + 1` hits after the cursor `after`, best first, as a subquery named "page". */
export function rankedSearchPage<TColumns extends ColumnsSelection & { id: PgColumn }>(
  db: Database,
  search: RankedSearch<TColumns>,
  first: number,
  after: string | null | undefined,
): SubqueryWithSelection<TColumns & { score: SQL.Aliased<number> }, "page"> {
  const candidates = db
    .select({ ...(search.columns as ColumnsSelection), searchDocument: search.searchDocument })
    .from(search.table)
    .where(search.where)
    .orderBy(desc(search.date), desc(search.columns.id))
    .limit(RANKED_MATCHES)
    .as("candidates");
  const { searchDocument, ...candidateColumns } = candidates._.selectedFields;
  const ranked = db
    .select({ ...candidateColumns, score: sql<number>`ts_rank(${searchDocument}, ${search.query})`.as("score") })
    .from(candidates)
    .as("ranked");
  const rankedId = (ranked as unknown as { id: PgColumn }).id;
  const page = db
    .select()
    .from(ranked)
    .where(afterSearchCursor({ score: ranked.score, id: rankedId }, after))
    .orderBy(desc(ranked.score), desc(rankedId))
    .limit(first + 1)
    .as("page");
  // Drizzle keeps the selection's shape through each subquery; its types cannot follow a
  // generic selection through the spread above, so the page is given its shape here.
  return page as unknown as SubqueryWithSelection<TColumns & { score: SQL.Aliased<number> }, "page">;
}
