// Regenerates meridian-document.schema.json after the document schema changes:
//   npx tsx ingest/documents/write-json-schema.ts
import { writeFileSync } from "node:fs";
import { DOCUMENT_JSON_SCHEMA_PATH, renderDocumentJsonSchema } from "./document-json-schema.js";

writeFileSync(DOCUMENT_JSON_SCHEMA_PATH, renderDocumentJsonSchema());
console.log(`wrote ${DOCUMENT_JSON_SCHEMA_PATH}`);
