// The statements subgraph's part of the Meridian document format: sources, statements with
// their stances, and claims. ingest/documents/document.schema.ts composes the whole format.
import { z } from "zod";
import { MODALITY_VALUES, SOURCE_KIND_VALUES, STANCE_KIND_VALUES } from "../data/tables.js";
import { actorReference, count, fuzzyDate, key, optional, reference, shortText, text } from "../../kit/records/document-fields.js";

// sources.url is indexed alone; a URL may use non-ASCII characters of up to 3 bytes each.
export const MAX_URL_LENGTH = 800;

const source = z
  .strictObject({
    key,
    kind: z.enum(SOURCE_KIND_VALUES),
    title: shortText,
    url: optional(
      z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(MAX_URL_LENGTH, { error: `must be at most ${MAX_URL_LENGTH} characters` }),
    ),
    publisher: optional(shortText),
    published: optional(fuzzyDate),
    retrievedAt: optional(z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time with a time zone" })),
  })
  .meta({ id: "Source", description: "A document that reports statements or incidents: an article, a briefing, a post, a dataset record." });

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
  .meta({
    id: "Statement",
    description: "Something an actor said or wrote, as a source reports it, with the stances it takes on claims and the incidents it is about.",
  });

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
  .meta({ id: "Claim", description: 'A proposition statements take stances on, e.g. "155 Chinese citizens fight for Russia in Ukraine".' });

/** The lists of a document that the statements subgraph writes. */
export const statementsDocumentLists = z.strictObject({
  sources: z.array(source).optional(),
  statements: z.array(statement).optional(),
  claims: z.array(claim).optional(),
});

export type StatementsDocumentLists = z.infer<typeof statementsDocumentLists>;
export type SourceInput = z.infer<typeof source>;
export type StatementInput = z.infer<typeof statement>;
export type ClaimInput = z.infer<typeof claim>;
