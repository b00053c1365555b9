// What one subgraph contributes to the Meridian document format: the lists it writes, where
// it stores the kinds of entity a document may refer to, and how it turns its lists into
// rows and writes them. Each subgraph's writes export one (services/<name>/writes/document-part.ts);
// ingest/documents/document-parts.ts lists them, and the document's schema, checks and
// writes iterate that list, so that adding a subgraph's lists changes nothing in ingest/ but
// that list.
import type { z } from "zod";
import type { Database } from "../../../db/client.js";
import type { ReportProblem } from "../records/problems.js";
import type { ReferenceResolver } from "../records/reference-resolver.js";
import type { EntityKindTables } from "../records/stored-references.js";
import type { EntityCounts } from "./sync-entities.js";

/**
 * A zod object of lists, as a part's *.document.ts defines it. Not z.ZodObject: a zod object
 * is invariant in its shape, so no one z.ZodObject type would stand for every part's lists.
 */
export type DocumentLists = z.ZodType & { readonly shape: z.core.$ZodShape };

// buildRows and writeRows are methods, not function-valued properties: a part written for its
// own lists and rows is then also a DocumentPart of any lists and rows, which is how the
// document handles every part alike (it only ever hands a part the rows that part built).
export interface DocumentPart<Name extends string = string, Lists extends DocumentLists = DocumentLists, Rows = unknown> {
  /** The subgraph whose database its rows are written to. */
  readonly subgraph: Name;
  /** Its lists of a document (services/<name>/writes/*.document.ts), in their order in a document. */
  readonly lists: Lists;
  /**
   * Those of its lists that open a whole document, before the lists of every part: the ones
   * the other parts cite (sources). The other lists follow in the order of the parts.
   */
  readonly leadingLists?: readonly string[];
  /** Where it stores each kind of entity a document may refer to without containing it. */
  readonly kindTables: EntityKindTables;
  /** Its rows of a document, reporting what the schema cannot check (duplicates, references that resolve to nothing). */
  buildRows(document: z.output<Lists>, resolver: ReferenceResolver, report: ReportProblem): Rows;
  /** Writes rows it built from a document without problems; the counts of each of its lists. */
  writeRows(db: Database, rows: Rows): Promise<Record<string, EntityCounts>>;
}

/**
 * A part as written: its subgraph's name kept as a literal type (the ingest layer checks it is
 * registered), its leading lists and its writer's counts checked against its lists. (The
 * interface cannot say so itself: lists in a `keyof` would make every part's DocumentPart type
 * unrelated to the others'.)
 */
export function defineDocumentPart<const Name extends string, Lists extends DocumentLists, Rows>(
  part: DocumentPart<Name, Lists, Rows> & {
    leadingLists?: readonly (keyof Lists["shape"] & string)[];
    writeRows(db: Database, rows: Rows): Promise<Record<keyof Lists["shape"] & string, EntityCounts>>;
  },
): DocumentPart<Name, Lists, Rows> {
  return part;
}
