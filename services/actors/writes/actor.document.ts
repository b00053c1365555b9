// The actors subgraph's part of the Meridian document format: actors with their aliases, and
// relations between actors. ingest/documents/document.schema.ts composes the whole format.
import { z } from "zod";
import { ACTOR_KIND_VALUES, ALIAS_SCHEME_VALUES, RELATION_PREDICATE_VALUES } from "../data/tables.js";
import { actorReference, country, day, key, optional, reference, shortText, text } from "../../kit/records/document-fields.js";
import { normalizeName } from "../../kit/records/normalize-name.js";

// A name is compared in its normalized form (aliases.normalized_value, indexed too), and NFKD
// can lengthen a name many times over: the one character "ﷺ" becomes 18 letters.
const MAX_NORMALIZED_NAME_BYTES = 2_000;

/** A name that is also compared normalized (an actor's name, an alias). */
const name = shortText.refine((value) => Buffer.byteLength(normalizeName(value)) <= MAX_NORMALIZED_NAME_BYTES, {
  error: `is too long once normalized for comparison (at most ${MAX_NORMALIZED_NAME_BYTES.toLocaleString("en")} bytes of UTF-8)`,
});

const alias = z
  .strictObject({
    scheme: z.enum(ALIAS_SCHEME_VALUES),
    value: name,
    validFrom: optional(day),
    validTo: optional(day),
  })
  .superRefine((value, context) => {
    if (value.scheme === "WIKIDATA" && !/^Q[1-9][0-9]*$/.test(value.value)) {
      context.addIssue({
        code: "custom",
        path: ["value"],
        input: value.value,
        message: `must be a Wikidata item ID such as Q3874799 (got ${JSON.stringify(value.value)})`,
      });
    }
    checkInterval(value.validFrom, value.validTo, context);
  })
  .meta({
    id: "Alias",
    description: "Another name of the actor in a naming scheme: a free spelling, a title, an ACLED actor name, a CAMEO code, a Wikidata item.",
  });

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
    description:
      'subject PREDICATE object, e.g. Lin Jian SPOKESPERSON_FOR the Chinese foreign ministry. Without a key its ID is "meridian:<subject>-<predicate>-<object>".',
  });

/** The lists of a document that the actors subgraph writes. */
export const actorsDocumentLists = z.strictObject({
  actors: z.array(actor).optional(),
  relations: z.array(relation).optional(),
});

function checkInterval(from: string | null | undefined, to: string | null | undefined, context: z.RefinementCtx): void {
  if (from && to && to < from) {
    context.addIssue({ code: "custom", path: ["validTo"], input: to, message: `must not be before validFrom ${from}` });
  }
}

export type ActorsDocumentLists = z.infer<typeof actorsDocumentLists>;
export type ActorInput = z.infer<typeof actor>;
export type RelationInput = z.infer<typeof relation>;
