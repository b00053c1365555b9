import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { badUserInput } from "../schema/errors.js";
import { decodeCursor } from "./pagination.js";
import { SortOrder } from "./sort-order.js";

/** The columns of a list sorted by a date, ties broken by ID, and the sort fields that name its order. */
export interface DateKeyset<Row> {
  date: AnyPgColumn;
  id: AnyPgColumn;
  dateOf: (row: Row) => string;
  /** Every value of the list's sort field enum, to tell a cursor of another order from garbage. */
  sortFields: readonly string[];
}

/**
 * The keyset order of a list sorted by (date, id) either way, which one index on those columns
 * serves forwards or backwards. Its cursors name the order they were made in, so that a
 * cursor from a list sorted one way is refused by the same list sorted the other way rather
 * than silently skipping or repeating rows.
 */
export class DateKeysetOrder<Row extends { id: string }> {
  readonly name: string;

  protected constructor(
    private readonly keyset: DateKeyset<Row>,
    sortField: string,
    private readonly order: SortOrder,
  ) {
    this.name = `${sortField} ${order}`;
  }

  cursorOf(row: Row): string[] {
    return [this.name, this.keyset.dateOf(row), row.id];
  }

  after(cursor: string | null | undefined, argumentName = "after"): SQL | undefined {
    if (!cursor) return undefined;
    const [name, date, id] = decodeCursor(cursor, ["text", "date", "text"], argumentName);
    if (name !== this.name) {
      if (this.orderNames().includes(String(name))) {
        throw badUserInput(argumentName, `is a cursor of this list sorted ${name}, not ${this.name}; start again without it`);
      }
      throw badUserInput(argumentName, "is not a cursor from this list");
    }
    const comparison = this.order === SortOrder.ASC ? sql`>` : sql`<`;
    return sql`(${this.keyset.date}, ${this.keyset.id}) ${comparison} (cast(${date} as date), ${id})`;
  }

  orderBy(): SQL[] {
    const direction = this.order === SortOrder.ASC ? sql`asc` : sql`desc`;
    return [sql`${this.keyset.date} ${direction}`, sql`${this.keyset.id} ${direction}`];
  }

  private orderNames(): string[] {
    return this.keyset.sortFields.flatMap((field) => Object.values(SortOrder).map((order) => `${field} ${order}`));
  }
}
