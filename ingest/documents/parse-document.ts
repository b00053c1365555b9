// Checks that a value has the shape of a Meridian document, reporting every schema problem
// with its JSON path. References between entities are checked later (check-document.ts).
import { type MeridianDocument, meridianDocumentSchema } from "./document.schema.js";
import { checkShape } from "../../services/kit/records/check-shape.js";
import { type DocumentOrigin, IN_MEMORY, ProblemList, type ReportProblem } from "../../services/kit/records/problems.js";

/** A document whose shape is valid, with where it came from for reporting later problems. */
export class ParsedDocument {
  constructor(
    readonly document: MeridianDocument,
    readonly origin: DocumentOrigin,
  ) {}
}

/** Throws a DocumentError listing every schema problem of `value`. */
export function parseDocument(value: unknown, origin: DocumentOrigin = IN_MEMORY): ParsedDocument {
  const problems = new ProblemList();
  const document = checkDocumentShape(value, problems.reporterFor(origin));
  problems.throwIfAny();
  return new ParsedDocument(document!, origin);
}

/** The document when `value` has its shape; otherwise reports why and returns undefined. */
export function checkDocumentShape(value: unknown, report: ReportProblem): MeridianDocument | undefined {
  return checkShape(meridianDocumentSchema, value, report);
}
