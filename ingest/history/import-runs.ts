// Every import (and the seed) is a recorded change in each subgraph's history: one run ID,
// its format and files (with their SHA-256), who ran it, when, and its summary. Every row it
// writes is recorded under the run's change in its subgraph (services/kit/history), so that
// `npm run revert-import -- <run>` can put each back.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { userInfo } from "node:os";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { SUBGRAPH_HISTORIES } from "../../services/histories.js";
import { beginChange } from "../../services/kit/history/begin-change.js";
import type { ImportedFile } from "../../services/kit/history/history-tables.js";
import type { SubgraphName } from "../../services/registry.js";

export interface ImportRunDescription {
  /** "acled", "gdelt", "meridian", or "seed". */
  format: string;
  files: readonly string[];
  /** Who runs it; by default the system user, "os:<name>". */
  by?: string;
}

export interface StartedRun {
  id: string;
  startedAt: Date;
}

/** The user an import is recorded as when no other is given. */
export function systemUser(): string {
  try {
    return `os:${userInfo().username}`;
  } catch {
    return "os:unknown";
  }
}

/** Records the run's start in every subgraph's history, inside `databases`' transactions; rows written after it belong to it. */
export async function beginImportRun(databases: Record<SubgraphName, Database>, run: ImportRunDescription): Promise<StartedRun> {
  const id = randomUUID();
  const startedAt = new Date();
  const files = await Promise.all(run.files.map(describeFile));
  for (const name of Object.keys(SUBGRAPH_HISTORIES) as SubgraphName[]) {
    const history = SUBGRAPH_HISTORIES[name];
    const db = databases[name];
    const changeId = await beginChange(db, history, { kind: run.format === "seed" ? "seed" : "import", keyName: run.by ?? systemUser(), importRunId: id });
    await db.insert(history.tables.importRuns).values({ id, changeId, format: run.format, files, startedAt });
  }
  return { id, startedAt };
}

/** Records the run's end and summary, before its transactions commit. */
export async function finishImportRun(databases: Record<SubgraphName, Database>, runId: string, summary: unknown): Promise<void> {
  for (const name of Object.keys(SUBGRAPH_HISTORIES) as SubgraphName[]) {
    const { importRuns } = SUBGRAPH_HISTORIES[name].tables;
    await databases[name].update(importRuns).set({ finishedAt: new Date(), summary }).where(eq(importRuns.id, runId));
  }
}

// Standard input ("-", as ingest/import/input-stream.ts names it) cannot be read twice: it is recorded by name only.
async function describeFile(file: string): Promise<ImportedFile> {
  if (file === "-") return { name: "-", bytes: null, sha256: null };
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { name: file, bytes: (await stat(file)).size, sha256: hash.digest("hex") };
}
