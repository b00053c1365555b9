// The JSON Schema of the Meridian document format, generated from the zod schema so that
// editors and other tools validate documents as the loader does (except what JSON Schema
// cannot say: real calendar days, one primary place, references).
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { meridianDocumentSchema } from "./document.schema.js";

export const DOCUMENT_JSON_SCHEMA_PATH = fileURLToPath(new URL("./meridian-document.schema.json", import.meta.url));

export function renderDocumentJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(meridianDocumentSchema, { target: "draft-2020-12" }), null, 2)}\n`;
}
