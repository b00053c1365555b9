import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocumentFile } from "../../../ingest/documents/parse-document-file.js";
import { DocumentError, describeProblem } from "../../../services/kit/records/problems.js";

function fileWith(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "meridian-documents-")), name);
  writeFileSync(file, content);
  return file;
}

async function rejectionOf(file: string): Promise<DocumentError> {
  const error = await parseDocumentFile(file).then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(DocumentError);
  return error as DocumentError;
}

describe("parseDocumentFile", () => {
  it("names the file and line of a JSON syntax error", async () => {
    const file = fileWith("story.json", '{\n  "format": "meridian/1",\n  "actors": [\n    { "key": "a", }\n  ]\n}\n');
    const error = await rejectionOf(file);
    expect(error.problems).toEqual([{ file, line: 4, path: "", message: expect.stringMatching(/^invalid JSON at column \d+: /) }]);
    expect(error.message).toContain(`${file}:4: invalid JSON`);
  });

  it("names the line of an unexpected token, for which JSON.parse gives no position", async () => {
    const file = fileWith("story.json", '{\n  "format": "meridian/1",\n  "actors": [\n    {}, \n  ]\n}\n');
    const error = await rejectionOf(file);
    expect(error.problems).toEqual([{ file, line: 5, path: "", message: "invalid JSON at column 3: Unexpected token ']'" }]);
  });

  it("names the line of every NDJSON fragment that is not JSON", async () => {
    const file = fileWith("story.ndjson", '{"format":"meridian/1"}\n{"format":\n\n{"format":"meridian/1",}\n');
    const error = await rejectionOf(file);
    expect(error.problems.map((problem) => problem.line)).toEqual([2, 4]);
  });

  it("names the file, the fragment's line and the path within it for a schema problem", async () => {
    const statement = { key: "s", speaker: "a", said: { date: "2025-13-01", precision: "DAY" }, modality: "POST", text: "t", language: "en", source: "x" };
    const file = fileWith("story.ndjson", `{"format":"meridian/1","statements":[]}\n${JSON.stringify({ format: "meridian/1", statements: [statement] })}\n`);
    const error = await rejectionOf(file);
    expect(error.problems).toEqual([{ file, line: 2, path: "statements[0].said.date", message: expect.stringContaining("real day") }]);
    expect(describeProblem(error.problems[0]!)).toMatch(new RegExp(`^${file}:2: statements\\[0\\]\\.said\\.date: must be a real day`));
  });

  it("reads the lines of an NDJSON file as one document", async () => {
    const file = fileWith(
      "story.ndjson",
      [
        { format: "meridian/1", actors: [{ key: "a", kind: "STATE", name: "A" }] },
        { format: "meridian/1", actors: [{ key: "b", kind: "STATE", name: "B" }], relations: [{ subject: "a", predicate: "PART_OF", object: "b" }] },
      ]
        .map((fragment) => JSON.stringify(fragment))
        .join("\r\n"),
    );
    const parsed = await parseDocumentFile(file);
    expect(parsed.document.actors!.map((actor) => actor.key)).toEqual(["a", "b"]);
    expect(parsed.document.relations).toHaveLength(1);
  });

  it("names the file for a schema problem in a JSON document", async () => {
    const file = fileWith("story.json", JSON.stringify({ format: "meridian/1", incidents: [{ key: "i", type: "SKIRMISH" }] }));
    const error = await rejectionOf(file);
    expect(error.problems).toContainEqual({ file, path: "incidents[0].type", message: expect.stringContaining('(got "SKIRMISH")') });
  });
});
