// API keys from configuration: only hashes are configured, a presented key is hashed and
// compared with every entry, and `npm run api-key` makes a key with its configuration entry.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { apiKeyEntry, hashApiKey, newApiKey, parseApiKeyEntries, roleOfApiKey } from "../../../platform/config/api-keys.js";
import { identifyCaller } from "../../../platform/http/caller.js";
import { ConfigError } from "../../../platform/config/config.js";
import { loadConfig } from "../../../services/config.js";

const editorKey = newApiKey();
const readerKey = newApiKey();
const { entries } = parseApiKeyEntries(`reader:${hashApiKey(readerKey)}, editor:${hashApiKey(editorKey)}`);

describe("API keys", () => {
  it("knows each configured key's role, and no other key", () => {
    expect(roleOfApiKey(editorKey, entries)).toBe("editor");
    expect(roleOfApiKey(readerKey, entries)).toBe("reader");
    expect(roleOfApiKey(newApiKey(), entries)).toBeUndefined();
    expect(roleOfApiKey(hashApiKey(editorKey), entries)).toBeUndefined();
  });

  it("reads the caller from a bearer Authorization header only", () => {
    expect(identifyCaller(`Bearer ${editorKey}`, entries)).toEqual({ kind: "key", role: "editor" });
    expect(identifyCaller(`bearer ${readerKey}`, entries)).toEqual({ kind: "key", role: "reader" });
    expect(identifyCaller(undefined, entries)).toEqual({ kind: "anonymous" });
    expect(identifyCaller(editorKey, entries)).toEqual({ kind: "unrecognised" });
    expect(identifyCaller(`Bearer ${newApiKey()}`, entries)).toEqual({ kind: "unrecognised" });
  });

  it("is configured by MERIDIAN_API_KEYS, whose bad entries stop the process without echoing them", () => {
    expect(loadConfig({ MERIDIAN_API_KEYS: apiKeyEntry("editor", editorKey) }).apiKeys.map((entry) => entry.role)).toEqual(["editor"]);
    expect(loadConfig({}).apiKeys).toEqual([]);
    const pasted = newApiKey();
    let error: unknown;
    try {
      loadConfig({ MERIDIAN_API_KEYS: `${apiKeyEntry("reader", readerKey)},editor:${pasted},admin:${hashApiKey(pasted)}` });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^MERIDIAN_API_KEYS: entry 2 must be "reader:<sha256 hex>"/),
      expect.stringMatching(/^MERIDIAN_API_KEYS: entry 3 must be/),
    ]);
    expect((error as Error).message).not.toContain(pasted);
  });

  it("npm run api-key prints a new key and the entry holding only its hash", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/api-key.ts", "--role", "reader"], {
      cwd: new URL("../../..", import.meta.url).pathname,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    const key = /key \(.*\): (\S+)/.exec(result.stdout)?.[1];
    const entry = /configuration entry .*: (\S+)/.exec(result.stdout)?.[1];
    expect(entry).toBe(`reader:${hashApiKey(key!)}`);
    expect(roleOfApiKey(key!, parseApiKeyEntries(entry!).entries)).toBe("reader");
  });
});
