import { DateKeysetOrder, type DateKeyset } from "../../kit/pages/date-keyset-order.js";
import { SortOrder } from "../../kit/pages/sort-order.js";
import { statements } from "./tables.js";
import { StatementSortField } from "../schema/statement.enums.js";
import type { StatementSort } from "../schema/statement.input.js";

type StatementKey = { saidOn: string; id: string };

const STATEMENT_KEYSET: DateKeyset<StatementKey> = {
  date: statements.saidOn,
  id: statements.id,
  dateOf: (row) => row.saidOn,
  sortFields: Object.values(StatementSortField),
};

/**
 * The keyset order of a statement list, (said_on, id) either way, which statements_said_on_id_idx
 * and every filter's index serve forwards or backwards.
 */
export class StatementOrder extends DateKeysetOrder<StatementKey> {
  static of(sort: StatementSort | null | undefined): StatementOrder {
    return new StatementOrder(STATEMENT_KEYSET, sort?.by ?? StatementSortField.SAID_AT, sort?.order ?? SortOrder.ASC);
  }
}
