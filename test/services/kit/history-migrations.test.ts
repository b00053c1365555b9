// Each subgraph's history migration holds the triggers its tracked tables need, as the
// generator writes them: a table added to a subgraph's tracked list without a migration, or a
// migration edited by hand, fails here.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SUBGRAPH_HISTORIES } from "../../../services/histories.js";
import { historyTriggersSql } from "../../../services/kit/history/history-migration.js";
import { tableName } from "../../../services/kit/history/tracked-tables.js";

const SERVICES = fileURLToPath(new URL("../../../services/", import.meta.url));

describe.each(Object.entries(SUBGRAPH_HISTORIES))("the %s history migration", (name, history) => {
  const folder = join(SERVICES, name, "data/migrations");
  const file = readdirSync(folder).find((entry) => entry.endsWith("_history_triggers.sql"));

  it("holds the triggers the generator writes for its tracked tables", () => {
    expect(file).toBeDefined();
    expect(readFileSync(join(folder, file!), "utf8")).toContain(historyTriggersSql(history));
  });

  it("records inserts, updates and deletes of every tracked table", () => {
    const sql = historyTriggersSql(history);
    for (const { table } of history.tracked) {
      for (const event of ["inserts", "updates", "deletes"]) expect(sql).toContain(`"${tableName(table)}_history_${event}"`);
    }
  });
});
