// npm run compose: writes gateway/supergraph.graphql from the subgraphs' schemas.
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { CompositionError, composeSupergraph } from "../gateway/compose.js";
import { SUPERGRAPH_PATH } from "../gateway/supergraph.js";

try {
  writeFileSync(SUPERGRAPH_PATH, await composeSupergraph());
  console.log(`wrote ${SUPERGRAPH_PATH}`);
} catch (error) {
  if (!(error instanceof CompositionError)) throw error;
  console.error(error.message);
  process.exit(1);
}
