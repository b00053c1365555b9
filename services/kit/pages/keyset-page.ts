import { type SQL, and } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";

/** An order a list is paged in: the rows after a cursor, and the ORDER BY an index serves (Keyset, DateKeysetOrder). */
export interface PageOrder {
  after(cursor: string | null | undefined, argumentName?: string): SQL | undefined;
  orderBy(): SQL[];
}

/**
 * One page of a query's rows that meet `condition`, in `order` from after the cursor, with one
 * row more to tell whether a next page exists (see toConnection). The query is a dynamic
 * select (`db.select().from(table).$dynamic()`), which this only narrows and orders.
 */
export function keysetPage<T extends PgSelect>(query: T, condition: SQL | undefined, order: PageOrder, first: number, after: string | null | undefined) {
  return query
    .where(and(condition, order.after(after)))
    .orderBy(...order.orderBy())
    .limit(first + 1);
}
