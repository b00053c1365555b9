// What a bulk load of statements puts off (services/kit/writes/deferred-upkeep.ts): the
// schema's secondary indexes. It keeps no derived tables.
import type { BulkUpkeep } from "../../kit/writes/deferred-upkeep.js";

export const statementsBulkUpkeep: BulkUpkeep = {
  schema: "statements",
  // A statement's incidents and stances are found by their keys, which lead with the statement.
  keptIndexes: [],
  derivedTriggers: [],
  async recompute() {},
};
