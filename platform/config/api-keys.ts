// API keys: a caller proves a role (reader or editor) with a key. Configuration holds only
// each key's SHA-256, so a leaked configuration or log gives no usable key; a key is
// random enough (32 bytes) that an unsalted hash of it cannot be reversed.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const API_ROLES = ["reader", "editor"] as const;
export type ApiRole = (typeof API_ROLES)[number];

export interface ApiKeyEntry {
  role: ApiRole;
  /** The SHA-256 of the key, 32 bytes. */
  sha256: Buffer;
}

const ENTRY_PATTERN = /^(reader|editor):([0-9a-f]{64})$/;

/** The hex SHA-256 of a key, as it is written in MERIDIAN_API_KEYS. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** A new random key: 32 bytes, base64url, with a prefix that tells what it is when it turns up somewhere. */
export function newApiKey(): string {
  return `mrd_${randomBytes(32).toString("base64url")}`;
}

/** `role:sha256hex` for MERIDIAN_API_KEYS. */
export function apiKeyEntry(role: ApiRole, key: string): string {
  return `${role}:${hashApiKey(key)}`;
}

/**
 * Parses MERIDIAN_API_KEYS: `role:sha256hex` entries separated by commas or white space.
 * Returns the entries, or the problems, each naming the entry by its position.
 */
export function parseApiKeyEntries(text: string): { entries: ApiKeyEntry[]; problems: string[] } {
  const entries: ApiKeyEntry[] = [];
  const problems: string[] = [];
  const items = text.split(/[\s,]+/).filter(Boolean);
  items.forEach((item, index) => {
    const match = ENTRY_PATTERN.exec(item.toLowerCase());
    if (!match) {
      // The entry is not echoed: it may be a key pasted by mistake instead of its hash.
      problems.push(`entry ${index + 1} must be "reader:<sha256 hex>" or "editor:<sha256 hex>" (64 hex digits; npm run api-key makes one)`);
      return;
    }
    entries.push({ role: match[1] as ApiRole, sha256: Buffer.from(match[2]!, "hex") });
  });
  return { entries, problems };
}

/**
 * The role of a presented key, undefined when no entry matches. Every entry is compared, in
 * constant time, whether or not an earlier one matched, so the timing tells nothing about
 * which entry (or how much of a hash) matched.
 */
export function roleOfApiKey(key: string, entries: readonly ApiKeyEntry[]): ApiRole | undefined {
  const presented = createHash("sha256").update(key, "utf8").digest();
  let role: ApiRole | undefined;
  for (const entry of entries) {
    if (timingSafeEqual(presented, entry.sha256) && role !== "editor") role = entry.role;
  }
  return role;
}
