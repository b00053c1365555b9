// The Meridian document format ("meridian/1"): the project's own JSON for actors, statements
// and incidents, used by the seed story and by `import --format meridian`. Each subgraph
// defines the lists it writes (services/<name>/writes/*.document.ts); this composes them. The
// published JSON Schema (meridian-document.schema.json) is generated from these definitions,
// so the two cannot drift apart; checks JSON Schema cannot express (real calendar days, one
// primary place) are refinements there and the reference checks run after parsing.
import { z } from "zod";
import { actorsDocumentLists } from "../../services/actors/writes/actor.document.js";
import { incidentsDocumentLists } from "../../services/incidents/writes/incident.document.js";
import { statementsDocumentLists } from "../../services/statements/writes/statement.document.js";

export const DOCUMENT_FORMAT = "meridian/1";

export const meridianDocumentSchema = z
  .strictObject({
    format: z.literal(DOCUMENT_FORMAT),
    sources: statementsDocumentLists.shape.sources,
    actors: actorsDocumentLists.shape.actors,
    relations: actorsDocumentLists.shape.relations,
    statements: statementsDocumentLists.shape.statements,
    claims: statementsDocumentLists.shape.claims,
    incidents: incidentsDocumentLists.shape.incidents,
  })
  .meta({
    title: "Meridian document",
    description: "Actors, statements, claims and incidents with their sources. In NDJSON, every line is a document of this shape and the lines are read as one.",
  });

export type MeridianDocument = z.infer<typeof meridianDocumentSchema>;

/** The lists a document holds, in the order they are written. */
export const ENTITY_LISTS = ["sources", "actors", "relations", "statements", "claims", "incidents"] as const;
export type EntityList = (typeof ENTITY_LISTS)[number];
