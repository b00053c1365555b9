// A Postgres server of the test's own, in a temporary folder on a free port, that a test may
// stop and start at will: the shared server on 5432 is never restarted.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../scripts/harness/processes.js";

function findBinaries(): { initdb: string; pgCtl: string } | undefined {
  const folders = [
    ...(process.env.PATH ?? "").split(":"),
    "/usr/local/bin",
    ...(existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").map((version) => `/usr/lib/postgresql/${version}/bin`) : []),
  ];
  const folder = folders.find((candidate) => candidate && existsSync(join(candidate, "initdb")) && existsSync(join(candidate, "pg_ctl")));
  return folder ? { initdb: join(folder, "initdb"), pgCtl: join(folder, "pg_ctl") } : undefined;
}

const binaries = findBinaries();

/** Why the throwaway-server tests did not run, for describe.skip's title; undefined when they can. */
export const THROWAWAY_POSTGRES_SKIPPED_NOTE = binaries
  ? undefined
  : "no Postgres binaries (initdb, pg_ctl) on this machine: the tests that start and restart a Postgres server of their own did not run";

export interface ThrowawayPostgres {
  url: string;
  stop(): void;
  start(): void;
  dispose(): void;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  if (!binaries) throw new Error(THROWAWAY_POSTGRES_SKIPPED_NOTE);
  const folder = mkdtempSync(join(tmpdir(), "meridian-throwaway-pg-"));
  const dataDir = join(folder, "data");
  const port = await freePort();
  // initdb refuses to run as root: then the server runs as the postgres user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot)
    chownSync(folder, Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), Number(execFileSync("id", ["-g", "postgres"]).toString().trim()));
  const run = (binary: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : binary, asRoot ? ["-u", "postgres", "--", binary, ...args] : args, { stdio: "pipe" });
  run(binaries.initdb, ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const start = () =>
    run(binaries.pgCtl, ["-D", dataDir, "-l", join(folder, "log"), "-w", "-o", `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
  const stop = () => run(binaries.pgCtl, ["-D", dataDir, "-m", "fast", "-w", "stop"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    dispose() {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
