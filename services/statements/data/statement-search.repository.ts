import { type SQL, and, desc, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { type Connection, checkPageSize, toConnection } from "../../kit/pages/pagination.js";
import { rankedSearchPage } from "../../kit/search/ranked-search-page.js";
import { checkSearchText } from "../../kit/search/search-text.js";
import { headlineOptions, snippetHtml } from "../../kit/search/search-snippet.js";
import { statements } from "./tables.js";
import { checkStatementFilter, statementFilterCondition } from "./statement-filter.js";
import { StatementSearchHit } from "../schema/statement-search.type.js";
import type { StatementFilter } from "../schema/statement.input.js";
import { type StatementRow, statementColumns, toStatement } from "../schema/statement.rows.js";

const HEADLINE_OPTIONS = headlineOptions({ max: 35, min: 15 });

// The configuration is a literal, as in the search document's expression: a query made only of stop
// words ("the") becomes an empty tsquery, which matches nothing.
function textQuery(text: string): SQL {
  return sql`websearch_to_tsquery('english', ${text})`;
}

function searchCondition(text: string, filter: StatementFilter | null | undefined): SQL | undefined {
  return and(sql`${statements.searchDocument} @@ ${textQuery(text)}`, statementFilterCondition(filter));
}

/** One page of search hits with their excerpts (see rankedSearchPage). */
export function statementSearchQuery(db: Database, text: string, filter: StatementFilter | null | undefined, first: number, after: string | null | undefined) {
  const query = textQuery(text);
  const page = rankedSearchPage(
    db,
    {
      table: statements,
      columns: statementColumns,
      searchDocument: statements.searchDocument,
      date: statements.saidOn,
      where: searchCondition(text, filter),
      query,
    },
    first,
    after,
  );
  return db
    .select({ ...page._.selectedFields, headline: sql<string>`ts_headline('english', ${page.text}, ${query}, ${HEADLINE_OPTIONS})`.as("headline") })
    .from(page)
    .orderBy(desc(page.score), desc(page.id));
}

/** Full-text search over statement texts. */
export class StatementSearchRepository {
  constructor(private readonly db: Database) {}

  async search(
    text: string,
    filter: StatementFilter | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<Connection<StatementSearchHit>> {
    const checkedText = checkSearchText("query", text);
    checkPageSize(first);
    checkStatementFilter(filter);
    const rows = (await statementSearchQuery(this.db, checkedText, filter, first, after)) as (StatementRow & { score: number; headline: string })[];
    return toConnection(
      rows,
      first,
      (row) => [row.score, row.id],
      (row) => Object.assign(new StatementSearchHit(), { score: row.score, snippet: snippetHtml(row.headline), statement: toStatement(row) }),
      () => this.db.$count(statements, searchCondition(checkedText, filter)),
    );
  }
}
