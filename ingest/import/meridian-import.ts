// `--format meridian`: Meridian documents (JSON, or NDJSON whose lines make one document),
// loaded as the seed story is: each document is checked whole (references, keys, dates) and
// then written. Unlike datasets they are not streamed: references run across the whole
// document. All documents of one import share its transaction, so a later document may refer
// to entities of an earlier one, and any problem writes nothing at all.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import type { Database } from "../../db/client.js";
import type { SubgraphName } from "../../services/registry.js";
import { checkDocument } from "../documents/check-document.js";
import { ENTITY_LISTS, type EntityList } from "../documents/document.schema.js";
import { type DocumentFileFormat, parseDocumentFile } from "../documents/parse-document-file.js";
import { DocumentError } from "../../services/kit/records/problems.js";
import type { SubgraphHandles } from "../documents/subgraph-handles.js";
import type { EntityCounts } from "../../services/kit/writes/sync-entities.js";
import { writeDocumentPlan } from "../documents/load-document.js";
import { STDIN } from "./input-stream.js";

export async function importDocuments(
  files: readonly string[],
  handles: SubgraphHandles,
  databases: Record<SubgraphName, Database>,
  stdin: Readable,
): Promise<Record<EntityList, EntityCounts>> {
  // The checks read through the handles: inside the import they must see its transaction.
  const inTransaction = Object.fromEntries(
    Object.entries(handles).map(([name, handle]) => [name, { ...handle, db: databases[name as SubgraphName] }]),
  ) as SubgraphHandles;
  const totals = Object.fromEntries(ENTITY_LISTS.map((list) => [list, { inserted: 0, updated: 0, unchanged: 0 }])) as Record<EntityList, EntityCounts>;
  for (const file of files) {
    const parsed = file === STDIN ? await parseStandardInput(stdin) : await parseDocumentFile(file);
    const plan = await checkDocument(parsed, inTransaction);
    const counts = await writeDocumentPlan(plan, databases);
    for (const list of ENTITY_LISTS) {
      totals[list].inserted += counts[list].inserted;
      totals[list].updated += counts[list].updated;
      totals[list].unchanged += counts[list].unchanged;
    }
  }
  return totals;
}

/** The document loader reads files; standard input passes through a temporary one, and problems name it "-". */
async function parseStandardInput(stdin: Readable) {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer | string));
  const text = Buffer.concat(chunks).toString("utf8");
  const folder = await mkdtemp(join(tmpdir(), "meridian-import-"));
  const path = join(folder, "stdin");
  try {
    await writeFile(path, text);
    return await parseDocumentFile(path, formatOf(text));
  } catch (error) {
    if (error instanceof DocumentError) {
      throw new DocumentError(
        error.problems.map((problem) => (problem.file === path ? { ...problem, file: STDIN } : problem)),
        error.unreportedCount,
      );
    }
    throw error;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** One JSON value is a document; several lines that are not one value together are NDJSON. */
function formatOf(text: string): DocumentFileFormat {
  try {
    JSON.parse(text);
    return "json";
  } catch {
    return text.trim().split("\n").length > 1 ? "ndjson" : "json";
  }
}
