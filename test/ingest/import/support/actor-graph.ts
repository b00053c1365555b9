// The actors schema as sorted lines, for tests that compare the graphs several import orders
// give, and the identity rules they check: no code held by two actors, no relation stored twice.
import { actorRelations, actors, aliases } from "../../../../services/actors/data/tables.js";
import type { SubgraphHandles } from "../../../../ingest/documents/subgraph-handles.js";

/** Schemes whose values identify one actor (as merge-actors.ts absorbs by them). */
const CODE_SCHEMES = new Set(["ACLED", "CAMEO", "WIKIDATA"]);

/** Actors, aliases and relations (without relation IDs, which depend on the ends' IDs when first made) as sorted lines. */
export async function actorGraph(handles: SubgraphHandles): Promise<string[]> {
  const db = handles.actors.db;
  const actorLines = (await db.select().from(actors)).map((actor) => `actor ${actor.id} ${actor.kind} ${actor.name} ${actor.country ?? "-"}`);
  const aliasLines = (await db.select().from(aliases)).map(
    (alias) => `alias ${alias.actorId} ${alias.scheme} ${alias.value} ${alias.validFrom ?? "-"} ${alias.validTo ?? "-"}`,
  );
  const relationLines = (await db.select().from(actorRelations)).map(
    (relation) => `relation ${relation.subjectId} ${relation.predicate} ${relation.objectId} ${relation.validFrom ?? "-"} ${relation.validTo ?? "-"}`,
  );
  return [...actorLines, ...aliasLines, ...relationLines].sort();
}

/** The codes (scheme and value) more than one actor holds. */
export async function sharedCodes(handles: SubgraphHandles): Promise<string[]> {
  const holders = new Map<string, Set<string>>();
  for (const alias of await handles.actors.db.select().from(aliases)) {
    if (!CODE_SCHEMES.has(alias.scheme)) continue;
    const code = `${alias.scheme} ${alias.value}`;
    holders.set(code, (holders.get(code) ?? new Set()).add(alias.actorId));
  }
  return [...holders].filter(([, ids]) => ids.size > 1).map(([code, ids]) => `${code}: ${[...ids].sort().join(", ")}`);
}

/** Relations stored more than once for the same subject, predicate and object. */
export async function repeatedRelations(handles: SubgraphHandles): Promise<string[]> {
  const seen = new Map<string, number>();
  for (const relation of await handles.actors.db.select().from(actorRelations)) {
    const key = `${relation.subjectId} ${relation.predicate} ${relation.objectId}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, times]) => times > 1).map(([key, times]) => `${key} ×${times}`);
}
