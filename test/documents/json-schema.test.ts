import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_JSON_SCHEMA_PATH, renderDocumentJsonSchema } from "../../db/documents/document-json-schema.js";

describe("meridian-document.schema.json", () => {
  it("is what the zod schema generates (else run: npx tsx db/documents/write-json-schema.ts)", () => {
    expect(readFileSync(DOCUMENT_JSON_SCHEMA_PATH, "utf8")).toBe(renderDocumentJsonSchema());
  });
});
