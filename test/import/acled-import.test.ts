// Both ACLED samples imported as the CLI imports them, and checked against the files
// themselves: counts per event type, fatalities, and single rows with their actors, place
// and sources. Counts are computed from the CSV independently of the import.
import { and, count, eq, sql, sum } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actors, aliases } from "../../services/actors/db/tables.js";
import { incidentSources, incidents, participants, places } from "../../services/incidents/db/tables.js";
import { sources } from "../../services/statements/db/tables.js";
import type { ImportSummary } from "../../db/import/import-summary.js";
import { type DocumentTestDatabase, sharedDatabase } from "../documents/support/databases.js";
import { countRows } from "../documents/support/row-counts.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../support/backends.js";
import { importFiles } from "./support/import-runs.js";
import { ACLED_EXPORT_TOOL, ACLED_SOMALIA, readAcled } from "./support/sample-files.js";

const somalia = readAcled(ACLED_SOMALIA);
const exportTool = readAcled(ACLED_EXPORT_TOOL);
const allRows = [...somalia, ...exportTool];

function tally<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe.each(BACKENDS)("importing the ACLED samples on $name", (backend) => {
  let database: DocumentTestDatabase;
  let first: ImportSummary;
  beforeAll(async () => {
    database = await sharedDatabase(backend);
    first = await importFiles(database.handles, "acled", [ACLED_SOMALIA, ACLED_EXPORT_TOOL]);
  });
  afterAll(() => database.dispose());

  it("inserts one incident per row of both files", async () => {
    expect(first.rows.read).toBe(allRows.length);
    expect(first.entities.incidents).toEqual({ inserted: allRows.length, updated: 0, unchanged: 0, rejected: 0 });
    expect(await database.handles.incidents.db.$count(incidents, eq(incidents.dataset, "ACLED"))).toBe(allRows.length);
  });

  it("keeps ACLED's event types beside ours, with as many incidents of each as the files have rows", async () => {
    const stored = await database.handles.incidents.db
      .select({ eventType: incidents.acledEventType, count: count() })
      .from(incidents)
      .groupBy(incidents.acledEventType);
    expect(Object.fromEntries(stored.map((row) => [row.eventType, row.count]))).toEqual(tally(allRows, (row) => row.event_type));
  });

  it("maps event and sub-event types to incident types", async () => {
    const expectedType = (row: Record<string, string>) =>
      ({ Arrests: "ARREST", Agreement: "AGREEMENT", "Abduction/forced disappearance": "CAPTURE" })[row.sub_event_type!] ??
      { Battles: "ARMED_CLASH", "Explosions/Remote violence": "REMOTE_VIOLENCE", "Violence against civilians": "ATTACK", Protests: "PROTEST", Riots: "RIOT", "Strategic developments": "OTHER" }[row.event_type!]!;
    const stored = await database.handles.incidents.db.select({ type: incidents.type, count: count() }).from(incidents).groupBy(incidents.type);
    expect(Object.fromEntries(stored.map((row) => [row.type, row.count]))).toEqual(tally(allRows, expectedType));
  });

  it("stores the fatalities of each event type as the files give them", async () => {
    const stored = await database.handles.incidents.db
      .select({ eventType: incidents.acledEventType, fatalities: sum(incidents.fatalitiesBest).mapWith(Number) })
      .from(incidents)
      .groupBy(incidents.acledEventType);
    const expected: Record<string, number> = {};
    for (const row of allRows) expected[row.event_type!] = (expected[row.event_type!] ?? 0) + Number(row.fatalities);
    expect(Object.fromEntries(stored.map((row) => [row.eventType, row.fatalities]))).toEqual(expected);
    expect(Object.values(expected).reduce((total, value) => total + value, 0)).toBe(8687);
  });

  it("imports SOM49639, a US airstrike, with its place, actors and sources", async () => {
    const db = database.handles.incidents.db;
    const [incident] = await db.select().from(incidents).where(eq(incidents.id, "acled:SOM49639"));
    expect(incident).toMatchObject({
      type: "REMOTE_VIOLENCE",
      startOn: "2025-04-01",
      startPrecision: "DAY",
      status: "REPORTED",
      fatalitiesBest: 3,
      acledDisorderType: "Political violence",
      acledEventType: "Explosions/Remote violence",
      acledSubEventType: "Air/drone strike",
      country: "SOM",
      admin1: "Bari",
      latitude: 10.8548,
      longitude: 49.7434,
    });
    expect(incident!.summary).toMatch(/^On 1 April 2025, US forces, in coordination with government security forces \(SNA\), conducted an airstrike/);
    expect(await db.select().from(places).where(eq(places.incidentId, "acled:SOM49639"))).toEqual([
      {
        id: "acled:SOM49639.buuraha-cali-miskat",
        incidentId: "acled:SOM49639",
        name: "Buuraha Cali Miskat",
        admin1: "Bari",
        admin2: "Qandala",
        admin3: null,
        country: "SOM",
        latitude: 10.8548,
        longitude: 49.7434,
        geoPrecision: 1,
        isPrimary: true,
        isDisputed: false,
        sourceId: "acled:SOM49639.record",
        note: null,
      },
    ]);
    const roles = await db
      .select({ actorId: participants.actorId, role: participants.role })
      .from(participants)
      .where(eq(participants.incidentId, "acled:SOM49639"))
      .orderBy(participants.role, participants.actorId);
    expect(roles).toEqual([
      { actorId: "acled:military-forces-of-somalia-2022", role: "ASSOCIATE" },
      { actorId: "acled:military-forces-of-the-united-states-2025", role: "SIDE_A" },
      { actorId: "acled:islamic-state-somalia-province", role: "SIDE_B" },
    ]);
    const cited = await db.select({ sourceId: incidentSources.sourceId }).from(incidentSources).where(eq(incidentSources.incidentId, "acled:SOM49639"));
    expect(cited.map((row) => row.sourceId).sort()).toEqual(
      ["acled:SOM49639.record", ...["africom", "caasimada", "hiiraan-somalia", "horseed-media", "puntland-post", "radio-kulmiye", "shabelle-media-network", "somali-news-agency"].map((slug) => `acled:source-${slug}`)].sort(),
    );
    const [record] = await database.handles.statements.db.select().from(sources).where(eq(sources.id, "acled:SOM49639.record"));
    expect(record).toMatchObject({ kind: "DATASET_RECORD", title: "ACLED event SOM49639", publisher: "ACLED", publishedOn: "2025-10-06", retrievedAt: new Date(1759790065 * 1000) });
  });

  it("keeps each event's ACLED timestamp, time precision, tags, interaction and civilian targeting as the file gives them", async () => {
    const stored = await database.handles.incidents.db
      .select({
        id: incidents.id,
        sourceVersion: incidents.sourceVersion,
        timePrecision: incidents.timePrecision,
        tags: incidents.tags,
        acledInteraction: incidents.acledInteraction,
        civilianTargeting: incidents.civilianTargeting,
      })
      .from(incidents)
      .where(eq(incidents.dataset, "ACLED"));
    const byId = new Map(stored.map(({ id, ...fields }) => [id, fields]));
    for (const row of allRows) {
      expect(byId.get(`acled:${row.event_id_cnty}`)).toEqual({
        sourceVersion: Number(row.timestamp),
        timePrecision: Number(row.time_precision),
        tags: row.tags!.split(";").map((tag) => tag.trim()).filter(Boolean),
        acledInteraction: row.interaction || null,
        civilianTargeting: row.civilian_targeting === "Civilian targeting",
      });
    }
    // The files do hold both kinds of each, so the comparison above could fail.
    expect(stored.filter((row) => row.civilianTargeting).length).toBe(allRows.filter((row) => row.civilian_targeting).length);
    expect(allRows.filter((row) => row.civilian_targeting).length).toBeGreaterThan(0);
    expect(stored.filter((row) => row.tags!.length > 0).length).toBeGreaterThan(0);
    expect(stored.filter((row) => row.timePrecision === 2)).toHaveLength(allRows.filter((row) => row.time_precision === "2").length);
  });

  it("creates ACLED actors with their alias and a kind from inter1/inter2 and ACLED's naming", async () => {
    const db = database.handles.actors.db;
    const kinds = await db
      .select({ id: actors.id, kind: actors.kind, name: actors.name })
      .from(actors)
      .where(sql`${actors.id} in ('acled:military-forces-of-the-united-states-2025', 'acled:islamic-state-somalia-province', 'acled:civilians-somalia', 'acled:government-of-yemen-2017-houthi', 'acled:taxi-drivers-somalia', 'acled:hawiye-abgal-sub-clan-militia-somalia')`)
      .orderBy(actors.id);
    expect(kinds).toEqual([
      { id: "acled:civilians-somalia", kind: "POPULATION_GROUP", name: "Civilians (Somalia)" },
      { id: "acled:government-of-yemen-2017-houthi", kind: "GOVERNMENT_BODY", name: "Government of Yemen (2017-) Houthi" },
      { id: "acled:hawiye-abgal-sub-clan-militia-somalia", kind: "ARMED_GROUP", name: "Hawiye-Abgal Sub-Clan Militia (Somalia)" },
      { id: "acled:islamic-state-somalia-province", kind: "ARMED_GROUP", name: "Islamic State Somalia Province" },
      { id: "acled:military-forces-of-the-united-states-2025", kind: "ARMED_FORCE", name: "Military Forces of the United States (2025-)" },
      { id: "acled:taxi-drivers-somalia", kind: "POPULATION_GROUP", name: "Taxi Drivers (Somalia)" },
    ]);
    const alShabaab = await db.select({ scheme: aliases.scheme, value: aliases.value }).from(aliases).where(eq(aliases.actorId, "acled:al-shabaab")).orderBy(aliases.scheme);
    expect(alShabaab).toEqual([
      { scheme: "ACLED", value: "Al Shabaab" },
      { scheme: "FREE", value: "Al Shabaab" },
    ]);
    const names = new Set(allRows.flatMap((row) => [row.actor1!, row.actor2!, ...`${row.assoc_actor_1};${row.assoc_actor_2}`.split(";").map((name) => name.trim())]).filter(Boolean));
    expect(await db.$count(aliases, eq(aliases.scheme, "ACLED"))).toBe(names.size);
    expect(first.actors!.resolutions.filter((resolution) => resolution.outcome === "created")).toHaveLength(names.size);
  });

  it("reads the export tool's dates written as \"01 November 2024\"", async () => {
    const rows = await database.handles.incidents.db
      .select({ id: incidents.id, type: incidents.type, startOn: incidents.startOn, country: incidents.country })
      .from(incidents)
      .where(sql`${incidents.id} in ('acled:PSE62716', 'acled:YEM93235')`)
      .orderBy(incidents.id);
    expect(rows).toEqual([
      { id: "acled:PSE62716", type: "OTHER", startOn: "2024-11-01", country: "PSE" },
      { id: "acled:YEM93235", type: "PROTEST", startOn: "2024-11-01", country: "YEM" },
    ]);
    const associate = await database.handles.incidents.db
      .select({ actorId: participants.actorId })
      .from(participants)
      .where(and(eq(participants.incidentId, "acled:YEM93235"), eq(participants.role, "ASSOCIATE")));
    expect(associate).toEqual([{ actorId: "acled:government-of-yemen-2017-houthi" }]);
  });

  it("changes nothing when the same files are imported again", async () => {
    const before = await countRows(database.handles);
    const again = await importFiles(database.handles, "acled", [ACLED_SOMALIA, ACLED_EXPORT_TOOL]);
    expect(again.entities).toEqual({
      incidents: { inserted: 0, updated: 0, unchanged: allRows.length, rejected: 0 },
      sources: { inserted: 0, updated: 0, unchanged: first.entities.sources!.inserted, rejected: 0 },
    });
    expect(again.actors!.resolutions.every((resolution) => resolution.outcome === "alias")).toBe(true);
    expect(await countRows(database.handles)).toEqual(before);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("ACLED import on postgres"));
