// GDELT 2.0 events (61 tab-separated columns, no header) → statements and incidents.
// Verbal events become statements by Actor1 addressed to Actor2, material events incidents
// with Actor1 and Actor2 as participants; SOURCEURL becomes an ARTICLE source and the action
// geography the incident's place or the statement's place columns. GDELT's measures (Goldstein scale, average tone, mention,
// source and article counts), its CAMEO event code and DATEADDED are kept in columns of the
// statement or incident (DATEADDED is also the article source's retrievedAt); the event date
// (SQLDATE) is the statement's or incident's date.
import { isIsoDate } from "../../../services/kit/schema/iso-date.js";
import type { PlaceRow } from "../../../services/incidents/writes/incident-rows.js";
import type { SourceRow } from "../../../services/statements/writes/statement-rows.js";
import { alpha3FromFips } from "../../import/country-codes.js";
import type { RecordEntity } from "../../import/dataset-format.js";
import { articleSourceId, hostOf, placeIdFor, recordId } from "../../import/dataset-ids.js";
import type { ActorMention, DatasetRecord, ParticipantRole } from "../../import/dataset-record.js";
import type { DelimitedRow } from "../../import/delimited-records.js";
import { RowError } from "../../import/import-errors.js";
import { mapFields, quote, type RowFields } from "../../import/row-fields.js";
import { asWritten, cameoEntity } from "./cameo-actors.js";
import { CAMEO_ROOT_NAMES, cameoActorKind, incidentTypeOfCameo, isStatement } from "./cameo.js";
import { GDELT_COLUMN_INDEX, GDELT_COLUMNS } from "./gdelt-columns.js";

export const GDELT_DATASET = "GDELT";
export const SKIPPED_WITHOUT_SPEAKER = "verbal events without Actor1 (a statement needs a speaker)";

/** What a row, even an invalid one, was meant to become: its QuadClass and root code say. */
export function gdeltEntityOf(row: DelimitedRow): RecordEntity {
  const quadClass = Number(row.fields[GDELT_COLUMN_INDEX.get("QuadClass")!]);
  const rootCode = row.fields[GDELT_COLUMN_INDEX.get("EventRootCode")!] ?? "";
  return isStatement(quadClass, rootCode) ? "statements" : "incidents";
}

export function mapGdeltRow(values: string[]): DatasetRecord {
  if (values.length !== GDELT_COLUMNS.length) {
    throw new RowError(undefined, `has ${values.length} tab-separated fields; a GDELT 2.0 event has ${GDELT_COLUMNS.length}`);
  }
  return mapFields(values, GDELT_COLUMN_INDEX, mapGdeltFields);
}

function mapGdeltFields(fields: RowFields): DatasetRecord {
  const id = recordId("gdelt", "GLOBALEVENTID", String(fields.integer("GLOBALEVENTID", { min: 1 })));
  const date = compactDate("SQLDATE", fields.text("SQLDATE"));
  const eventCode = fields.text("EventCode");
  if (!/^\d{3,4}$/.test(eventCode))
    throw new RowError("EventCode", `must be a CAMEO event code of 3 or 4 digits such as 040 or 0841 (got ${quote(eventCode)})`);
  const rootCode = fields.text("EventRootCode");
  const rootName = CAMEO_ROOT_NAMES.get(rootCode);
  if (!rootName || !eventCode.startsWith(rootCode)) {
    throw new RowError("EventRootCode", `must be the CAMEO root (01 to 20) of EventCode ${eventCode} (got ${quote(rootCode)})`);
  }
  const quadClass = fields.integer("QuadClass", { min: 1, max: 4 });
  const figures = measures(fields);
  const dateAdded = timestamp("DATEADDED", fields.text("DATEADDED"));
  const source = articleSource(fields.text("SOURCEURL"), dateAdded);
  const actor1 = actorOf(fields, "Actor1");
  const actor2 = actorOf(fields, "Actor2");
  // The label keeps the text GDELT matched ("GERMAN"), as its events are read.
  const mentioned = [actor1 && textOf(fields, "Actor1"), actor2 && textOf(fields, "Actor2")].filter(Boolean);
  const label = `${mentioned.join(" → ")}${mentioned.length > 0 ? ": " : ""}CAMEO ${eventCode} (${rootName})`;
  const geography = actionGeography(fields);

  if (isStatement(quadClass, rootCode)) {
    if (!actor1) return { kind: "skipped", reason: SKIPPED_WITHOUT_SPEAKER };
    return {
      kind: "statement",
      statement: {
        row: {
          id,
          onBehalfOfId: null,
          saidOn: date,
          saidPrecision: "DAY",
          venue: null,
          modality: "PARAPHRASE",
          text: label,
          language: "en",
          sourceId: source.id,
          respondsToId: null,
          cameoCode: eventCode,
          ...figures,
          dateAdded,
          ...statementPlaceColumns(geography),
        },
        speaker: actor1.mention,
        addressee: actor2?.mention ?? null,
        speakerAsWritten: actor1.asWritten,
        addresseeAsWritten: actor2?.asWritten ?? null,
      },
      sharedSources: [source],
    };
  }
  // Material conflict has a doer and a done-to; material cooperation two sides.
  const [role1, role2]: ParticipantRole[] = quadClass === 4 ? ["PERPETRATOR", "TARGET"] : ["SIDE_A", "SIDE_B"];
  return {
    kind: "incident",
    incident: {
      row: {
        id,
        type: incidentTypeOfCameo(eventCode),
        title: label,
        summary: null,
        startOn: date,
        startPrecision: "DAY",
        endOn: null,
        endPrecision: null,
        status: "REPORTED",
        fatalitiesLow: null,
        fatalitiesBest: null,
        fatalitiesHigh: null,
        dataset: GDELT_DATASET,
        acledDisorderType: null,
        acledEventType: null,
        acledSubEventType: null,
        cameoCode: eventCode,
        ...figures,
        dateAdded,
      },
      place: geography && actionPlace(geography, id, source.id),
      // An actor that names no single entity takes part as the title writes it, not as a participant.
      participants: [
        ...(actor1?.mention ? [{ actor: actor1.mention, role: role1! }] : []),
        ...(actor2?.mention ? [{ actor: actor2.mention, role: role2! }] : []),
      ],
      sourceIds: [source.id],
    },
    sharedSources: [source],
    recordSource: null,
    version: null,
  };
}

interface Measures {
  goldsteinScale: number;
  avgTone: number;
  numMentions: number;
  numSources: number;
  numArticles: number;
}

function measures(fields: RowFields): Measures {
  return {
    goldsteinScale: fields.number("GoldsteinScale", { min: -10, max: 10 }),
    avgTone: fields.number("AvgTone", { min: -100, max: 100 }),
    numMentions: fields.integer("NumMentions", { min: 0 }),
    numSources: fields.integer("NumSources", { min: 0 }),
    numArticles: fields.integer("NumArticles", { min: 0 }),
  };
}

/** The text GDELT matched for an actor ("UNITED KINGDOM", "BRITISH"), else its code. */
function textOf(fields: RowFields, prefix: "Actor1" | "Actor2"): string {
  return fields.optionalText(`${prefix}Name`) ?? fields.text(`${prefix}Code`);
}

/** An actor of the row: the entity its CAMEO codes denote, or, for codes that name no single entity, how the row wrote it. */
type RowActor = { mention: ActorMention; asWritten: null } | { mention: null; asWritten: string };

function actorOf(fields: RowFields, prefix: "Actor1" | "Actor2"): RowActor | null {
  const code = fields.optionalText(`${prefix}Code`);
  if (code === null) return null;
  const parts = {
    code,
    words: fields.optionalText(`${prefix}Name`),
    countryCode: fields.optionalText(`${prefix}CountryCode`),
    knownGroupCode: fields.optionalText(`${prefix}KnownGroupCode`),
    ethnicCode: fields.optionalText(`${prefix}EthnicCode`),
    religionCodes: [fields.optionalText(`${prefix}Religion1Code`), fields.optionalText(`${prefix}Religion2Code`)].filter((value) => value !== null),
    typeCodes: [fields.optionalText(`${prefix}Type1Code`), fields.optionalText(`${prefix}Type2Code`), fields.optionalText(`${prefix}Type3Code`)].filter(
      (value) => value !== null,
    ),
  };
  const entity = cameoEntity(parts);
  if (entity === null) return { mention: null, asWritten: asWritten(parts) };
  const { kind, isStated } = cameoActorKind({
    code,
    countryCode: parts.countryCode,
    knownGroupCode: parts.knownGroupCode,
    typeCode: parts.typeCodes[0] ?? null,
    isCountry: entity.country !== null,
  });
  return {
    mention: {
      scheme: "CAMEO",
      value: code,
      name: entity.name,
      kind,
      kindIsStated: isStated,
      country: entity.country,
      ...(parts.words ? { words: parts.words } : {}),
    },
    asWritten: null,
  };
}

function articleSource(urlOrName: string, dateAdded: Date): SourceRow {
  const host = hostOf(urlOrName);
  return {
    id: articleSourceId(urlOrName),
    kind: "ARTICLE",
    title: urlOrName,
    url: host ? urlOrName : null,
    publisher: host ?? urlOrName,
    publishedOn: null,
    publishedPrecision: null,
    retrievedAt: dateAdded,
  };
}

/** Where GDELT placed an event (its ActionGeo columns), read once for an incident's place or a statement's. */
interface ActionGeography {
  name: string;
  fullName: string;
  admin1: string | null;
  adm1Code: string | null;
  /** ISO 3166-1 alpha-3, from GDELT's FIPS 10-4 code. */
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  featureId: string | null;
  geoType: number;
}

/**
 * GDELT's full names run from the place to its country ("Berlin, Berlin, Germany"); the
 * first part names the place, the parts between are its first-level area, which may contain
 * a comma of its own ("Edinburgh, Edinburgh, City of, United Kingdom").
 */
function actionGeography(fields: RowFields): ActionGeography | null {
  const geoType = fields.optionalInteger("ActionGeo_Type", { min: 0, max: 5 });
  const fullName = fields.optionalText("ActionGeo_FullName");
  if (!geoType || fullName === null) return null;
  const parts = fullName.split(", ");
  const name = parts[0]!;
  // Countries (1) have no area; US states (2) and world states (5) are areas themselves.
  const admin1 = geoType === 1 ? null : geoType === 2 || geoType === 5 ? name : parts.slice(1, -1).join(", ") || null;
  const fips = fields.optionalText("ActionGeo_CountryCode");
  return {
    name,
    fullName,
    admin1,
    adm1Code: fields.optionalText("ActionGeo_ADM1Code"),
    country: fips === null ? null : (alpha3FromFips(fips) ?? null),
    latitude: fields.optionalNumber("ActionGeo_Lat", { min: -90, max: 90 }),
    longitude: fields.optionalNumber("ActionGeo_Long", { min: -180, max: 180 }),
    featureId: fields.optionalText("ActionGeo_FeatureID"),
    geoType,
  };
}

function actionPlace(geography: ActionGeography, incidentId: string, sourceId: string): PlaceRow {
  const { name, fullName } = geography;
  return {
    id: placeIdFor(incidentId, name),
    incidentId,
    name,
    admin1: geography.admin1,
    admin2: null,
    admin3: null,
    country: geography.country,
    latitude: geography.latitude,
    longitude: geography.longitude,
    geoPrecision: geography.geoType,
    isPrimary: true,
    isDisputed: false,
    sourceId,
    note: fullName === name ? null : fullName,
  };
}

function statementPlaceColumns(geography: ActionGeography | null) {
  return {
    placeName: geography?.name ?? null,
    placeFullName: geography?.fullName ?? null,
    placeAdmin1: geography?.admin1 ?? null,
    placeAdm1Code: geography?.adm1Code ?? null,
    placeCountry: geography?.country ?? null,
    placeLatitude: geography?.latitude ?? null,
    placeLongitude: geography?.longitude ?? null,
    placeFeatureId: geography?.featureId ?? null,
    placeGeoType: geography?.geoType ?? null,
  };
}

/** "20191024" → "2019-10-24". */
function compactDate(column: string, text: string): string {
  const iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  if (!/^\d{8}$/.test(text)) throw new RowError(column, `must be a date written YYYYMMDD (got ${quote(text)})`);
  if (!isIsoDate(iso)) throw new RowError(column, `is not a real day (got ${quote(text)})`);
  return iso;
}

/** "20191024143000" (UTC) → that moment. */
function timestamp(column: string, text: string): Date {
  if (!/^\d{14}$/.test(text)) throw new RowError(column, `must be a time written YYYYMMDDHHMMSS (got ${quote(text)})`);
  const date = compactDate(column, text.slice(0, 8));
  const [hours, minutes, seconds] = [text.slice(8, 10), text.slice(10, 12), text.slice(12, 14)].map(Number);
  if (hours! > 23 || minutes! > 59 || seconds! > 59) throw new RowError(column, `is not a real time of day (got ${quote(text)})`);
  return new Date(`${date}T${text.slice(8, 10)}:${text.slice(10, 12)}:${text.slice(12, 14)}Z`);
}
