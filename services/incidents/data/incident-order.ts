import { type SQL, sql } from "drizzle-orm";
import { badUserInput } from "../../kit/schema/errors.js";
import { decodeCursor } from "../../kit/pages/pagination.js";
import { SortOrder } from "../../kit/pages/sort-order.js";
import { incidents } from "./tables.js";
import { IncidentSortField } from "../schema/incident.enums.js";
import type { IncidentSort } from "../schema/incident.input.js";

const ORDER_NAMES = Object.values(IncidentSortField).flatMap((field) => Object.values(SortOrder).map((order) => `${field} ${order}`));

/**
 * The keyset order of an incident list, (start_on, id) either way, which incidents_start_on_id_idx
 * serves forwards or backwards. Its cursors name the order they were made in, so that a
 * cursor from a list sorted one way is refused by the same list sorted the other way rather
 * than silently skipping or repeating incidents.
 */
export class IncidentOrder {
  private constructor(
    readonly name: string,
    private readonly order: SortOrder,
  ) {}

  static of(sort: IncidentSort | null | undefined): IncidentOrder {
    const by = sort?.by ?? IncidentSortField.OCCURRED_AT;
    const order = sort?.order ?? SortOrder.ASC;
    return new IncidentOrder(`${by} ${order}`, order);
  }

  cursorOf(row: { startOn: string; id: string }): string[] {
    return [this.name, row.startOn, row.id];
  }

  after(cursor: string | null | undefined, argumentName = "after"): SQL | undefined {
    if (!cursor) return undefined;
    const [name, startOn, id] = decodeCursor(cursor, ["text", "date", "text"], argumentName);
    if (name !== this.name) {
      if (ORDER_NAMES.includes(String(name))) {
        throw badUserInput(argumentName, `is a cursor of this list sorted ${name}, not ${this.name}; start again without it`);
      }
      throw badUserInput(argumentName, "is not a cursor from this list");
    }
    const comparison = this.order === SortOrder.ASC ? sql`>` : sql`<`;
    return sql`(${incidents.startOn}, ${incidents.id}) ${comparison} (cast(${startOn} as date), ${id})`;
  }

  orderBy(): SQL[] {
    const direction = this.order === SortOrder.ASC ? sql`asc` : sql`desc`;
    return [sql`${incidents.startOn} ${direction}`, sql`${incidents.id} ${direction}`];
  }
}
