// npm run compose: writes gateway/supergraph.graphql from the subgraphs' schemas, and the API
// schema clients query (gateway/api-schema.graphql) from it.
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { API_SCHEMA_PATH, writeApiSchema } from "../gateway/api-schema.js";
import { CompositionError, composeSupergraph } from "../services/supergraph.js";
import { SUPERGRAPH_PATH } from "../gateway/supergraph.js";

try {
  const supergraphSdl = await composeSupergraph();
  writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
  console.log(`wrote ${SUPERGRAPH_PATH}`);
  writeApiSchema(supergraphSdl);
  console.log(`wrote ${API_SCHEMA_PATH}`);
} catch (error) {
  if (!(error instanceof CompositionError)) throw error;
  console.error(error.message);
  process.exit(1);
}
