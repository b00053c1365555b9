// A country's actor carries the country's names and its CAMEO code ("Türkiye", "Turkey",
// "Turkiye", CAMEO TUR), whoever made it: GDELT for a bare CAMEO country code, a document (the
// seed), an editor. So searching by any of the names or by the code finds the one actor, a
// dataset's "Turkey" matches it by name, and a curated state absorbs the actor GDELT made for
// the code (merge-actors.ts), whichever comes first. A country's actor is a STATE whose country
// is set and whose name is one of the country's or who holds its code: a state of another
// name with that country ("Somaliland", SOM) is not the country and gets neither.
import { and, eq, sql } from "drizzle-orm";
import { anyOfIds } from "../../../db/any-of-ids.js";
import type { Database } from "../../../db/client.js";
import { chunks } from "../../../db/bulk/chunks.js";
import { MERIDIAN_NAMESPACE } from "../../kit/records/entity-ids.js";
import { normalizeName } from "../../kit/records/normalize-name.js";
import { actors, aliases } from "../data/tables.js";
import { countryCodeNamed, countryNames } from "./country-names.js";

type AliasRow = typeof aliases.$inferInsert;

/**
 * Gives the country's actors among `actorIds` the names and code they lack; the others are left
 * alone. The code goes to an actor only while no other holds it, or, when the caller then
 * absorbs dataset actors into curated ones by their codes (`thenAbsorbed`, as writeActors
 * does), to a curated actor while no other curated one holds it: no code is left on two actors.
 */
export async function addCountryAliases(db: Database, actorIds: readonly string[], { thenAbsorbed }: { thenAbsorbed: boolean }): Promise<void> {
  const states: { id: string; name: string; country: string }[] = [];
  for (const ids of chunks([...new Set(actorIds)])) {
    const rows = await db
      .select({ id: actors.id, name: actors.name, country: actors.country })
      .from(actors)
      .where(and(anyOfIds(actors.id, ids), eq(actors.kind, "STATE"), sql`${actors.country} is not null`));
    for (const row of rows) states.push({ id: row.id, name: row.name, country: row.country! });
  }
  if (states.length === 0) return;
  const holders = await codeHolders(db, [...new Set(states.map((state) => state.country))]);
  const rows: AliasRow[] = [];
  for (const state of states.sort((a, b) => a.id.localeCompare(b.id))) {
    const others = [...(holders.get(state.country) ?? [])].filter((holder) => holder !== state.id);
    const holdsCode = holders.get(state.country)?.has(state.id) ?? false;
    if (!holdsCode && countryCodeNamed(state.name) !== state.country) continue;
    for (const name of countryNames(state.country)) rows.push(aliasRow(state.id, "FREE", name));
    if (holdsCode) continue;
    // A second curated state of one country is an editor's duplicate: left for an editor to merge.
    const takesCode = others.length === 0 || (thenAbsorbed && isCurated(state.id) && !others.some(isCurated));
    if (!takesCode) continue;
    rows.push(aliasRow(state.id, "CAMEO", state.country));
    holders.set(state.country, new Set([...others, state.id]));
  }
  for (const batch of chunks(rows)) await db.insert(aliases).values(batch).onConflictDoNothing();
}

function isCurated(actorId: string): boolean {
  return actorId.startsWith(`${MERIDIAN_NAMESPACE}:`);
}

/** The actors holding each country's code as a CAMEO alias. */
async function codeHolders(db: Database, countries: readonly string[]): Promise<Map<string, Set<string>>> {
  const holders = new Map<string, Set<string>>();
  const rows = await db
    .select({ value: aliases.value, actorId: aliases.actorId })
    .from(aliases)
    .where(and(eq(aliases.scheme, "CAMEO"), anyOfIds(aliases.value, countries)));
  for (const row of rows) holders.set(row.value, (holders.get(row.value) ?? new Set()).add(row.actorId));
  return holders;
}

function aliasRow(actorId: string, scheme: "FREE" | "CAMEO", value: string): AliasRow {
  return { actorId, scheme, value, normalizedValue: normalizeName(value) };
}
