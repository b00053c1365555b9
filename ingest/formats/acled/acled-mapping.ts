// ACLED's CSV export (the current 31 columns, with a header row) → incidents. Each event
// becomes an incident with its place, its actors as participants (actor1 SIDE_A, actor2
// SIDE_B, the semicolon lists assoc_actor_1/2 ASSOCIATE associated with SIDE_A and SIDE_B) and its sources: the ACLED record
// itself (a DATASET_RECORD source) and each outlet of the `source` list. ACLED's own fields
// are kept beside ours: its record version (`timestamp`), time_precision, tags, interaction
// civilian_targeting and source_scale (these four optional: older exports lack them).
import type { SourceRow } from "../../../services/statements/writes/statement-rows.js";
import { alpha3FromIsoNumeric } from "../../import/country-codes.js";
import type { FileMapping } from "../../import/dataset-format.js";
import { placeIdFor, recordId } from "../../import/dataset-ids.js";
import type { DatasetRecord, ActorMention, ParticipantDraft } from "../../import/dataset-record.js";
import type { DelimitedRow } from "../../import/delimited-records.js";
import { InputError, RowError } from "../../import/import-errors.js";
import { mapFields, quote, type RowFields } from "../../import/row-fields.js";
import { acledDate, acledFuzzyDate } from "./acled-dates.js";
import { acledOutletSourceId, acledRecordSourceId } from "./acled-ids.js";
import { acledActorMention } from "./acled-actor-mention.js";
import { ACLED_ACTOR_TYPES, ACLED_EVENT_TYPES, incidentTypeOf, kindOfActorType } from "./acled-taxonomy.js";

/** The columns the import reads; the export's others (year, region, country, interaction, …) may be missing. */
const NEEDED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "iso",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "notes",
  "fatalities",
  "timestamp",
];

export const ACLED_DATASET = "ACLED";

/** A file's rows map by its header, which must have the columns the import reads. */
export function beginAcledFile(file: string, header: DelimitedRow): FileMapping {
  // Older exports write the header in capitals.
  const columns = new Map(header.fields.map((name, index) => [name.trim().toLowerCase(), index]));
  const missing = NEEDED_COLUMNS.filter((name) => !columns.has(name));
  if (missing.length > 0) {
    throw InputError.at(file, header.line, `the header lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (is this an ACLED CSV export?)`);
  }
  return {
    firstRowIsHeader: true,
    mapRow(row) {
      if (row.fields.length !== header.fields.length) {
        throw new RowError(undefined, `has ${row.fields.length} fields where the header has ${header.fields.length}`);
      }
      return mapFields(row.fields, columns, mapAcledRow);
    },
  };
}

function mapAcledRow(fields: RowFields): DatasetRecord {
  const id = recordId("acled", "event_id_cnty", fields.text("event_id_cnty"));
  const eventDate = acledDate("event_date", fields.text("event_date"));
  const start = acledFuzzyDate(eventDate, fields.integer("time_precision", { min: 1, max: 3 }));
  const eventType = fields.text("event_type");
  const subEventType = fields.text("sub_event_type");
  const type = incidentTypeOf(eventType, subEventType);
  if (!type) throw new RowError("event_type", `unknown event type ${quote(eventType)}; ACLED's are ${ACLED_EVENT_TYPES.join(", ")}`);

  const actor1 = namedActor(fields.text("actor1"), fields, "inter1");
  const actor2Name = fields.optionalText("actor2");
  const actor2 = actor2Name === null ? null : namedActor(actor2Name, fields, "inter2");
  const participants: ParticipantDraft[] = [
    { actor: actor1, role: "SIDE_A" },
    ...(actor2 ? [{ actor: actor2, role: "SIDE_B" as const }] : []),
    ...listOf(fields, "assoc_actor_1").map((name) => ({ actor: associatedActor(name), role: "ASSOCIATE" as const, associatedWith: "SIDE_A" as const })),
    ...listOf(fields, "assoc_actor_2").map((name) => ({ actor: associatedActor(name), role: "ASSOCIATE" as const, associatedWith: "SIDE_B" as const })),
  ];

  const location = fields.text("location");
  const isoCode = fields.optionalInteger("iso", { min: 0 });
  const country = isoCode === null ? null : (alpha3FromIsoNumeric(isoCode) ?? null);
  const versionSeconds = fields.integer("timestamp", { min: 0 });
  const version = new Date(versionSeconds * 1000);
  const timePrecision = fields.integer("time_precision", { min: 1, max: 3 });
  const recordSource: SourceRow = {
    id: acledRecordSourceId(id),
    kind: "DATASET_RECORD",
    title: `ACLED event ${id.slice("acled:".length)}`,
    url: null,
    publisher: "ACLED",
    publishedOn: version.toISOString().slice(0, 10),
    publishedPrecision: "DAY",
    retrievedAt: version,
  };
  const outlets = listOf(fields, "source").map(
    (outlet): SourceRow => ({
      id: acledOutletSourceId(outlet),
      kind: "ARTICLE",
      title: outlet,
      url: null,
      publisher: outlet,
      publishedOn: null,
      publishedPrecision: null,
      retrievedAt: null,
    }),
  );
  return {
    kind: "incident",
    incident: {
      row: {
        id,
        type,
        title: `${subEventType} in ${location}: ${actor1.name}${actor2 ? ` vs ${actor2.name}` : ""}`,
        summary: fields.optionalText("notes"),
        startOn: start.date,
        startPrecision: start.precision,
        endOn: null,
        endPrecision: null,
        status: "REPORTED",
        fatalitiesLow: null,
        fatalitiesBest: fields.integer("fatalities", { min: 0 }),
        fatalitiesHigh: null,
        dataset: ACLED_DATASET,
        acledDisorderType: fields.optionalText("disorder_type"),
        acledEventType: eventType,
        acledSubEventType: subEventType,
        cameoCode: null,
        sourceVersion: versionSeconds,
        timePrecision,
        tags: fields.has("tags") ? listOf(fields, "tags") : null,
        acledInteraction: fields.has("interaction") ? fields.optionalText("interaction") : null,
        civilianTargeting: fields.has("civilian_targeting") ? fields.optionalText("civilian_targeting") !== null : null,
        acledSourceScale: fields.has("source_scale") ? fields.optionalText("source_scale") : null,
      },
      place: {
        id: placeIdFor(id, location),
        incidentId: id,
        name: location,
        admin1: fields.optionalText("admin1"),
        admin2: fields.optionalText("admin2"),
        admin3: fields.optionalText("admin3"),
        country,
        latitude: fields.number("latitude", { min: -90, max: 90 }),
        longitude: fields.number("longitude", { min: -180, max: 180 }),
        geoPrecision: fields.optionalInteger("geo_precision", { min: 1 }),
        isPrimary: true,
        isDisputed: false,
        sourceId: recordSource.id,
        note: null,
      },
      participants,
      sourceIds: [recordSource.id, ...outlets.map((outlet) => outlet.id)],
    },
    sharedSources: outlets,
    recordSource,
    version: { incidentId: id, seconds: versionSeconds },
  };
}

function namedActor(name: string, fields: RowFields, typeColumn: string): ActorMention {
  const label = fields.optionalText(typeColumn);
  const actorType = label === null ? undefined : kindOfActorType(label);
  if (label !== null && actorType === undefined) {
    throw new RowError(typeColumn, `unknown actor type ${quote(label)}; ACLED's are ${ACLED_ACTOR_TYPES.join(", ")}`);
  }
  return acledActorMention(name, actorType);
}

function associatedActor(name: string): ActorMention {
  return acledActorMention(name, undefined);
}

/** ACLED's semicolon lists ("AFRICOM; Caasimada; Hiiraan (Somalia)"). */
function listOf(fields: RowFields, column: string): string[] {
  return (fields.optionalText(column) ?? "")
    .split(";")
    .map((item) => item.trim())
    .filter(Boolean);
}
