// The fields that the subgraphs' parts of the Meridian document share (services/<name>/writes/
// *.document.ts): keys, references, text, days, fuzzy dates and countries. Each is defined
// once, and those with an id are published once in the document's JSON Schema.
import { z } from "zod";
import { MAX_INPUT_STRING_LENGTH, characterProblem } from "../../../platform/graphql/text-limits.js";
import { isIsoDate } from "../schema/iso-date.js";
import { KEY_PATTERN, MAX_KEY_LENGTH } from "./entity-ids.js";
// Statements and incidents store the same precisions; a document's fuzzy date is one definition for both.
import { DATE_PRECISION_VALUES } from "../schema/date-precisions.js";

// Names, titles, codes and references are short, and several are in btree indexes
// (actors.name, aliases.value, statements.language, incidents.admin1), whose rows hold at most
// 2,704 bytes: 500 UTF-16 code units are at most 1,500 bytes of UTF-8, which leaves room for
// the other columns of the index (an ID is at most 200). Long text (a statement's or claim's
// text, descriptions, summaries, notes) is in no btree index and may be far longer.
export const MAX_NAME_LENGTH = 500;

export const count = z.int32().nonnegative();
/** Stored text: no NUL or lone surrogate, which Postgres refuses or the driver silently replaces. */
const storable = (schema: z.ZodString) =>
  schema.superRefine((value, context) => {
    const problem = characterProblem(value);
    if (problem) context.addIssue({ code: "custom", input: value, message: problem });
  });
export const text = storable(
  z
    .string()
    .trim()
    .min(1, { error: "must not be empty" })
    .max(MAX_INPUT_STRING_LENGTH, { error: `must be at most ${MAX_INPUT_STRING_LENGTH.toLocaleString("en")} characters` }),
);
export const shortText = storable(
  z
    .string()
    .trim()
    .min(1, { error: "must not be empty" })
    .max(MAX_NAME_LENGTH, { error: `must be at most ${MAX_NAME_LENGTH} characters` }),
);

export const key = z
  .string()
  .max(MAX_KEY_LENGTH, { error: `must be at most ${MAX_KEY_LENGTH} characters` })
  .regex(KEY_PATTERN, {
    error: (issue) => `must be a slug: lower-case letters, digits and hyphens, not starting with a hyphen (got ${JSON.stringify(issue.input)})`,
  })
  .meta({
    id: "Key",
    description: 'The entity\'s key, unique among entities of its type in the document; its ID is "meridian:<key>".',
  });

export const reference = storable(z.string())
  .min(1, { error: "must not be empty" })
  .max(MAX_NAME_LENGTH, { error: `must be at most ${MAX_NAME_LENGTH} characters` })
  .meta({
    id: "Reference",
    description: 'Another entity: its key in this document or in the database, or its full ID ("acled:...").',
  });

export const actorReference = storable(z.string())
  .min(1, { error: "must not be empty" })
  .max(MAX_NAME_LENGTH, { error: `must be at most ${MAX_NAME_LENGTH} characters` })
  .meta({
    id: "ActorReference",
    description: "An actor: its key or full ID, or the exact name or an alias of an actor in this document.",
  });

export const day = z
  .string()
  .refine(isIsoDate, { error: (issue) => `must be a real day written YYYY-MM-DD (got ${JSON.stringify(issue.input)})` })
  .meta({ id: "Day", format: "date", description: "A calendar day, YYYY-MM-DD." });

export const fuzzyDate = z
  .strictObject({
    date: day,
    precision: z.enum(DATE_PRECISION_VALUES),
  })
  .meta({
    id: "FuzzyDate",
    description:
      "A date with how precisely it is known: DAY; WEEK (date is a day within the week); MONTH or YEAR (date is the first day of the period); ON_OR_BEFORE (known only to have happened by then).",
  });

export const country = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: (issue) => `must be an ISO 3166-1 alpha-3 code in upper case, e.g. UKR (got ${JSON.stringify(issue.input)})` })
  .meta({ id: "Country", description: "ISO 3166-1 alpha-3 country code." });

/** A field that may be left out or given as null. */
export const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
