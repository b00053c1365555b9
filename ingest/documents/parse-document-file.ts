// Reads a Meridian document from a file: one JSON document, or NDJSON where every line is a
// document of the same shape and the lines together make one document. Problems name the
// file, and for NDJSON the line of the fragment they are in.
import { readFile } from "node:fs/promises";
import { DOCUMENT_FORMAT, ENTITY_LISTS, type EntityList, type MeridianDocument } from "./document.schema.js";
import { jsonErrorOffset } from "./json-error-offset.js";
import { checkDocumentShape, ParsedDocument } from "./parse-document.js";
import { formatPath } from "../../platform/graphql/problem-path.js";
import { type DocumentOrigin, fileOrigin, ProblemList } from "../../services/kit/records/problems.js";

export type DocumentFileFormat = "json" | "ndjson";

/** NDJSON for .ndjson and .jsonl files, JSON otherwise. */
export function fileFormatOf(path: string): DocumentFileFormat {
  return /\.(ndjson|jsonl)$/i.test(path) ? "ndjson" : "json";
}

export async function parseDocumentFile(path: string, format: DocumentFileFormat = fileFormatOf(path)): Promise<ParsedDocument> {
  const text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  return format === "ndjson" ? parseNdjson(path, text) : parseJson(path, text);
}

function parseJson(file: string, text: string): ParsedDocument {
  const origin = fileOrigin(file);
  const problems = new ProblemList();
  const parsed = parseJsonText(text, file, 1, problems);
  const document = parsed && checkDocumentShape(parsed.value, problems.reporterFor(origin));
  problems.throwIfAny();
  return new ParsedDocument(document!, origin);
}

function parseNdjson(file: string, text: string): ParsedDocument {
  const problems = new ProblemList();
  const lists: Partial<Record<EntityList, unknown[]>> = {};
  // For each list of the merged document, the line and position every entry came from.
  const lineOf = new Map<EntityList, { line: number; index: number }[]>(ENTITY_LISTS.map((list) => [list, []]));
  text.split("\n").forEach((content, lineIndex) => {
    if (content.trim() === "") return;
    const line = lineIndex + 1;
    const parsed = parseJsonText(content, file, line, problems);
    const fragment = parsed && checkDocumentShape(parsed.value, problems.reporterFor(fileOrigin(file, line)));
    if (!fragment) return;
    for (const list of ENTITY_LISTS) {
      const entries: unknown[] = fragment[list] ?? [];
      for (const index of entries.keys()) lineOf.get(list)!.push({ line, index });
      lists[list] ??= [];
      lists[list].push(...entries);
    }
  });
  problems.throwIfAny();
  const merged = { format: DOCUMENT_FORMAT, ...lists } as MeridianDocument;
  return new ParsedDocument(merged, ndjsonOrigin(file, lineOf));
}

function ndjsonOrigin(file: string, lineOf: Map<EntityList, { line: number; index: number }[]>): DocumentOrigin {
  return {
    locate(path) {
      const [list, mergedIndex, ...rest] = path;
      const source = typeof mergedIndex === "number" ? lineOf.get(list as EntityList)?.[mergedIndex] : undefined;
      if (!source) return fileOrigin(file).locate(path);
      return { file, line: source.line, path: formatPath([list!, source.index, ...rest]) };
    },
  };
}

/** JSON.parse; a syntax error is reported at its line of the file and gives undefined. */
function parseJsonText(text: string, file: string, firstLine: number, problems: ProblemList): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const { line, column, reason } = locateSyntaxError(error.message, text);
    problems.add({ file, line: firstLine + line - 1, path: "", message: `invalid JSON at column ${column}: ${reason}` });
    return undefined;
  }
}

function locateSyntaxError(message: string, text: string): { line: number; column: number; reason: string } {
  const before = text.slice(0, jsonErrorOffset(text));
  return {
    line: before.split("\n").length,
    column: before.length - before.lastIndexOf("\n"),
    // V8 appends a position or a quote of the text; the line and column replace both.
    reason: message.replace(/\s*in JSON at position \d+(?: \(line \d+ column \d+\))?/, "").replace(/, .*is not valid JSON$/s, ""),
  };
}
