import { type SQL, and, desc, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { type Connection, checkPageSize, toConnection } from "../../kit/pages/pagination.js";
import { rankedSearchPage } from "../../kit/search/ranked-search-page.js";
import { checkSearchText } from "../../kit/search/search-text.js";
import { headlineOptions, snippetHtml } from "../../kit/search/search-snippet.js";
import { SEARCH_CONFIGURATION, incidents } from "./tables.js";
import { checkIncidentFilter, incidentFilterCondition } from "./incident-filter.js";
import { IncidentSearchHit } from "../schema/incident-search.type.js";
import type { IncidentFilter } from "../schema/incident.input.js";
import { incidentColumns, toIncident } from "../schema/incident.rows.js";

const HEADLINE_OPTIONS = headlineOptions({ max: 35, min: 20 });

function textQuery(text: string): SQL {
  return sql`websearch_to_tsquery(${SEARCH_CONFIGURATION}, ${text})`;
}

function searchCondition(text: string, filter: IncidentFilter | null | undefined): SQL | undefined {
  return and(sql`${incidents.searchDocument} @@ ${textQuery(text)}`, incidentFilterCondition(filter));
}

/** One page of search hits with their excerpts (see rankedSearchPage). The plan tests EXPLAIN it. */
export function incidentSearchQuery(db: Database, text: string, filter: IncidentFilter | null | undefined, first: number, after: string | null | undefined) {
  const query = textQuery(text);
  const page = rankedSearchPage(
    db,
    {
      table: incidents,
      columns: incidentColumns,
      searchDocument: incidents.searchDocument,
      date: incidents.startOn,
      where: searchCondition(text, filter),
      query,
    },
    first,
    after,
  );
  const summaryMatches = sql`to_tsvector(${SEARCH_CONFIGURATION}, coalesce(${page.summary}, '')) @@ ${query}`;
  const headline = (text: SQL) => sql`ts_headline(${SEARCH_CONFIGURATION}, ${text}, ${query}, ${HEADLINE_OPTIONS})`;
  return db
    .select({
      ...page._.selectedFields,
      headline: sql<string>`case when ${summaryMatches} then ${headline(sql`${page.summary}`)} else ${headline(sql`${page.title}`)} end`.as("headline"),
    })
    .from(page)
    .orderBy(desc(page.score), desc(page.id));
}

/** Full-text search over incident titles and summaries. */
export class IncidentSearchRepository {
  constructor(private readonly db: Database) {}

  async search(
    text: string,
    filter: IncidentFilter | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<Connection<IncidentSearchHit>> {
    const checkedText = checkSearchText("query", text);
    checkPageSize(first);
    checkIncidentFilter(filter);
    const rows = await incidentSearchQuery(this.db, checkedText, filter, first, after);
    return toConnection(
      rows,
      first,
      (row) => [row.score, row.id],
      (row) => Object.assign(new IncidentSearchHit(), { score: row.score, snippet: snippetHtml(row.headline), incident: toIncident(row) }),
      () => this.db.$count(incidents, searchCondition(checkedText, filter)),
    );
  }
}
