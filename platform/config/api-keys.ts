// API keys: a caller proves a role (reader or editor) with a key. Configuration holds only
// each key's SHA-256, so a leaked configuration or log gives no usable key; a key is
// random enough (32 bytes) that an unsalted hash of it cannot be reversed. Each key has a
// name, the "who" of the request log (and of the change history): never the key itself.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const API_ROLES = ["reader", "editor"] as const;
export type ApiRole = (typeof API_ROLES)[number];

export interface ApiKeyEntry {
  /** Who or what holds the key, as written in its entry; for an entry without one, its fingerprint (unnamedKeyName). */
  name: string;
  role: ApiRole;
  /** The SHA-256 of the key, 32 bytes. */
  sha256: Buffer;
}

/** The prefix of every key newApiKey makes, so that a key pasted where a name belongs is caught. */
export const API_KEY_PREFIX = "mrd_";

// A name goes into every log line and history row and sits between the separators of
// MERIDIAN_API_KEYS (commas, white space, colons), so it holds none of them.
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
export const API_KEY_NAME_RULE = '1 to 64 letters, digits, ".", "_", "-" or "@", starting with a letter or digit';

// [name:]role:sha256hex; the role and the hex are read case-blind, the name as written.
const ENTRY_PATTERN = /^(?:([^:]*):)?(reader|editor):([0-9a-f]{64})$/i;
const ENTRY_FORMS = '"<name>:reader:<sha256 hex>" or "<name>:editor:<sha256 hex>" (64 hex digits; npm run api-key makes one)';

/** The hex SHA-256 of a key, as it is written in MERIDIAN_API_KEYS. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** A new random key: 32 bytes, base64url, with a prefix that tells what it is when it turns up somewhere. */
export function newApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * What is wrong with a key's name, to follow "<the name's place> ", or undefined when it will
 * do. Never echoes the name: it may be a key pasted by mistake, which is then refused.
 */
export function apiKeyNameProblem(name: string): string | undefined {
  if (name.startsWith(API_KEY_PREFIX)) return `starts with "${API_KEY_PREFIX}" as keys do: name the key for who uses it, never with the key itself`;
  if (!NAME_PATTERN.test(name)) return `must be ${API_KEY_NAME_RULE}`;
  return undefined;
}

/**
 * The name of an entry written before keys had names (`role:sha256hex`): "sha256:" and the
 * first 12 hex digits of its hash. It finds the entry in the configuration, tells nothing
 * usable about the key, and cannot be a given name, which holds no colon.
 */
export function unnamedKeyName(sha256: Buffer): string {
  return `sha256:${sha256.toString("hex").slice(0, 12)}`;
}

/** `name:role:sha256hex` for MERIDIAN_API_KEYS. */
export function apiKeyEntry(name: string, role: ApiRole, key: string): string {
  return `${name}:${role}:${hashApiKey(key)}`;
}

/**
 * Parses MERIDIAN_API_KEYS: `name:role:sha256hex` entries (or `role:sha256hex`, named by
 * unnamedKeyName) separated by commas or white space. Returns the entries, or the problems,
 * each naming the entry by its position: a malformed entry, a bad name, a name or a key
 * listed twice (the log could not tell the two apart).
 */
export function parseApiKeyEntries(text: string): { entries: ApiKeyEntry[]; problems: string[] } {
  const entries: ApiKeyEntry[] = [];
  const problems: string[] = [];
  const positionOfName = new Map<string, number>();
  const positionOfKey = new Map<string, number>();
  const items = text.split(/[\s,]+/).filter(Boolean);
  items.forEach((item, index) => {
    const position = index + 1;
    const match = ENTRY_PATTERN.exec(item);
    if (!match) {
      // The entry is not echoed: it may be a key pasted by mistake instead of its hash.
      problems.push(`entry ${position} must be ${ENTRY_FORMS}, or without "<name>:" for a key made before keys had names`);
      return;
    }
    const [, givenName, role, hex] = match;
    const sha256 = Buffer.from(hex!.toLowerCase(), "hex");
    const nameProblem = givenName === undefined ? undefined : apiKeyNameProblem(givenName);
    if (nameProblem) {
      problems.push(`entry ${position}'s name ${nameProblem}`);
      return;
    }
    const name = givenName ?? unnamedKeyName(sha256);
    const sameKey = positionOfKey.get(hex!.toLowerCase());
    if (sameKey !== undefined) {
      problems.push(`entry ${position} holds the same key as entry ${sameKey}: list each key once, with one name and one role`);
      return;
    }
    const sameName = positionOfName.get(name);
    if (sameName !== undefined) {
      problems.push(`entry ${position} is named "${name}", as entry ${sameName} is: give each key a name of its own, so the logs tell them apart`);
      return;
    }
    positionOfKey.set(hex!.toLowerCase(), position);
    positionOfName.set(name, position);
    entries.push({ name, role: role!.toLowerCase() as ApiRole, sha256 });
  });
  return { entries, problems };
}

/**
 * The entry of a presented key, undefined when none matches. Every entry is compared, in
 * constant time, whether or not an earlier one matched, so the timing tells nothing about
 * which entry (or how much of a hash) matched.
 */
export function findApiKey(key: string, entries: readonly ApiKeyEntry[]): ApiKeyEntry | undefined {
  const presented = createHash("sha256").update(key, "utf8").digest();
  let found: ApiKeyEntry | undefined;
  for (const entry of entries) {
    if (timingSafeEqual(presented, entry.sha256) && !found) found = entry;
  }
  return found;
}
