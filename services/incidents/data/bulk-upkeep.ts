// What a bulk load of incidents puts off (services/kit/writes/deferred-upkeep.ts): the
// schema's secondary indexes, and the daily tallies' triggers, whose tallies are then counted
// again from the incidents as migration 0004 first counted them. A day with no incidents has
// no tally row, as the triggers leave it (migration 0010).
import { sql } from "drizzle-orm";
import type { BulkUpkeep } from "../../kit/writes/deferred-upkeep.js";

export const incidentsBulkUpkeep: BulkUpkeep = {
  schema: "incidents",
  // An updated incident's places are replaced by its ID (kit/writes/sync-entities.ts); its
  // participants and sources are found by their keys, which lead with the incident.
  keptIndexes: ["places_incident_idx"],
  derivedTriggers: [{ table: "incidents", triggers: ["incidents_tally_inserts", "incidents_tally_updates", "incidents_tally_deletes"] }],
  async recompute(db) {
    await db.execute(sql`delete from incidents.incident_day_counts`);
    await db.execute(sql`delete from incidents.incident_country_day_counts`);
    await db.execute(sql`
      insert into incidents.incident_day_counts (start_on, incidents, fatalities)
      select start_on, count(*), coalesce(sum(fatalities_best), 0) from incidents.incidents group by start_on`);
    await db.execute(sql`
      insert into incidents.incident_country_day_counts (country, start_on, incidents, fatalities)
      select country, start_on, count(*), coalesce(sum(fatalities_best), 0) from incidents.incidents where country is not null group by country, start_on`);
  },
};
