// API keys' entries in MERIDIAN_API_KEYS: each has a name (who the logs say acted) and a role,
// and holds only the key's hash; entries from before keys had names keep working, named by
// their hash; bad names and repeats are refused naming the entry, never echoing a key.
import { describe, expect, it } from "vitest";
import { apiKeyEntry, apiKeyNameProblem, findApiKey, hashApiKey, newApiKey, parseApiKeyEntries, unnamedKeyName } from "../../platform/config/api-keys.js";

const aliceKey = newApiKey();
const botKey = newApiKey();
const oldKey = newApiKey();

describe("MERIDIAN_API_KEYS entries", () => {
  it("reads a named entry's name and role, and an unnamed one's as its hash's first 12 hex digits", () => {
    const { entries, problems } = parseApiKeyEntries(
      `${apiKeyEntry("alice", "editor", aliceKey)},\n ingest-bot.01@example.org:READER:${hashApiKey(botKey).toUpperCase()} editor:${hashApiKey(oldKey)}`,
    );
    expect(problems).toEqual([]);
    expect(entries.map(({ name, role }) => ({ name, role }))).toEqual([
      { name: "alice", role: "editor" },
      { name: "ingest-bot.01@example.org", role: "reader" },
      { name: `sha256:${hashApiKey(oldKey).slice(0, 12)}`, role: "editor" },
    ]);
    expect(unnamedKeyName(entries[2]!.sha256)).toBe(entries[2]!.name);
  });

  it("finds the entry of a presented key, and none for another key or for a hash", () => {
    const { entries } = parseApiKeyEntries(`${apiKeyEntry("alice", "editor", aliceKey)},reader:${hashApiKey(oldKey)}`);
    expect(findApiKey(aliceKey, entries)?.name).toBe("alice");
    expect(findApiKey(oldKey, entries)).toMatchObject({ name: `sha256:${hashApiKey(oldKey).slice(0, 12)}`, role: "reader" });
    expect(findApiKey(newApiKey(), entries)).toBeUndefined();
    expect(findApiKey(hashApiKey(aliceKey), entries)).toBeUndefined();
  });

  it("refuses a bad name, a key pasted as a name, a malformed entry and a name or key listed twice, naming each entry", () => {
    const aliceHash = hashApiKey(aliceKey);
    const anotherHash = () => hashApiKey(newApiKey());
    const { problems } = parseApiKeyEntries(
      [
        `alice:editor:${aliceHash}`,
        `-bob:reader:${anotherHash()}`,
        `${"b".repeat(65)}:reader:${anotherHash()}`,
        `${botKey}:reader:${anotherHash()}`,
        `:reader:${anotherHash()}`,
        `alice:reader:${anotherHash()}`,
        `carol:reader:${aliceHash}`,
        `admin:${anotherHash()}`,
        `editor:${botKey}`,
        `alice:admin:editor:${anotherHash()}`,
      ].join(","),
    );
    expect(problems).toEqual([
      'entry 2\'s name must be 1 to 64 letters, digits, ".", "_", "-" or "@", starting with a letter or digit',
      expect.stringMatching(/^entry 3's name must be 1 to 64/),
      expect.stringMatching(/^entry 4's name starts with "mrd_" as keys do/),
      expect.stringMatching(/^entry 5's name must be/),
      'entry 6 is named "alice", as entry 1 is: give each key a name of its own, so the logs tell them apart',
      "entry 7 holds the same key as entry 1: list each key once, with one name and one role",
      expect.stringMatching(/^entry 8 must be "<name>:reader:<sha256 hex>" or "<name>:editor:<sha256 hex>"/),
      expect.stringMatching(/^entry 9 must be /),
      expect.stringMatching(/^entry 10 must be /),
    ]);
    expect(problems.join("\n")).not.toContain(botKey);
  });

  it("checks a name alone as npm run api-key does, without echoing it", () => {
    expect(apiKeyNameProblem("alice")).toBeUndefined();
    expect(apiKeyNameProblem("a".repeat(64))).toBeUndefined();
    expect(apiKeyNameProblem("a".repeat(65))).toMatch(/^must be 1 to 64/);
    expect(apiKeyNameProblem("alice,bob")).toMatch(/^must be/);
    expect(apiKeyNameProblem("alice:editor")).toMatch(/^must be/);
    expect(apiKeyNameProblem("")).toMatch(/^must be/);
    expect(apiKeyNameProblem(aliceKey)).toMatch(/^starts with "mrd_"/);
    expect(apiKeyNameProblem(aliceKey)).not.toContain(aliceKey);
  });

  it("writes an entry as name:role:sha256 of the key", () => {
    expect(apiKeyEntry("alice", "reader", aliceKey)).toBe(`alice:reader:${hashApiKey(aliceKey)}`);
  });
});
