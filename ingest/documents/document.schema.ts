// The Meridian document format ("meridian/1"): the project's own JSON for actors, statements
// and incidents, used by the seed story and by `import --format meridian`. The published JSON
// Schema (meridian-document.schema.json) is generated from these definitions, so the two
// cannot drift apart; checks JSON Schema cannot express (real calendar days, one primary
// place) are refinements here and the reference checks run after parsing.
import { z } from "zod";
import { normalizeName } from "../../services/kit/records/normalize-name.js";
import {
  ACTOR_KIND_VALUES,
  ALIAS_SCHEME_VALUES,
  RELATION_PREDICATE_VALUES,
} from "../../services/actors/data/tables.js";
import { MAX_INPUT_STRING_LENGTH, characterProblem } from "../../platform/graphql/text-limits.js";
import { isIsoDate } from "../../services/kit/schema/iso-date.js";
import {
  INCIDENT_STATUS_VALUES,
  INCIDENT_TYPE_VALUES,
  PARTICIPANT_ROLE_VALUES,
} from "../../services/incidents/data/tables.js";
import { DATE_PRECISION_VALUES } from "../../services/kit/schema/date-precisions.js";
import {
  MODALITY_VALUES,
  SOURCE_KIND_VALUES,
  STANCE_KIND_VALUES,
} from "../../services/statements/data/tables.js";

export const DOCUMENT_FORMAT = "meridian/1";

export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
// Keys become IDs ("meridian:<key>", places "meridian:<incident>.<place>"), which may be at
// most 200 characters long.
export const MAX_KEY_LENGTH = 90;

// Names, titles, codes and references are short, and several are in btree indexes
// (actors.name, aliases.value, statements.language, incidents.admin1), whose rows hold at most
// 2,704 bytes: 500 UTF-16 code units are at most 1,500 bytes of UTF-8, which leaves room for
// the other columns of the index (an ID is at most 200). Long text (a statement's or claim's
// text, descriptions, summaries, notes) is in no btree index and may be far longer.
export const MAX_NAME_LENGTH = 500;
// sources.url is indexed alone; a URL may use non-ASCII characters of up to 3 bytes each.
export const MAX_URL_LENGTH = 800;
// A name is compared in its normalized form (aliases.normalized_value, indexed too), and NFKD
// can lengthen a name many times over: the one character "ﷺ" becomes 18 letters.
const MAX_NORMALIZED_NAME_BYTES = 2_000;

const count = z.int32().nonnegative();
/** Stored text: no NUL or lone surrogate, which Postgres refuses or the driver silently replaces. */
const storable = (schema: z.ZodString) =>
  schema.superRefine((value, context) => {
    const problem = characterProblem(value);
    if (problem) context.addIssue({ code: "custom", input: value, message: problem });
  });
const text = storable(z.string().trim().min(1, { error: "must not be empty" }).max(MAX_INPUT_STRING_LENGTH, { error: `must be at most ${MAX_INPUT_STRING_LENGTH.toLocaleString("en")} characters` }));
const shortText = storable(z.string().trim().min(1, { error: "must not be empty" }).max(MAX_NAME_LENGTH, { error: `must be at most ${MAX_NAME_LENGTH} characters` }));
/** A name that is also compared normalized (an actor's name, an alias). */
const name = shortText.refine((value) => Buffer.byteLength(normalizeName(value)) <= MAX_NORMALIZED_NAME_BYTES, {
  error: `is too long once normalized for comparison (at most ${MAX_NORMALIZED_NAME_BYTES.toLocaleString("en")} bytes of UTF-8)`,
});

const key = z
  .string()
  .max(MAX_KEY_LENGTH, { error: `must be at most ${MAX_KEY_LENGTH} characters` })
  .regex(KEY_PATTERN, { error: (issue) => `must be a slug: lower-case letters, digits and hyphens, not starting with a hyphen (got ${JSON.stringify(issue.input)})` })
  .meta({
    id: "Key",
    description: "The entity's key, unique among entities of its type in the document; its ID is \"meridian:<key>\".",
  });

const reference = storable(z.string())
  .min(1, { error: "must not be empty" })
  .max(MAX_NAME_LENGTH, { error: `must be at most ${MAX_NAME_LENGTH} characters` })
  .meta({
    id: "Reference",
    description: "Another entity: its key in this document or in the database, or its full ID (\"acled:...\").",
  });

const actorReference = storable(z.string())
  .min(1, { error: "must not be empty" })
  .max(MAX_NAME_LENGTH, { error: `must be at most ${MAX_NAME_LENGTH} characters` })
  .meta({
    id: "ActorReference",
    description: "An actor: its key or full ID, or the exact name or an alias of an actor in this document.",
  });

const day = z
  .string()
  .refine(isIsoDate, { error: (issue) => `must be a real day written YYYY-MM-DD (got ${JSON.stringify(issue.input)})` })
  .meta({ id: "Day", format: "date", description: "A calendar day, YYYY-MM-DD." });

// Statements and incidents store the same precisions; one definition serves both.
const fuzzyDate = z
  .strictObject({
    date: day,
    precision: z.enum(DATE_PRECISION_VALUES),
  })
  .meta({
    id: "FuzzyDate",
    description: "A date with how precisely it is known: DAY; MONTH or YEAR (date is the first day of the period); ON_OR_BEFORE (known only to have happened by then).",
  });

const country = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: (issue) => `must be an ISO 3166-1 alpha-3 code in upper case, e.g. UKR (got ${JSON.stringify(issue.input)})` })
  .meta({ id: "Country", description: "ISO 3166-1 alpha-3 country code." });

/** A field that may be left out or given as null. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

const source = z
  .strictObject({
    key,
    kind: z.enum(SOURCE_KIND_VALUES),
    title: shortText,
    url: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(MAX_URL_LENGTH, { error: `must be at most ${MAX_URL_LENGTH} characters` })),
    publisher: optional(shortText),
    published: optional(fuzzyDate),
    retrievedAt: optional(z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time with a time zone" })),
  })
  .meta({ id: "Source", description: "A document that reports statements or incidents: an article, a briefing, a post, a dataset record." });

const alias = z
  .strictObject({
    scheme: z.enum(ALIAS_SCHEME_VALUES),
    value: name,
    validFrom: optional(day),
    validTo: optional(day),
  })
  .superRefine((value, context) => {
    if (value.scheme === "WIKIDATA" && !/^Q[1-9][0-9]*$/.test(value.value)) {
      context.addIssue({ code: "custom", path: ["value"], input: value.value, message: `must be a Wikidata item ID such as Q3874799 (got ${JSON.stringify(value.value)})` });
    }
    checkInterval(value.validFrom, value.validTo, context);
  })
  .meta({ id: "Alias", description: "Another name of the actor in a naming scheme: a free spelling, a title, an ACLED actor name, a CAMEO code, a Wikidata item." });

const actor = z
  .strictObject({
    key,
    kind: z.enum(ACTOR_KIND_VALUES),
    name: name,
    country: optional(country),
    description: optional(text),
    aliases: z.array(alias).optional(),
  })
  .meta({ id: "Actor", description: "A person, state, government body, armed force or group. Its name is also stored as a FREE alias." });

const relation = z
  .strictObject({
    key: key.optional(),
    subject: actorReference,
    predicate: z.enum(RELATION_PREDICATE_VALUES),
    object: actorReference,
    validFrom: optional(day),
    validTo: optional(day),
    source: optional(reference),
  })
  .superRefine((value, context) => checkInterval(value.validFrom, value.validTo, context))
  .meta({
    id: "Relation",
    description: "subject PREDICATE object, e.g. Lin Jian SPOKESPERSON_FOR the Chinese foreign ministry. Without a key its ID is \"meridian:<subject>-<predicate>-<object>\".",
  });

const stance = z
  .strictObject({
    claim: reference,
    stance: z.enum(STANCE_KIND_VALUES),
  })
  .meta({ id: "Stance" });

const statement = z
  .strictObject({
    key,
    speaker: actorReference,
    onBehalfOf: optional(actorReference),
    said: fuzzyDate,
    venue: optional(shortText),
    modality: z.enum(MODALITY_VALUES),
    text,
    language: z
      .string()
      // BCP 47 asks implementations to take tags of up to 35 characters.
      .max(35, { error: "must be at most 35 characters" })
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: "must be a BCP 47 language tag such as en or zh-Hans" }),
    source: reference,
    respondsTo: optional(reference),
    stances: z.array(stance).optional(),
    incidents: z.array(reference).optional(),
  })
  .meta({ id: "Statement", description: "Something an actor said or wrote, as a source reports it, with the stances it takes on claims and the incidents it is about." });

const claim = z
  .strictObject({
    key,
    text,
    subject: optional(actorReference),
    predicate: optional(shortText),
    object: optional(actorReference),
    quantity: optional(count),
    incident: optional(reference),
  })
  .meta({ id: "Claim", description: "A proposition statements take stances on, e.g. \"155 Chinese citizens fight for Russia in Ukraine\"." });

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
    description: "Where the incident happened, as one source reports it. Without a key its ID is \"meridian:<incident>.<slug of name>\".",
  });

const participant = z
  .strictObject({
    actor: actorReference,
    role: z.enum(PARTICIPANT_ROLE_VALUES),
    count: optional(count),
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

export const meridianDocumentSchema = z
  .strictObject({
    format: z.literal(DOCUMENT_FORMAT),
    sources: z.array(source).optional(),
    actors: z.array(actor).optional(),
    relations: z.array(relation).optional(),
    statements: z.array(statement).optional(),
    claims: z.array(claim).optional(),
    incidents: z.array(incident).optional(),
  })
  .meta({
    title: "Meridian document",
    description: "Actors, statements, claims and incidents with their sources. In NDJSON, every line is a document of this shape and the lines are read as one.",
  });

function checkInterval(from: string | null | undefined, to: string | null | undefined, context: z.RefinementCtx): void {
  if (from && to && to < from) {
    context.addIssue({ code: "custom", path: ["validTo"], input: to, message: `must not be before validFrom ${from}` });
  }
}

export type MeridianDocument = z.infer<typeof meridianDocumentSchema>;
export type SourceInput = z.infer<typeof source>;
export type ActorInput = z.infer<typeof actor>;
export type RelationInput = z.infer<typeof relation>;
export type StatementInput = z.infer<typeof statement>;
export type ClaimInput = z.infer<typeof claim>;
export type IncidentInput = z.infer<typeof incident>;
export type PlaceInput = z.infer<typeof place>;

/** The lists a document holds, in the order they are written. */
export const ENTITY_LISTS = ["sources", "actors", "relations", "statements", "claims", "incidents"] as const;
export type EntityList = (typeof ENTITY_LISTS)[number];
