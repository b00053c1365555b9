// API keys from configuration: only hashes are configured, a presented key is hashed and
// compared with every entry, and `npm run api-key` makes a named key with its configuration
// entry. Parsing the entries themselves: test/platform/api-keys.test.ts.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { apiKeyEntry, findApiKey, hashApiKey, newApiKey, parseApiKeyEntries } from "../../../platform/config/api-keys.js";
import { identifyCaller } from "../../../platform/http/caller.js";
import { ConfigError } from "../../../platform/config/config.js";
import { loadConfig } from "../../../services/config.js";

const editorKey = newApiKey();
const readerKey = newApiKey();
const { entries } = parseApiKeyEntries(`reader:${hashApiKey(readerKey)}, alice:editor:${hashApiKey(editorKey)}`);
const readerKeyName = `sha256:${hashApiKey(readerKey).slice(0, 12)}`;

describe("API keys", () => {
  it("knows each configured key's name and role, and no other key", () => {
    expect(findApiKey(editorKey, entries)).toMatchObject({ name: "alice", role: "editor" });
    expect(findApiKey(readerKey, entries)).toMatchObject({ name: readerKeyName, role: "reader" });
    expect(findApiKey(newApiKey(), entries)).toBeUndefined();
    expect(findApiKey(hashApiKey(editorKey), entries)).toBeUndefined();
  });

  it("reads the caller from a bearer Authorization header only", () => {
    expect(identifyCaller(`Bearer ${editorKey}`, entries)).toEqual({ kind: "key", keyName: "alice", role: "editor" });
    expect(identifyCaller(`bearer ${readerKey}`, entries)).toEqual({ kind: "key", keyName: readerKeyName, role: "reader" });
    expect(identifyCaller(undefined, entries)).toEqual({ kind: "anonymous" });
    expect(identifyCaller(editorKey, entries)).toEqual({ kind: "unrecognised" });
    expect(identifyCaller(`Bearer ${newApiKey()}`, entries)).toEqual({ kind: "unrecognised" });
  });

  it("is configured by MERIDIAN_API_KEYS, whose bad entries stop the process without echoing them", () => {
    expect(loadConfig({ MERIDIAN_API_KEYS: apiKeyEntry("alice", "editor", editorKey) }).apiKeys.map(({ name, role }) => ({ name, role }))).toEqual([
      { name: "alice", role: "editor" },
    ]);
    expect(loadConfig({}).apiKeys).toEqual([]);
    const pasted = newApiKey();
    let error: unknown;
    try {
      loadConfig({
        MERIDIAN_API_KEYS: `${apiKeyEntry("bob", "reader", readerKey)},editor:${pasted},admin:${hashApiKey(pasted)},${pasted}:editor:${hashApiKey(pasted)}`,
      });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^MERIDIAN_API_KEYS: entry 2 must be "<name>:reader:<sha256 hex>"/),
      expect.stringMatching(/^MERIDIAN_API_KEYS: entry 3 must be/),
      expect.stringMatching(/^MERIDIAN_API_KEYS: entry 4's name starts with "mrd_"/),
    ]);
    expect((error as Error).message).not.toContain(pasted);
  });

  const apiKey = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/api-key.ts", ...args], {
      cwd: new URL("../../..", import.meta.url).pathname,
      encoding: "utf8",
      timeout: 60_000,
    });

  it("npm run api-key prints a new key and the named entry holding only its hash", () => {
    const result = apiKey("--role", "reader", "--name", "ingest-bot");
    expect(result.status).toBe(0);
    const key = /key \(.*\): (\S+)/.exec(result.stdout)?.[1];
    const entry = /configuration entry .*: (\S+)/.exec(result.stdout)?.[1];
    expect(entry).toBe(`ingest-bot:reader:${hashApiKey(key!)}`);
    expect(findApiKey(key!, parseApiKeyEntries(entry!).entries)).toMatchObject({ name: "ingest-bot", role: "reader" });
  });

  it("npm run api-key wants a name, and one fit for the logs", () => {
    for (const [args, problem] of [
      [["--role", "editor"], /^api-key: --name is required: who or what will use the key/m],
      [["--name", "alice smith"], /^api-key: --name must be 1 to 64 letters/m],
      [["--name", "alice", "--role", "admin"], /^api-key: --role must be reader or editor/m],
    ] as const) {
      const result = apiKey(...args);
      expect(result.status, args.join(" ")).toBe(1);
      expect(result.stderr).toMatch(problem);
      expect(result.stdout).toBe("");
    }
  });
});
