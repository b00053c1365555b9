// `npm run build` compiles the code that docker-compose.yml runs: every compose command names
// a file the build produces, and the compiled graph starts with plain node (no tsx) and
// answers from the files the build copies beside it (migrations, seed story, supergraph).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { freePort } from "../../scripts/harness/processes.js";

const projectRoot = new URL("../..", import.meta.url).pathname;
// Inside the project, so that the compiled code finds node_modules as dist/ does.
const outDir = join(projectRoot, "node_modules/.cache/meridian-build-test");
const compose = parse(readFileSync(join(projectRoot, "docker-compose.yml"), "utf8"), { merge: true }).services as Record<
  string,
  { command?: string[]; image?: string }
>;

beforeAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  // What `npm run build` runs, into outDir instead of dist/.
  execFileSync(process.execPath, [join(projectRoot, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", outDir], {
    cwd: projectRoot,
    stdio: "pipe",
  });
  execFileSync(process.execPath, [join(outDir, "scripts/copy-runtime-assets.js"), outDir], { cwd: projectRoot, stdio: "pipe" });
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("npm run build", () => {
  it("produces every entry point docker-compose.yml runs", () => {
    const entries = Object.values(compose).flatMap((service) => (service.command?.[0] === "node" ? [service.command[1]!] : []));
    expect(entries.length).toBeGreaterThanOrEqual(5);
    for (const entry of entries) expect(existsSync(join(outDir, entry.replace(/^dist\//, ""))), entry).toBe(true);
  });

  it("leaves out the tests, benchmarks and development tools", () => {
    for (const left of ["test", "bench", "clients", "scripts/compose.js", "services/actors/data/drizzle.config.js"])
      expect(existsSync(join(outDir, left)), left).toBe(false);
  });
});

describe("the compiled graph on the embedded database", () => {
  let child: ChildProcess;
  let output = "";
  let gateway: string;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "meridian-build-"));
    const ports = { GATEWAY_PORT: await freePort(), ACTORS_PORT: await freePort(), STATEMENTS_PORT: await freePort(), INCIDENTS_PORT: await freePort() };
    gateway = `http://127.0.0.1:${ports.GATEWAY_PORT}`;
    // No tsx anywhere: plain node on the compiled JavaScript, as the image runs it.
    child = spawn(process.execPath, [join(outDir, "scripts/start.js")], {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH,
        APOLLO_TELEMETRY_DISABLED: "1",
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
        PGLITE_DATA_DIR: dataDir,
        ...Object.fromEntries(Object.entries(ports).map(([key, port]) => [key, String(port)])),
      },
    });
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", () => output.includes("Meridian is up") && resolve());
      child.once("exit", (code) => reject(new Error(`the compiled graph exited with ${code}:\n${output}`)));
    });
  }, 120_000);
  afterAll(() => {
    child?.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers /health and the seed story (migrations, seed and supergraph copied beside the code)", async () => {
    expect((await fetch(`${gateway}/health`)).status).toBe(200);
    const query = readFileSync(join(projectRoot, "examples/seed-story.graphql"), "utf8");
    const response = await fetch(`${gateway}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { data?: { claim?: { text?: string } }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data?.claim?.text).toBeTruthy();
  });

  it("stops with exit code 0 on SIGTERM, as `docker stop` sends it", async () => {
    const exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 30_000);
});
