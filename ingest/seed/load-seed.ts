// The seed story: the article about Chinese citizens fighting for Russia and the reports
// around it, shipped as Meridian's first dataset so that a new graph can answer questions
// about it at once.
import { fileURLToPath } from "node:url";
import { actors, tombstones } from "../../services/actors/data/tables.js";
import { type LoadSummary, loadDocument } from "../documents/load-document.js";
import { parseDocumentFile } from "../documents/parse-document-file.js";
import type { SubgraphHandles } from "../documents/subgraph-handles.js";

export const SEED_STORY_PATH = fileURLToPath(new URL("./seed-story.json", import.meta.url));

/** Loads the seed story; loading it into a database that already holds it changes nothing. */
export async function loadSeed(handles: SubgraphHandles): Promise<LoadSummary> {
  return loadDocument(await parseDocumentFile(SEED_STORY_PATH), handles, { format: "seed", files: [SEED_STORY_PATH] });
}

/**
 * True when no actor is stored nor was ever deleted: startup seeds only such a database, so
 * later edits survive restarts (deleting every actor does not bring the seed back).
 */
export async function isDatabaseEmpty(handles: Pick<SubgraphHandles, "actors">): Promise<boolean> {
  return (await handles.actors.db.$count(actors)) === 0 && (await handles.actors.db.$count(tombstones)) === 0;
}
