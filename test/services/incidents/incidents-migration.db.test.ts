// Incidents stored before their primary place was copied onto them get it from the migration
// that brought the columns: its statement is run again here on such rows.
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incidents as incidentsSubgraph } from "../../../services/incidents/index.js";
import { incidents, places } from "../../../services/incidents/data/tables.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE, type TestDatabase } from "../../../scripts/harness/backends.js";

const backfill = readFileSync(`${incidentsSubgraph.migrationsFolder}/0002_primary_place_on_incidents.sql`, "utf8");

describe.each(BACKENDS)("the primary-place migration on $name", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await backend.create();
  });
  afterAll(() => database.dispose());

  it("copies each incident's primary place, leaving incidents without places alone", async () => {
    const db = database.handle.db;
    const incident = { type: "CAPTURE", title: "A capture", startOn: "2025-04-08", startPrecision: "DAY", status: "REPORTED", dataset: "MERIDIAN" } as const;
    await db.insert(incidents).values([
      { ...incident, id: "meridian:placed" },
      { ...incident, id: "meridian:unplaced" },
    ]);
    await db.insert(places).values([
      {
        id: "meridian:placed.primary",
        incidentId: "meridian:placed",
        name: "Donetsk",
        admin1: "Donetsk",
        country: "UKR",
        latitude: 48.0159,
        longitude: 37.8028,
        isPrimary: true,
      },
      {
        id: "meridian:placed.other",
        incidentId: "meridian:placed",
        name: "Bilohorivka",
        admin1: "Luhansk",
        country: "UKR",
        latitude: 48.93,
        longitude: 38.25,
        isPrimary: false,
      },
    ]);
    await db.execute(sql.raw(backfill));
    const stored = await db
      .select({ id: incidents.id, country: incidents.country, admin1: incidents.admin1, latitude: incidents.latitude, longitude: incidents.longitude })
      .from(incidents)
      .orderBy(incidents.id);
    expect(stored).toEqual([
      { id: "meridian:placed", country: "UKR", admin1: "Donetsk", latitude: 48.0159, longitude: 37.8028 },
      { id: "meridian:unplaced", country: null, admin1: null, latitude: null, longitude: null },
    ]);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("the primary-place migration on postgres"));
