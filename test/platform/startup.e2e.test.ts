// Processes that cannot start say why in one line and exit non-zero, without a stack trace.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function run(script: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", script], {
    cwd: new URL("../..", import.meta.url).pathname,
    env: { PATH: process.env.PATH, APOLLO_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe("starting with a bad setup", () => {
  it("reports an unreachable database in one line and exits 1", () => {
    const result = run("scripts/start.ts", { DATABASE_URL: "postgres://nobody@127.0.0.1:1/nowhere" });
    expect(result.status).toBe(1);
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^meridian: cannot reach the database at 127\.0\.0\.1:1\/nowhere: /);
    expect(result.stderr).not.toContain("nobody");
  });

  it("lists every invalid setting at once and exits 1", () => {
    const result = run("scripts/start.ts", { GATEWAY_PORT: "not-a-port", DATABASE_URL: "mysql://x", NODE_ENV: "staging" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("invalid configuration");
    expect(result.stderr).toContain("GATEWAY_PORT");
    expect(result.stderr).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
    expect(result.stderr).toContain("NODE_ENV");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses to run one subgraph alone without a database URL", () => {
    const result = run("services/actors/main.ts", {});
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("actors: no database: set ACTORS_DATABASE_URL or DATABASE_URL (or use `npm start` for the embedded database)");
  });
});
