// The Meridian document format ("meridian/1"): the project's own JSON for actors, statements
// and incidents, used by the seed story and by `import --format meridian`. Each subgraph
// defines the lists it writes (services/<name>/writes/*.document.ts); this composes those of
// the parts document-parts.ts lists. The published JSON Schema (meridian-document.schema.json)
// is generated from these definitions, so the two cannot drift apart; checks JSON Schema
// cannot express (real calendar days, one primary place) are refinements there and the
// reference checks run after parsing.
import { z } from "zod";
import type { DocumentPart } from "../../services/kit/writes/document-part.js";
import { ANY_DOCUMENT_PARTS, type DOCUMENT_PARTS } from "./document-parts.js";

export const DOCUMENT_FORMAT = "meridian/1";

/** The lists of every part in one shape: the intersection of the parts' shapes. */
type DocumentListsShape = AllOf<(typeof DOCUMENT_PARTS)[number]["lists"]["shape"]>;
/** The intersection of the members of a union (a function of each is called only with what satisfies all). */
type AllOf<Union> = (Union extends unknown ? (member: Union) => void : never) extends (all: infer All) => void ? All : never;

/** The lists of all parts: those a part leads with first, then each part's others in the parts' order. */
function documentLists(parts: readonly DocumentPart[]): DocumentListsShape {
  const lists = parts.flatMap((part) => Object.entries(part.lists.shape));
  const owners = new Map<string, string>();
  for (const [part, list] of parts.flatMap((part) => Object.keys(part.lists.shape).map((list) => [part.subgraph, list] as const))) {
    if (owners.has(list)) throw new Error(`the document list "${list}" is written by both ${owners.get(list)} and ${part}`);
    owners.set(list, part);
  }
  const leading = new Set(parts.flatMap((part) => part.leadingLists ?? []));
  return Object.fromEntries([...lists.filter(([list]) => leading.has(list)), ...lists.filter(([list]) => !leading.has(list))]) as DocumentListsShape;
}

const DOCUMENT_LISTS = documentLists(ANY_DOCUMENT_PARTS);

export const meridianDocumentSchema = z
  .strictObject({
    format: z.literal(DOCUMENT_FORMAT),
    ...DOCUMENT_LISTS,
  })
  .meta({
    title: "Meridian document",
    description:
      "Actors, statements, claims and incidents with their sources. In NDJSON, every line is a document of this shape and the lines are read as one.",
  });

export type MeridianDocument = z.infer<typeof meridianDocumentSchema>;

export type EntityList = keyof DocumentListsShape & string;
/** The lists a document holds, in their order in it. */
export const ENTITY_LISTS = Object.keys(DOCUMENT_LISTS) as readonly EntityList[];
