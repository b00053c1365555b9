// npm run persisted:manifest: writes gateway/persisted-operations.json, the operations the
// gateway runs with PERSISTED_OPERATIONS_SAFELIST on, from examples/*.graphql and the web
// client's clients/web/src/*.graphql.
import { writeFileSync } from "node:fs";
import { buildManifest, printManifest, safelistedOperations } from "../clients/persisted-manifest.js";
import { PERSISTED_OPERATIONS_PATH } from "../gateway/persisted-operations.js";

const manifest = buildManifest(safelistedOperations());
writeFileSync(PERSISTED_OPERATIONS_PATH, printManifest(manifest));
console.log(`wrote ${PERSISTED_OPERATIONS_PATH}: ${manifest.operations.map((operation) => operation.name).join(", ")}`);
