// `npm start` with no database URL: the whole graph on an embedded PGlite that keeps its
// data in a folder, seeded on first start and not again after a restart.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { postGraphQL } from "../support/graph.js";
import { freePort } from "../../scripts/harness/processes.js";

const projectRoot = new URL("../..", import.meta.url).pathname;

interface Started {
  child: ChildProcess;
  output: string;
}

/** Starts `scripts/start.ts` as `npm start` does and waits for its banner. */
async function startEmbedded(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, LOG_LEVEL: "info", ...env },
  });
  const started: Started = { child, output: "" };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 60 s:\n${started.output}`)), 60_000);
    const collect = (chunk: Buffer) => {
      started.output += chunk.toString();
      if (started.output.includes("Meridian is up")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("exit", (code) => reject(new Error(`exited with ${code}:\n${started.output}`)));
  });
  return started;
}

async function stop(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => started.child.once("exit", (code) => resolve(code)));
  started.child.kill("SIGINT");
  return exited;
}

describe("npm start on the embedded database", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "meridian-pglite-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("serves the seed story, keeps its data across a restart and does not seed twice", async () => {
    const ports = { GATEWAY_PORT: await freePort(), ACTORS_PORT: await freePort(), STATEMENTS_PORT: await freePort(), INCIDENTS_PORT: await freePort() };
    const env = { PGLITE_DATA_DIR: dataDir, ...Object.fromEntries(Object.entries(ports).map(([key, value]) => [key, String(value)])) };
    const gatewayUrl = `http://localhost:${ports.GATEWAY_PORT}/`;
    const countQuery = `{ actors(first: 0) { totalCount } statements(first: 0) { totalCount } incidents(first: 0) { totalCount } }`;

    const first = await startEmbedded(env);
    expect(first.output).toContain(gatewayUrl);
    expect(first.output).toContain("loaded the seed story");
    for (const port of [ports.ACTORS_PORT, ports.STATEMENTS_PORT, ports.INCIDENTS_PORT]) {
      expect(first.output).toContain(`http://localhost:${port}/graphql`);
    }
    const seeded = await postGraphQL(gatewayUrl, countQuery);
    expect(seeded.data.actors.totalCount).toBeGreaterThan(10);
    expect(seeded.data.statements.totalCount).toBeGreaterThan(5);
    expect(await stop(first)).toBe(0);

    const second = await startEmbedded(env);
    expect(second.output).not.toContain("loaded the seed story");
    const afterRestart = await postGraphQL(gatewayUrl, countQuery);
    expect(afterRestart.data).toEqual(seeded.data);
    expect(await stop(second)).toBe(0);
  });
});
