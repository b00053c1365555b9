import { type SQL, sql } from "drizzle-orm";
import { badUserInput } from "../../kit/schema/errors.js";
import { decodeCursor } from "../../kit/pages/pagination.js";
import { SortOrder } from "../../kit/pages/sort-order.js";
import { statements } from "./tables.js";
import { StatementSortField } from "../schema/statement.enums.js";
import type { StatementSort } from "../schema/statement.input.js";

const ORDER_NAMES = Object.values(StatementSortField).flatMap((field) => Object.values(SortOrder).map((order) => `${field} ${order}`));

/**
 * The keyset order of a statement list, (said_on, id) either way, which statements_said_on_id_idx
 * and every filter's index serve forwards or backwards. Its cursors name the order they were
 * made in, so that a cursor of the list sorted one way is refused by the list sorted the other
 * way instead of silently skipping or repeating statements.
 */
export class StatementOrder {
  private constructor(
    readonly name: string,
    private readonly order: SortOrder,
  ) {}

  static of(sort: StatementSort | null | undefined): StatementOrder {
    const by = sort?.by ?? StatementSortField.SAID_AT;
    const order = sort?.order ?? SortOrder.ASC;
    return new StatementOrder(`${by} ${order}`, order);
  }

  cursorOf(row: { saidOn: string; id: string }): string[] {
    return [this.name, row.saidOn, row.id];
  }

  after(cursor: string | null | undefined, argumentName = "after"): SQL | undefined {
    if (!cursor) return undefined;
    const [name, saidOn, id] = decodeCursor(cursor, ["text", "date", "text"], argumentName);
    if (name !== this.name) {
      if (ORDER_NAMES.includes(String(name))) {
        throw badUserInput(argumentName, `is a cursor of this list sorted ${name}, not ${this.name}; start again without it`);
      }
      throw badUserInput(argumentName, "is not a cursor from this list");
    }
    const comparison = this.order === SortOrder.ASC ? sql`>` : sql`<`;
    return sql`(${statements.saidOn}, ${statements.id}) ${comparison} (cast(${saidOn} as date), ${id})`;
  }

  orderBy(): SQL[] {
    const direction = this.order === SortOrder.ASC ? sql`asc` : sql`desc`;
    return [sql`${statements.saidOn} ${direction}`, sql`${statements.id} ${direction}`];
  }
}
