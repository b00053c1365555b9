// The incidents subgraph's part of the Meridian document format: incidents with their places,
// participants and sources. ingest/documents/document.schema.ts composes the whole format.
import { z } from "zod";
import { ASSOCIATED_SIDE_VALUES, INCIDENT_STATUS_VALUES, INCIDENT_TYPE_VALUES, PARTICIPANT_ROLE_VALUES } from "../data/tables.js";
import { actorReference, count, country, fuzzyDate, key, optional, reference, shortText, text } from "../../kit/records/document-fields.js";

const place = z
  .strictObject({
    key: key.optional(),
    name: shortText,
    admin1: optional(shortText),
    admin2: optional(shortText),
    admin3: optional(shortText),
    country: optional(country),
    latitude: optional(z.number().min(-90).max(90)),
    longitude: optional(z.number().min(-180).max(180)),
    geoPrecision: optional(z.int32().positive()),
    primary: z.boolean(),
    disputed: z.boolean().optional(),
    source: optional(reference),
    note: optional(text),
  })
  .meta({
    id: "Place",
    description: 'Where the incident happened, as one source reports it. Without a key its ID is "meridian:<incident>.<slug of name>".',
  });

const participant = z
  .strictObject({
    actor: actorReference,
    role: z.enum(PARTICIPANT_ROLE_VALUES),
    associatedWith: optional(z.enum(ASSOCIATED_SIDE_VALUES).meta({ description: "For an ASSOCIATE, the side it took part alongside." })),
    count: optional(count),
  })
  .superRefine((value, context) => {
    if (value.associatedWith != null && value.role !== "ASSOCIATE") {
      context.addIssue({ code: "custom", path: ["associatedWith"], input: value.associatedWith, message: "is only for participants in the role ASSOCIATE" });
    }
  })
  .meta({ id: "Participant" });

const fatalities = z
  .strictObject({ low: optional(count), best: optional(count), high: optional(count) })
  .superRefine((value, context) => {
    const known = [value.low, value.best, value.high].filter((number): number is number => number != null);
    if (known.some((number, index) => index > 0 && number < known[index - 1]!)) {
      context.addIssue({ code: "custom", path: [], input: value, message: "must satisfy low ≤ best ≤ high" });
    }
  })
  .meta({ id: "Fatalities" });

const incident = z
  .strictObject({
    key,
    type: z.enum(INCIDENT_TYPE_VALUES),
    title: shortText,
    summary: optional(text),
    start: fuzzyDate,
    end: optional(fuzzyDate),
    status: z.enum(INCIDENT_STATUS_VALUES),
    fatalities: optional(fatalities),
    places: z.array(place).optional(),
    participants: z.array(participant).optional(),
    sources: z.array(reference).optional(),
  })
  .superRefine((value, context) => {
    const places = value.places ?? [];
    const primaryCount = places.filter((place) => place.primary).length;
    if (places.length > 0 && primaryCount !== 1) {
      context.addIssue({ code: "custom", path: ["places"], input: value.places, message: `exactly one place must be primary (found ${primaryCount})` });
    }
    if (value.end && value.end.date < value.start.date) {
      context.addIssue({ code: "custom", path: ["end", "date"], input: value.end.date, message: `must not be before start.date ${value.start.date}` });
    }
  })
  .meta({ id: "Incident", description: "Something that happened: a capture, a clash, a recruitment. Stored with dataset MERIDIAN." });

/** The lists of a document that the incidents subgraph writes. */
export const incidentsDocumentLists = z.strictObject({
  incidents: z.array(incident).optional(),
});

export type IncidentsDocumentLists = z.infer<typeof incidentsDocumentLists>;
export type IncidentInput = z.infer<typeof incident>;
export type PlaceInput = z.infer<typeof place>;
