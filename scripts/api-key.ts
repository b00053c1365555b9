// npm run api-key -- --role editor: makes a new API key and prints it with the
// MERIDIAN_API_KEYS entry that holds only its hash. The key itself is shown once, here.
import { parseArgs } from "node:util";
import { API_ROLES, type ApiRole, apiKeyEntry, newApiKey } from "../platform/config/api-keys.js";

const { values } = parseArgs({ options: { role: { type: "string", default: "editor" } } });
const role = values.role as ApiRole;
if (!API_ROLES.includes(role)) {
  console.error(`api-key: --role must be ${API_ROLES.join(" or ")} (got ${JSON.stringify(values.role)})`);
  process.exit(1);
}
const key = newApiKey();
console.log(`key (give it to the caller; it is not stored anywhere): ${key}`);
console.log(`configuration entry (add to MERIDIAN_API_KEYS, comma-separated): ${apiKeyEntry(role, key)}`);
console.log(`use: Authorization: Bearer ${key}`);
