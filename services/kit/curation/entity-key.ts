// The ID a created entity gets: "meridian:<key>", from the key given or, without one, the
// slug of its name or title, like the keys of Meridian documents.
import { MAX_KEY_LENGTH } from "../records/entity-ids.js";
import { slugify } from "../schema/ids.js";

export function keyFor(given: string | null | undefined, nameOrTitle: string | null | undefined): string {
  if (given != null) return given;
  // An unusable name is reported by the document check (empty text); "" fails the key check there too.
  return slugify(nameOrTitle ?? "")
    .slice(0, MAX_KEY_LENGTH)
    .replace(/-+$/, "");
}

/**
 * A key that stands in for an existing entity's own while its new state is checked as a
 * document: the entity may come from a dataset ("acled:…"), whose ID no key gives.
 */
export const STAND_IN_KEY = "entity-being-edited";
