// Every filter, sort and search of the incidents subgraph is served by an index: on 50,000
// generated incidents (about what ACLED records for Ukraine in two years), the very SQL the
// repositories send is EXPLAINed and must read incidents and participants through the
// intended index, never by a sequential scan.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client.js";
import { encodeCursor } from "../../../services/kit/pages/pagination.js";
import { SortOrder } from "../../../services/kit/pages/sort-order.js";
import { TimeInterval } from "../../../services/kit/schema/time-buckets.js";
import { IncidentOrder } from "../../../services/incidents/data/incident-order.js";
import { incidentCountQuery } from "../../../services/incidents/data/incident-counts.js";
import { incidentSearchQuery } from "../../../services/incidents/data/incident-search.repository.js";
import { incidentStatsQuery } from "../../../services/incidents/data/incident-stats.repository.js";
import { IncidentGrouping, IncidentSortField, IncidentStatus, IncidentType, ParticipantRole } from "../../../services/incidents/schema/incident.enums.js";
import type { IncidentFilter } from "../../../services/incidents/schema/incident.input.js";
import { incidentPageQuery } from "../../../services/incidents/data/incident.repository.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE, type TestDatabase } from "../../../scripts/harness/backends.js";
import { type Scan, explainScans } from "../../../scripts/harness/query-plans.js";

const INCIDENTS = 50_000;
const ACTORS = 2_000;
const PAGE = 20;

// Skewed on purpose: a filter is worth an index when it is selective, so the rare values
// (riots, agreements, captures, disputed, MERIDIAN, deaths, a word in 1% of summaries) are the ones asked for.
async function generateIncidents(db: Database): Promise<void> {
  await db.execute(
    sql.raw(`
    insert into incidents.incidents (id, type, title, summary, start_on, start_precision, status, dataset,
      fatalities_best, country, admin1, latitude, longitude)
    select 'acled:plan-' || i,
      case when i % 200 = 0 then 'RIOT' when i % 1000 = 1 then 'AGREEMENT' when i % 1000 = 2 then 'CAPTURE'
        else (array['ARMED_CLASH','ATTACK','REMOTE_VIOLENCE','PROTEST','OTHER'])[1 + i % 5] end,
      'Event ' || i || ' in area ' || (i % 400),
      case when i % 100 = 3 then 'Armed men took hostages near the market.'
        else 'Shelling and clashes were reported near the front line, according to local sources.' end,
      date '2015-01-01' + (i * 7919) % 3650,
      'DAY',
      case when i % 100 = 7 then 'DISPUTED' else (array['REPORTED','CONFIRMED','ALLEGED'])[1 + i % 3] end,
      case when i % 200 = 5 then 'MERIDIAN' when i % 10 = 1 then 'GDELT' else 'ACLED' end,
      case when i % 20 = 0 then 1 + (i / 20) % 50 when i % 7 = 0 then null else 0 end,
      (array['UKR','RUS','SYR','YEM','SDN','MLI','NGA','COD','SOM','AFG','IRQ','LBY','MMR','ETH','PAK','IND',
        'MEX','COL','BRA','PHL','BFA','NER','CMR','CAF','SSD','MOZ','LBN','ISR','PSE','TUR','IRN','EGY','KEN',
        'UGA','TCD','HTI','VEN','PER','BGD','GEO'])[1 + i % 40],
      'Area ' || (i % 400),
      case when i % 23 = 0 then null else -60 + ((i * 37) % 12000) / 100.0 end,
      case when i % 23 = 0 then null else -180 + ((i * 91) % 36000) / 100.0 end
    from generate_series(1, ${INCIDENTS}) as i`),
  );
  await db.execute(
    sql.raw(`
    insert into incidents.places (id, incident_id, name, admin1, country, latitude, longitude, is_primary)
    select id || '.place', id, 'Place of ' || id, admin1, country, latitude, longitude, true from incidents.incidents`),
  );
  await db.execute(
    sql.raw(`
    insert into incidents.participants (incident_id, actor_id, role)
    select 'acled:plan-' || i, 'acled:actor-' || (i % ${ACTORS}), 'SIDE_A' from generate_series(1, ${INCIDENTS}) as i
    union all
    select 'acled:plan-' || i, 'acled:actor-' || ((i * 7 + 1) % ${ACTORS}), 'SIDE_B' from generate_series(1, ${INCIDENTS}) as i`),
  );
  await db.execute(sql`analyze incidents.incidents`);
  await db.execute(sql`analyze incidents.participants`);
  await db.execute(sql`analyze incidents.places`);
  await db.execute(sql`analyze incidents.incident_day_counts`);
  await db.execute(sql`analyze incidents.incident_country_day_counts`);
}

const world = { minLatitude: -90, maxLatitude: 90, minLongitude: -180, maxLongitude: 180 };
// The index each page should be read through; undefined where several serve and the planner may pick any.
const pageCases: [string, IncidentFilter, SortOrder, string | undefined][] = [
  ["no filter, oldest first", {}, SortOrder.ASC, "incidents_start_on_id_idx"],
  ["no filter, newest first", {}, SortOrder.DESC, "incidents_start_on_id_idx"],
  ["a type", { type: IncidentType.RIOT }, SortOrder.ASC, "incidents_type_start_on_id_idx"],
  ["a type, newest first", { type: IncidentType.RIOT }, SortOrder.DESC, "incidents_type_start_on_id_idx"],
  ["several types", { types: [IncidentType.AGREEMENT, IncidentType.CAPTURE] }, SortOrder.ASC, "incidents_type_start_on_id_idx"],
  ["a status", { status: IncidentStatus.DISPUTED }, SortOrder.DESC, "incidents_status_start_on_id_idx"],
  ["a country", { country: "UKR" }, SortOrder.DESC, "incidents_country_start_on_id_idx"],
  ["an area", { admin1: "Area 17" }, SortOrder.ASC, "incidents_admin1_start_on_id_idx"],
  ["a date range", { occurred: { from: "2020-03-01", to: "2020-03-31" } }, SortOrder.ASC, "incidents_start_on_id_idx"],
  ["an actor", { participant: { actor: "acled:actor-17" } }, SortOrder.ASC, "participants_actor_role_incident_idx"],
  ["an actor in a role", { participant: { actor: "acled:actor-17", role: ParticipantRole.SIDE_B } }, SortOrder.DESC, "participants_actor_role_incident_idx"],
  ["a bounding box", { bbox: { minLatitude: 47, maxLatitude: 49, minLongitude: 37, maxLongitude: 39 } }, SortOrder.ASC, "incidents_location_idx"],
  ["deaths", { hasFatalities: true }, SortOrder.DESC, "incidents_with_fatalities_start_on_id_idx"],
  ["a range of deaths", { fatalities: { min: 45, max: 50 } }, SortOrder.ASC, "incidents_fatalities_best_idx"],
  ["a dataset", { dataset: "MERIDIAN" }, SortOrder.ASC, "incidents_dataset_start_on_id_idx"],
  ["a country in a box with deaths", { country: "UKR", bbox: world, hasFatalities: true }, SortOrder.DESC, undefined],
  ["an actor's deaths in a dataset", { participant: { actor: "acled:actor-17" }, hasFatalities: true, dataset: "ACLED" }, SortOrder.DESC, undefined],
];

describe.each(BACKENDS)("index use of incident queries on $name", (backend) => {
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await backend.create();
    db = database.handle.db;
    await generateIncidents(db);
  }, 60_000);
  afterAll(() => database.dispose());

  const expectIndexScan = (scans: Scan[], index: string | undefined) => {
    expect(scans.filter((scan) => scan.node === "Seq Scan")).toEqual([]);
    const indexes = scans.flatMap((scan) => scan.index ?? []);
    if (index) expect(indexes, JSON.stringify(scans)).toContain(index);
    else expect(indexes).not.toEqual([]);
  };

  it.each(pageCases)("lists incidents by %s through its index", async (_name, filter, order, index) => {
    expectIndexScan(
      await explainScans(db, incidentPageQuery(db, filter, IncidentOrder.of({ by: IncidentSortField.OCCURRED_AT, order }), PAGE, null).getSQL()),
      index,
    );
  });

  it.each([SortOrder.ASC, SortOrder.DESC])("continues after a cursor %s through the date index", async (order) => {
    const after = encodeCursor([`OCCURRED_AT ${order}`, "2019-06-01", "acled:plan-100"]);
    expectIndexScan(
      await explainScans(db, incidentPageQuery(db, {}, IncidentOrder.of({ by: IncidentSortField.OCCURRED_AT, order }), PAGE, after).getSQL()),
      "incidents_start_on_id_idx",
    );
  });

  it("searches through the GIN index, also under a filter", async () => {
    expectIndexScan(await explainScans(db, incidentSearchQuery(db, "hostages", null, PAGE, null).getSQL()), "incidents_search_idx");
    expectIndexScan(await explainScans(db, incidentSearchQuery(db, "hostages", { participant: { actor: "acled:actor-3" } }, PAGE, null).getSQL()), undefined);
  });

  it.each([
    [IncidentGrouping.TIME, { country: "UKR" }, "incident_country_day_counts_country_start_on_pk"],
    [IncidentGrouping.TIME, { country: "UKR", type: IncidentType.RIOT }, undefined],
    [IncidentGrouping.ACTOR, { participant: { actor: "acled:actor-17" } }, "participants_actor_role_incident_idx"],
    [IncidentGrouping.TYPE, { bbox: { minLatitude: 47, maxLatitude: 49, minLongitude: 37, maxLongitude: 39 } }, "incidents_location_idx"],
  ] as const)("aggregates by %s under a selective filter through its index", async (groupBy, filter, index) => {
    expectIndexScan(await explainScans(db, incidentStatsQuery(db, groupBy, TimeInterval.MONTH, filter, 100).getSQL()), index);
  });

  // totalCount: the daily tallies answer a country and dates; any other filter counts through the incidents' own index.
  it.each([
    ["a country in a month", { country: "UKR", occurred: { from: "2020-03-01", to: "2020-03-31" } }, "incident_country_day_counts_country_start_on_pk"],
    ["a month", { occurred: { from: "2020-03-01", to: "2020-03-31" } }, "incident_day_counts_pkey"],
    ["a type", { type: IncidentType.RIOT }, "incidents_type_start_on_id_idx"],
    ["a country with deaths", { country: "UKR", hasFatalities: true }, undefined],
  ] as const)("counts %s through its index", async (_name, filter, index) => {
    expectIndexScan(await explainScans(db, incidentCountQuery(db, filter).getSQL()), index);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("index use of incident queries on postgres"));
