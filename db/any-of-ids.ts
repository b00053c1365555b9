// `column = any($1::text[])`: a list of IDs sent as ONE array parameter, for the services'
// DataLoaders and the writers alike. Drizzle's inArray writes `in ($1, …, $n)`, a statement
// text of its own for every length of list; with prepared statements
// (DATABASE_PREPARED_STATEMENTS) each connection would prepare and keep one per batch size.
// One text per query is prepared once.
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

export function anyOfIds(column: SQLWrapper, ids: Iterable<string>): SQL {
  return sql`${column} = any(${sql.param([...ids])}::text[])`;
}

/** `column = any($1::bigint[])`, for numeric keys (the history's change IDs); sent as text, which keeps bigints beyond 2^53 exact. */
export function anyOfNumbers(column: SQLWrapper, numbers: Iterable<number>): SQL {
  return sql`${column} = any(${sql.param([...numbers].map(String))}::bigint[])`;
}
