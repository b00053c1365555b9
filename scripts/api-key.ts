// npm run api-key -- --name alice --role editor: makes a new API key and prints it with the
// MERIDIAN_API_KEYS entry that holds only its hash. The key itself is shown once, here.
// The name is required: it is who the request logs (and the change history) say acted.
import { parseArgs } from "node:util";
import { API_KEY_NAME_RULE, API_ROLES, type ApiRole, apiKeyEntry, apiKeyNameProblem, newApiKey } from "../platform/config/api-keys.js";

const { values } = parseArgs({ options: { role: { type: "string", default: "editor" }, name: { type: "string" } } });
const problems: string[] = [];
const role = values.role as ApiRole;
if (!API_ROLES.includes(role)) problems.push(`--role must be ${API_ROLES.join(" or ")} (got ${JSON.stringify(values.role)})`);
if (values.name === undefined) {
  problems.push(`--name is required: who or what will use the key (${API_KEY_NAME_RULE}), e.g. --name alice`);
} else {
  const problem = apiKeyNameProblem(values.name);
  if (problem) problems.push(`--name ${problem}`);
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`api-key: ${problem}`);
  process.exit(1);
}
const key = newApiKey();
console.log(`key (give it to the caller; it is not stored anywhere): ${key}`);
console.log(`configuration entry (add to MERIDIAN_API_KEYS, comma-separated): ${apiKeyEntry(values.name!, role, key)}`);
console.log(`use: Authorization: Bearer ${key}`);
