// The import command as users run it, as a child process: `node --import tsx
// scripts/import.ts …` on an embedded PGlite folder (PGLITE_DATA_DIR) and on Postgres
// (DATABASE_URL). Exit codes, the summary, --dry-run's actor list, standard input, and a
// process killed half way, which must leave the database as it was.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "../../../db/client.js";
import { indexesAndTriggers } from "../../support/indexes-and-triggers.js";
import { countRows, type RowCounts } from "../documents/support/row-counts.js";
import { type Backend, BACKENDS, POSTGRES_SKIPPED_NOTE, type TestDatabase } from "../../../scripts/harness/backends.js";
import { ACLED_EXPORT_TOOL_FIXTURE, acledLines, GDELT_FIXTURE, temporaryFolder, writeInput } from "./support/sample-files.js";
import { forEverySubgraph } from "../../../services/registry.js";

const projectRoot = new URL("../../..", import.meta.url).pathname;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Target {
  env: Record<string, string>;
  /** Row counts, read once no import process is running. */
  counts(): Promise<RowCounts>;
  /** Every index and trigger of the subgraphs' schemas, and whether the trigger fires. */
  indexesAndTriggers(): Promise<string[]>;
  dispose(): Promise<void>;
}

async function targetOn(backend: Backend): Promise<Target> {
  if (backend.name === "postgres") {
    const database: TestDatabase = await backend.create();
    const handles = forEverySubgraph(database.handle);
    return {
      env: { DATABASE_URL: database.url! },
      counts: () => countRows(handles),
      indexesAndTriggers: () => indexesAndTriggers(database.handle.db),
      dispose: () => database.dispose(),
    };
  }
  const dataDir = temporaryFolder();
  return {
    env: { PGLITE_DATA_DIR: dataDir },
    async counts() {
      const handle = await openPglite(dataDir);
      try {
        return await countRows(forEverySubgraph(handle));
      } finally {
        await handle.close();
      }
    },
    async indexesAndTriggers() {
      const handle = await openPglite(dataDir);
      try {
        return await indexesAndTriggers(handle.db);
      } finally {
        await handle.close();
      }
    },
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

function startImport(args: string[], env: Record<string, string>, stdinText?: string): ChildProcess & { outcome: Promise<Outcome> } {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], { cwd: projectRoot, env: { PATH: process.env.PATH, ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  if (stdinText !== undefined) child.stdin.end(stdinText);
  else child.stdin.end();
  const outcome = new Promise<Outcome>((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
  return Object.assign(child, { outcome });
}

const runCommand = (args: string[], env: Record<string, string>, stdinText?: string) => startImport(args, env, stdinText).outcome;

/** Each import is a process of its own that starts Node, tsx and a database: on a loaded machine, tens of seconds. */
const COMMAND_TIMEOUT = 180_000;

const folder = temporaryFolder();
// The ACLED fixture's rows, copied with event IDs of their own until the file is long enough to be killed half way.
const { header, rows } = acledLines(25_000);
const fiveRows = writeInput(folder, "five.csv", `${[header, ...rows.slice(0, 5)].join("\n")}\n`);
const largeFile = writeInput(folder, "large.csv", `${[header, ...rows].join("\n")}\n`);

describe.each(BACKENDS)("the import command on $name", (backend) => {
  let target: Target;
  beforeAll(async () => {
    target = await targetOn(backend);
  });
  afterAll(() => target.dispose());

  it(
    "imports a file, prints a summary per entity, and finds everything unchanged the second time",
    async () => {
      const first = await runCommand(["--format", "acled", ACLED_EXPORT_TOOL_FIXTURE], target.env);
      expect(first).toMatchObject({ code: 0 });
      expect(first.stdout).toMatch(/^import --format acled: 3 rows from .*export-tool-dates\.csv in [\d.]+ s/);
      expect(first.stdout).toMatch(/\nincidents +3 +0 +0 +0\n/);
      // Issue 18: "Government of Iceland (2024-) Harbour Council" names its government, which is CAMEO ISLGOV by the crosswalk (created with it).
      expect(first.stdout).toContain("actors: 1 matched (0 by the same code or name in its scheme, 1 by a crosswalk rule, 0 by name and country), 6 created");
      const second = await runCommand(["--format", "acled", ACLED_EXPORT_TOOL_FIXTURE], target.env);
      expect(second.stdout).toMatch(/\nincidents +0 +0 +3 +0\n/);
      expect(second.stdout).toContain("actors: 7 matched (7 by the same code or name in its scheme, 0 by a crosswalk rule, 0 by name and country), 0 created");
    },
    COMMAND_TIMEOUT,
  );

  it(
    "with --dry-run lists how actors would resolve and writes nothing",
    async () => {
      const before = await target.counts();
      const dryRun = await runCommand(["--format", "acled", "--dry-run", fiveRows], target.env);
      expect(dryRun.code).toBe(0);
      expect(dryRun.stdout).toContain("(dry run: nothing was written)");
      expect(dryRun.stdout).toMatch(
        /\nactors created:\n(  ACLED .*\n)*  ACLED "Red Fjord Rebels" → acled:red-fjord-rebels \(ARMED_GROUP, "Red Fjord Rebels"\)\n/,
      );
      expect(await target.counts()).toEqual(before);
    },
    COMMAND_TIMEOUT,
  );

  it(
    "reads standard input for -",
    async () => {
      const gdeltLines = readFileSync(GDELT_FIXTURE, "utf8").split("\n").slice(0, 20).join("\n");
      const piped = await runCommand(["--format", "gdelt", "-"], target.env, `${gdeltLines}\n`);
      expect(piped.code).toBe(0);
      expect(piped.stdout).toMatch(/^import --format gdelt: 20 rows from - in/);
    },
    COMMAND_TIMEOUT,
  );

  it(
    "exits 2 for a wrong command line and 1 for a missing file or an invalid row, naming FILE:LINE",
    async () => {
      const unknownFormat = await runCommand(["--format", "xml", ACLED_EXPORT_TOOL_FIXTURE], target.env);
      expect(unknownFormat.code).toBe(2);
      expect(unknownFormat.stderr).toMatch(/^import: unknown --format "xml": use acled, gdelt or meridian\n\nusage: npm run import/);
      const missing = await runCommand(["--format", "gdelt", `${folder}/missing.CSV`], target.env);
      expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/^import: .*missing\.CSV: no such file/) });
      const invalid = writeInput(folder, "invalid.csv", `${header}\n${rows[0]!.replace(/,(\d+),,(\d+)$/, ",many,,$2")}\n`);
      const rejected = await runCommand(["--format", "acled", invalid], target.env);
      expect(rejected.code).toBe(1);
      expect(rejected.stderr).toMatch(/^import: .*invalid\.csv:2: fatalities: must be a whole number \(got "many"\)\n  \(nothing was written/);
    },
    COMMAND_TIMEOUT,
  );

  it.each([
    { path: "incremental path", flags: ["--no-bulk"] },
    // The bulk path has dropped indexes and disabled the tallies' triggers by its first progress line.
    { path: "bulk path", flags: ["--bulk"] },
  ])(
    "leaves the database as it was when the process is killed half way ($path)",
    async ({ flags }) => {
      const before = await target.counts();
      const schemaBefore = await target.indexesAndTriggers();
      const child = startImport(["--format", "acled", ...flags, largeFile], target.env);
      // A progress line comes after a batch is written, inside the import's open transaction.
      await new Promise<void>((resolve, reject) => {
        let stderr = "";
        child.stderr!.on("data", (chunk: Buffer) => {
          stderr += chunk.toString();
          if (/large\.csv: [\d,]+ rows/.test(stderr)) resolve();
        });
        child.once("close", (code) => reject(new Error(`the import ended (${code}) before it could be killed:\n${stderr}`)));
      });
      child.kill("SIGKILL");
      expect((await child.outcome).code).toBeNull();
      expect(await target.counts()).toEqual(before);
      expect(await target.indexesAndTriggers()).toEqual(schemaBefore);
    },
    COMMAND_TIMEOUT,
  );

  it(
    "says on the bulk path that readers wait, and what it built",
    async () => {
      const bulk = await runCommand(["--format", "acled", "--bulk", fiveRows], target.env);
      expect(bulk.code).toBe(0);
      expect(bulk.stderr).toContain(
        "import: bulk load (--bulk): indexes are built after the rows; readers of incidents and statements wait until the import commits",
      );
      expect(bulk.stderr).toMatch(/import: building \d+ indexes and counting the tallies; readers still wait/);
      expect(bulk.stdout).toMatch(/\nbulk load \(--bulk\): \d+ indexes built after the rows, and the tallies counted, in [\d.]+ s\n/);
    },
    COMMAND_TIMEOUT,
  );
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("the import command on postgres"));
