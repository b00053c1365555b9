import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_JSON_SCHEMA_PATH, renderDocumentJsonSchema } from "../../../ingest/documents/document-json-schema.js";

describe("meridian-document.schema.json", () => {
  it("is what the zod schema generates (else run: npx tsx ingest/documents/write-json-schema.ts)", () => {
    expect(readFileSync(DOCUMENT_JSON_SCHEMA_PATH, "utf8")).toBe(renderDocumentJsonSchema());
  });
});
