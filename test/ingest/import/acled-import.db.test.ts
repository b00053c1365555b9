// ACLED files imported as the CLI imports them, and checked against the files themselves:
// counts per event type, fatalities, each row's ACLED fields, actors, and a second import
// that changes nothing. Counts are computed from the CSV independently of the import. The
// checks run on the project's made-up fixtures always (with single rows checked for every
// mapping rule), and on the real ACLED samples where they are found (see shared-data.ts).
import { parseAcledActorName } from "../../../ingest/formats/acled/acled-actor-names.js";
import { and, count, eq, inArray, sql, sum } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actors, aliases } from "../../../services/actors/data/tables.js";
import { incidentSources, incidents, participants, places } from "../../../services/incidents/data/tables.js";
import { sources } from "../../../services/statements/data/tables.js";
import type { ImportSummary } from "../../../ingest/import/import-summary.js";
import { type DocumentTestDatabase, sharedDatabase } from "../documents/support/databases.js";
import { countRows } from "../documents/support/row-counts.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { describeRealSamples } from "../../support/real-samples.js";
import { realSample } from "../../../scripts/harness/shared-data.js";
import { importFiles } from "./support/import-runs.js";
import { ACLED_EXPORT_TOOL_FIXTURE, ACLED_FIXTURE, type CsvRecord, REAL_ACLED_EXPORT_TOOL, REAL_ACLED_SOMALIA, readAcled } from "./support/sample-files.js";

interface AcledImport {
  database: DocumentTestDatabase;
  first: ImportSummary;
  rows: CsvRecord[];
}

function tally<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/**
 * Imports `files` once per backend and checks the import against the files; `specific` adds
 * the checks of single rows that only these files have. Files are named in a hook, so a
 * suite that is skipped never reads them.
 */
function describeAcledImport(title: string, files: () => string[], specific: (imported: () => AcledImport) => void): void {
  describe.each(BACKENDS)(`${title} on $name`, (backend) => {
    let imported: AcledImport;
    beforeAll(async () => {
      const database = await sharedDatabase(backend);
      const paths = files();
      imported = { database, first: await importFiles(database.handles, "acled", paths), rows: paths.flatMap(readAcled) };
    });
    afterAll(() => imported?.database.dispose());

    it("inserts one incident per row of the files", async () => {
      const { database, first, rows } = imported;
      expect(first.rows.read).toBe(rows.length);
      expect(first.entities.incidents).toEqual({ inserted: rows.length, updated: 0, unchanged: 0, rejected: 0 });
      expect(await database.handles.incidents.db.$count(incidents, eq(incidents.dataset, "ACLED"))).toBe(rows.length);
    });

    it("keeps ACLED's event types beside ours, with as many incidents of each as the files have rows", async () => {
      const stored = await imported.database.handles.incidents.db
        .select({ eventType: incidents.acledEventType, count: count() })
        .from(incidents)
        .groupBy(incidents.acledEventType);
      expect(Object.fromEntries(stored.map((row) => [row.eventType, row.count]))).toEqual(tally(imported.rows, (row) => row.event_type!));
    });

    it("maps event and sub-event types to incident types", async () => {
      const expectedType = (row: CsvRecord) =>
        ({ Arrests: "ARREST", Agreement: "AGREEMENT", "Abduction/forced disappearance": "CAPTURE" })[row.sub_event_type!] ??
        {
          Battles: "ARMED_CLASH",
          "Explosions/Remote violence": "REMOTE_VIOLENCE",
          "Violence against civilians": "ATTACK",
          Protests: "PROTEST",
          Riots: "RIOT",
          "Strategic developments": "OTHER",
        }[row.event_type!]!;
      const stored = await imported.database.handles.incidents.db.select({ type: incidents.type, count: count() }).from(incidents).groupBy(incidents.type);
      expect(Object.fromEntries(stored.map((row) => [row.type, row.count]))).toEqual(tally(imported.rows, expectedType));
    });

    it("stores the fatalities of each event type as the files give them", async () => {
      const stored = await imported.database.handles.incidents.db
        .select({ eventType: incidents.acledEventType, fatalities: sum(incidents.fatalitiesBest).mapWith(Number) })
        .from(incidents)
        .groupBy(incidents.acledEventType);
      const expected: Record<string, number> = {};
      for (const row of imported.rows) expected[row.event_type!] = (expected[row.event_type!] ?? 0) + Number(row.fatalities);
      expect(Object.fromEntries(stored.map((row) => [row.eventType, row.fatalities]))).toEqual(expected);
    });

    it("keeps each event's ACLED timestamp, time precision, tags, interaction and civilian targeting as the file gives them", async () => {
      const { rows } = imported;
      const stored = await imported.database.handles.incidents.db
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
      for (const row of rows) {
        expect(byId.get(`acled:${row.event_id_cnty}`)).toEqual({
          sourceVersion: Number(row.timestamp),
          timePrecision: Number(row.time_precision),
          tags: row
            .tags!.split(";")
            .map((tag) => tag.trim())
            .filter(Boolean),
          acledInteraction: row.interaction || null,
          civilianTargeting: row.civilian_targeting === "Civilian targeting",
        });
      }
      // The files do hold both kinds of each, so the comparison above could fail.
      expect(stored.filter((row) => row.civilianTargeting).length).toBe(rows.filter((row) => row.civilian_targeting).length);
      expect(rows.filter((row) => row.civilian_targeting).length).toBeGreaterThan(0);
      expect(stored.filter((row) => row.tags!.length > 0).length).toBeGreaterThan(0);
      expect(stored.filter((row) => row.timePrecision === 2)).toHaveLength(rows.filter((row) => row.time_precision === "2").length);
    });

    it("creates one actor with an ACLED alias per name the files give", async () => {
      const { database, first, rows } = imported;
      const given = rows
        .flatMap((row) => [row.actor1!, row.actor2!, ...`${row.assoc_actor_1};${row.assoc_actor_2}`.split(";").map((name) => name.trim())])
        .filter(Boolean);
      // Issue 18: a unit's name names its force too ("Government of Yemen (2017-) Houthi"), which gets an alias of its own.
      const names = new Set([...given, ...given.flatMap((name) => parseAcledActorName(name).parent ?? [])]);
      expect(await database.handles.actors.db.$count(aliases, eq(aliases.scheme, "ACLED"))).toBe(names.size);
      // Issue 18: a state force of the period in force is the actor of its CAMEO code (a crosswalk), not one of its own.
      const acledResolutions = first.actors!.resolutions.filter((resolution) => resolution.scheme === "ACLED");
      expect(acledResolutions.filter((resolution) => resolution.outcome === "created" || resolution.outcome === "crosswalk")).toHaveLength(names.size);
    });

    specific(() => imported);

    it("changes nothing when the same files are imported again", async () => {
      const { database, first, rows } = imported;
      const before = await countRows(database.handles);
      const again = await importFiles(database.handles, "acled", files());
      expect(again.entities).toEqual({
        incidents: { inserted: 0, updated: 0, unchanged: rows.length, rejected: 0 },
        sources: { inserted: 0, updated: 0, unchanged: first.entities.sources!.inserted, rejected: 0 },
      });
      expect(again.actors!.resolutions.every((resolution) => resolution.outcome === "alias")).toBe(true);
      expect(await countRows(database.handles)).toEqual(before);
    });
  });
}

describeAcledImport(
  "importing the ACLED fixtures",
  () => [ACLED_FIXTURE, ACLED_EXPORT_TOOL_FIXTURE],
  (imported) => {
    it("imports FIX1001, an armed clash, with its place, actors, quoted notes and sources", async () => {
      const { database } = imported();
      const db = database.handles.incidents.db;
      const [incident] = await db.select().from(incidents).where(eq(incidents.id, "acled:FIX1001"));
      expect(incident).toMatchObject({
        type: "ARMED_CLASH",
        title: "Armed clash in Lille Vik: Military Forces of Norland (2020-) vs Red Fjord Rebels",
        summary:
          'On 4 March 2025, Norland military forces, backed by police, clashed with Red Fjord Rebels near Lille Vik (Vestbygd, Nordland). Two rebels were killed, "according to the harbour master".',
        startOn: "2025-03-04",
        startPrecision: "DAY",
        status: "REPORTED",
        fatalitiesBest: 2,
        acledDisorderType: "Political violence",
        acledEventType: "Battles",
        acledSubEventType: "Armed clash",
        country: "NOR",
        admin1: "Nordland",
        latitude: 67.2801,
        longitude: 14.4049,
      });
      expect(await db.select().from(places).where(eq(places.incidentId, "acled:FIX1001"))).toEqual([
        {
          id: "acled:FIX1001.lille-vik",
          incidentId: "acled:FIX1001",
          name: "Lille Vik",
          admin1: "Nordland",
          admin2: "Vestbygd",
          admin3: "Lille Vik",
          country: "NOR",
          latitude: 67.2801,
          longitude: 14.4049,
          geoPrecision: 1,
          isPrimary: true,
          isDisputed: false,
          sourceId: "acled:FIX1001.record",
          note: null,
        },
      ]);
      const roles = await db
        .select({ actorId: participants.actorId, role: participants.role })
        .from(participants)
        .where(eq(participants.incidentId, "acled:FIX1001"))
        .orderBy(participants.role, participants.actorId);
      expect(roles).toEqual([
        { actorId: "acled:harbour-guard-volunteers", role: "ASSOCIATE" },
        { actorId: "acled:police-forces-of-norland-2020", role: "ASSOCIATE" },
        { actorId: "acled:military-forces-of-norland-2020", role: "SIDE_A" },
        { actorId: "acled:red-fjord-rebels", role: "SIDE_B" },
      ]);
      const cited = await db.select({ sourceId: incidentSources.sourceId }).from(incidentSources).where(eq(incidentSources.incidentId, "acled:FIX1001"));
      expect(cited.map((row) => row.sourceId).sort()).toEqual(["acled:FIX1001.record", "acled:source-fjord-post", "acled:source-northern-wire"]);
      const [record] = await database.handles.statements.db.select().from(sources).where(eq(sources.id, "acled:FIX1001.record"));
      expect(record).toMatchObject({
        kind: "DATASET_RECORD",
        title: "ACLED event FIX1001",
        publisher: "ACLED",
        publishedOn: "2025-03-07",
        retrievedAt: new Date(1741305600 * 1000),
      });
    });

    it("gives each event and sub-event type its incident type, whatever the date style", async () => {
      const stored = await imported().database.handles.incidents.db.select({ id: incidents.id, type: incidents.type }).from(incidents).orderBy(incidents.id);
      expect(Object.fromEntries(stored.map((row) => [row.id.slice("acled:".length), row.type]))).toEqual({
        FIX1001: "ARMED_CLASH",
        FIX1002: "REMOTE_VIOLENCE",
        FIX1003: "CAPTURE", // Violence against civilians, but Abduction/forced disappearance
        FIX1004: "ATTACK",
        FIX1005: "PROTEST",
        FIX1006: "RIOT",
        FIX1007: "ARREST", // Strategic developments: Arrests
        FIX1008: "AGREEMENT", // Strategic developments: Agreement
        FIX1009: "OTHER",
        FIX1010: "ARMED_CLASH",
        FIX2001: "OTHER",
        FIX2002: "PROTEST",
        FIX2003: "RIOT",
      });
    });

    it("dates a week-precise event WEEK on ACLED's day and a month-precise one on the first of its month, and reads the export tool's dates", async () => {
      const stored = await imported()
        .database.handles.incidents.db.select({
          id: incidents.id,
          startOn: incidents.startOn,
          startPrecision: incidents.startPrecision,
          timePrecision: incidents.timePrecision,
        })
        .from(incidents)
        .where(inArray(incidents.id, ["acled:FIX1002", "acled:FIX1003", "acled:FIX2001", "acled:FIX2002", "acled:FIX2003"]))
        .orderBy(incidents.id);
      expect(stored).toEqual([
        { id: "acled:FIX1002", startOn: "2025-03-09", startPrecision: "WEEK", timePrecision: 2 },
        { id: "acled:FIX1003", startOn: "2025-03-01", startPrecision: "MONTH", timePrecision: 3 },
        { id: "acled:FIX2001", startOn: "2024-11-01", startPrecision: "DAY", timePrecision: 1 }, // "01 November 2024"
        { id: "acled:FIX2002", startOn: "2024-11-01", startPrecision: "DAY", timePrecision: 1 },
        { id: "acled:FIX2003", startOn: "2024-11-07", startPrecision: "DAY", timePrecision: 1 }, // "7 Nov 2024"
      ]);
    });

    it("gives actors a kind from inter1/inter2 (text or the old numeric codes), from ACLED's naming for governments and associated actors", async () => {
      const stored = await imported()
        .database.handles.actors.db.select({ id: actors.id, kind: actors.kind, name: actors.name })
        .from(actors)
        .orderBy(actors.id);
      expect(Object.fromEntries(stored.map((actor) => [actor.name, actor.kind]))).toEqual({
        "Military Forces of Norland (2020-)": "ARMED_FORCE", // State forces
        "Police Forces of Norland (2020-)": "ARMED_FORCE", // associated first: by its name
        "Harbour Guard Volunteers": "POPULATION_GROUP", // associated, a name of no known pattern
        "Red Fjord Rebels": "ARMED_GROUP", // Rebel group
        "Civilians (Norway)": "POPULATION_GROUP", // Civilians
        "Stone Valley Clan Militia (Norway)": "ARMED_GROUP", // Identity militia
        "Teachers (Norway)": "POPULATION_GROUP",
        "Unidentified Armed Group (Norway)": "ARMED_GROUP", // Political militia
        "Protesters (Norway)": "POPULATION_GROUP", // Protesters
        "Fishers (Norway)": "POPULATION_GROUP",
        "Green Coast Party": "ORGANIZATION", // associated: a party by its name
        "Rioters (Norway)": "POPULATION_GROUP", // Rioters
        "Government of Norland (2020-)": "GOVERNMENT_BODY", // a government, though inter1 says State forces
        "Former Government of Norland (2015-2020)": "GOVERNMENT_BODY",
        "Black Pine Militia": "ARMED_GROUP", // inter1 3, an older export's code
        "Coastal Defence Volunteers": "ARMED_FORCE", // External/Other forces
        "Salt Marsh Raiders (Iceland)": "ARMED_GROUP",
        "Civilians (Iceland)": "POPULATION_GROUP",
        "Protesters (Iceland)": "POPULATION_GROUP",
        "Government of Iceland (2024-) Harbour Council": "GOVERNMENT_BODY", // associated: a government by its name
        "Government of Iceland": "GOVERNMENT_BODY", // issue 18: CAMEO ISLGOV, which the council's "Government of Iceland (2024-)" is by the crosswalk
        "Rioters (Iceland)": "POPULATION_GROUP",
      });
      expect(stored.find((actor) => actor.name === "Red Fjord Rebels")!.id).toBe("acled:red-fjord-rebels");
      const rebels = await imported()
        .database.handles.actors.db.select({ scheme: aliases.scheme, value: aliases.value })
        .from(aliases)
        .where(eq(aliases.actorId, "acled:red-fjord-rebels"))
        .orderBy(aliases.scheme);
      expect(rebels).toEqual([
        { scheme: "ACLED", value: "Red Fjord Rebels" },
        { scheme: "FREE", value: "Red Fjord Rebels" },
      ]);
    });

    it("leaves out a missing actor2 and notes, and a country for ISO code 0; reads UTF-8 names", async () => {
      const db = imported().database.handles.incidents.db;
      const roles = await db
        .select({ incidentId: participants.incidentId, role: participants.role })
        .from(participants)
        .where(inArray(participants.incidentId, ["acled:FIX1005", "acled:FIX1009"]))
        .orderBy(participants.incidentId, participants.role);
      expect(roles).toEqual([
        { incidentId: "acled:FIX1005", role: "ASSOCIATE" },
        { incidentId: "acled:FIX1005", role: "ASSOCIATE" },
        { incidentId: "acled:FIX1005", role: "SIDE_A" },
        { incidentId: "acled:FIX1009", role: "SIDE_A" },
      ]);
      const [protest] = await db.select({ summary: incidents.summary, title: incidents.title }).from(incidents).where(eq(incidents.id, "acled:FIX1005"));
      expect(protest).toEqual({ summary: null, title: "Peaceful protest in Lille Vik: Protesters (Norway)" });
      const placesOf = await db
        .select({ id: places.id, name: places.name, admin1: places.admin1, country: places.country, geoPrecision: places.geoPrecision })
        .from(places)
        .where(inArray(places.incidentId, ["acled:FIX1008", "acled:FIX1009", "acled:FIX1010"]))
        .orderBy(places.id);
      expect(placesOf).toEqual([
        { id: "acled:FIX1008.hvalvik", name: "Hvalvik", admin1: "Westfjords", country: "ISL", geoPrecision: 1 },
        { id: "acled:FIX1009.drift-island", name: "Drift Island", admin1: null, country: null, geoPrecision: 2 },
        { id: expect.stringMatching(/^acled:FIX1010\./), name: "Øyfjord", admin1: "Troms", country: "NOR", geoPrecision: 1 },
      ]);
    });

    it("makes one source of an outlet that several events cite", async () => {
      const { database } = imported();
      const citing = await database.handles.incidents.db
        .select({ incidentId: incidentSources.incidentId })
        .from(incidentSources)
        .where(eq(incidentSources.sourceId, "acled:source-fjord-post"))
        .orderBy(incidentSources.incidentId);
      expect(citing.map((row) => row.incidentId)).toEqual([
        "acled:FIX1001",
        "acled:FIX1003",
        "acled:FIX1004",
        "acled:FIX1005",
        "acled:FIX1007",
        "acled:FIX1008",
      ]);
      const [outlet] = await database.handles.statements.db.select().from(sources).where(eq(sources.id, "acled:source-fjord-post"));
      expect(outlet).toMatchObject({ kind: "ARTICLE", title: "Fjord Post", publisher: "Fjord Post", url: null });
    });
  },
);

describeRealSamples("the real ACLED samples", () => {
  describeAcledImport(
    "importing the real ACLED samples",
    () => [realSample(REAL_ACLED_SOMALIA), realSample(REAL_ACLED_EXPORT_TOOL)],
    (imported) => {
      it("has the fatalities the samples add up to", async () => {
        const [total] = await imported()
          .database.handles.incidents.db.select({ fatalities: sum(incidents.fatalitiesBest).mapWith(Number) })
          .from(incidents);
        expect(total!.fatalities).toBe(8687);
      });

      it("imports SOM49639, a US airstrike, with its place, actors and sources", async () => {
        const { database } = imported();
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
          // Issue 18: the state forces of the period in force are the actors of their CAMEO codes.
          { actorId: "gdelt:sommil", role: "ASSOCIATE" },
          { actorId: "gdelt:usamil", role: "SIDE_A" },
          { actorId: "acled:islamic-state-somalia-province", role: "SIDE_B" },
        ]);
        const cited = await db.select({ sourceId: incidentSources.sourceId }).from(incidentSources).where(eq(incidentSources.incidentId, "acled:SOM49639"));
        expect(cited.map((row) => row.sourceId).sort()).toEqual(
          [
            "acled:SOM49639.record",
            ...[
              "africom",
              "caasimada",
              "hiiraan-somalia",
              "horseed-media",
              "puntland-post",
              "radio-kulmiye",
              "shabelle-media-network",
              "somali-news-agency",
            ].map((slug) => `acled:source-${slug}`),
          ].sort(),
        );
        const [record] = await database.handles.statements.db.select().from(sources).where(eq(sources.id, "acled:SOM49639.record"));
        expect(record).toMatchObject({
          kind: "DATASET_RECORD",
          title: "ACLED event SOM49639",
          publisher: "ACLED",
          publishedOn: "2025-10-06",
          retrievedAt: new Date(1759790065 * 1000),
        });
      });

      it("creates ACLED actors with their alias and a kind from inter1/inter2 and ACLED's naming", async () => {
        const db = imported().database.handles.actors.db;
        const kinds = await db
          .select({ id: actors.id, kind: actors.kind, name: actors.name })
          .from(actors)
          .where(
            sql`${actors.id} in ('gdelt:usamil', 'acled:islamic-state-somalia-province', 'acled:civilians-somalia', 'acled:government-of-yemen-2017-houthi', 'acled:taxi-drivers-somalia', 'acled:hawiye-abgal-sub-clan-militia-somalia')`,
          )
          .orderBy(actors.id);
        expect(kinds).toEqual([
          { id: "acled:civilians-somalia", kind: "POPULATION_GROUP", name: "Civilians (Somalia)" },
          { id: "acled:government-of-yemen-2017-houthi", kind: "GOVERNMENT_BODY", name: "Government of Yemen (2017-) Houthi" },
          { id: "acled:hawiye-abgal-sub-clan-militia-somalia", kind: "ARMED_GROUP", name: "Hawiye-Abgal Sub-Clan Militia (Somalia)" },
          { id: "acled:islamic-state-somalia-province", kind: "ARMED_GROUP", name: "Islamic State Somalia Province" },
          { id: "acled:taxi-drivers-somalia", kind: "POPULATION_GROUP", name: "Taxi Drivers (Somalia)" },
          // Issue 18: "Military Forces of the United States (2025-)" is CAMEO USAMIL, named from the codebook.
          { id: "gdelt:usamil", kind: "ARMED_FORCE", name: "Military of the United States" },
        ]);
        const alShabaab = await db
          .select({ scheme: aliases.scheme, value: aliases.value })
          .from(aliases)
          .where(eq(aliases.actorId, "acled:al-shabaab"))
          .orderBy(aliases.scheme);
        expect(alShabaab).toEqual([
          { scheme: "ACLED", value: "Al Shabaab" },
          { scheme: "FREE", value: "Al Shabaab" },
        ]);
      });

      it('reads the export tool\'s dates written as "01 November 2024"', async () => {
        const db = imported().database.handles.incidents.db;
        const rows = await db
          .select({ id: incidents.id, type: incidents.type, startOn: incidents.startOn, country: incidents.country })
          .from(incidents)
          .where(sql`${incidents.id} in ('acled:PSE62716', 'acled:YEM93235')`)
          .orderBy(incidents.id);
        expect(rows).toEqual([
          { id: "acled:PSE62716", type: "OTHER", startOn: "2024-11-01", country: "PSE" },
          { id: "acled:YEM93235", type: "PROTEST", startOn: "2024-11-01", country: "YEM" },
        ]);
        const associate = await db
          .select({ actorId: participants.actorId })
          .from(participants)
          .where(and(eq(participants.incidentId, "acled:YEM93235"), eq(participants.role, "ASSOCIATE")));
        expect(associate).toEqual([{ actorId: "acled:government-of-yemen-2017-houthi" }]);
      });
    },
  );
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("ACLED import on postgres"));
