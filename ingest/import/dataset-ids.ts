// IDs of what dataset imports create, derived from the datasets' natural keys so that the
// same input imported twice gives the same IDs (a format's own IDs are in its folder):
//   incidents and statements  <namespace>:<natural key> (acled:<event_id_cnty>, gdelt:<GLOBALEVENTID>)
//   actors                    <namespace>:<slug of the name or code> (acled:<ACLED name>, gdelt:<CAMEO code>)
//   places                    <incident ID>.<slug of the place name>
//   sources                   src:<slug of the host>-<hash of the URL> (an article, GDELT's SOURCEURL)
import { createHash } from "node:crypto";
import { slugify } from "../../services/kit/schema/ids.js";
import { derivedPlaceKey } from "../../services/kit/records/entity-ids.js";
import { RowError } from "./import-errors.js";
import { quote } from "./row-fields.js";

/** The namespace of a dataset's IDs ("acled"). */
export type DatasetNamespace = string;

const NATURAL_KEY = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;
// Slugs longer than this are cut and completed with a hash of the whole text, so that two
// long names sharing a beginning still get IDs of their own.
const LONGEST_PLAIN_SLUG = 100;

/** "acled:SOM49639"; a key that cannot be part of an ID is a problem of its column. */
export function recordId(namespace: DatasetNamespace, column: string, naturalKey: string): string {
  if (!NATURAL_KEY.test(naturalKey)) throw new RowError(column, `must be letters, digits, dots or hyphens such as SOM49639 (got ${quote(naturalKey)})`);
  return `${namespace}:${naturalKey}`;
}

export function actorIdFor(namespace: DatasetNamespace, nameOrCode: string): string {
  return `${namespace}:${slugOrHash(nameOrCode)}`;
}

/** A second ID for an actor whose first one is taken by a different actor (names that slug alike, "O'Brien" and "O Brien"). */
export function disambiguatedActorId(namespace: DatasetNamespace, nameOrCode: string): string {
  return `${actorIdFor(namespace, nameOrCode)}-${hashOf(nameOrCode).slice(0, 8)}`;
}

export function placeIdFor(incidentId: string, placeName: string): string {
  return `${incidentId}.${derivedPlaceKey(placeName) ?? "place"}`;
}

/** For a URL, the host makes the ID readable and the hash makes it unique; for other text (GDELT sometimes names a wire service instead), the text's slug does. */
export function articleSourceId(urlOrName: string): string {
  const host = hostOf(urlOrName);
  return `src:${[
    slugify(host ?? urlOrName)
      .slice(0, 60)
      .replace(/-+$/, ""),
    hashOf(urlOrName).slice(0, 12),
  ]
    .filter(Boolean)
    .join("-")}`;
}

/** The host of an http(s) URL without "www.", undefined for anything else. */
export function hostOf(text: string): string | undefined {
  if (!/^https?:\/\//i.test(text)) return undefined;
  try {
    return new URL(text).hostname.replace(/^www\./, "") || undefined;
  } catch {
    return undefined;
  }
}

/** The text's slug; a long one cut and completed with a hash of the whole text. */
export function slugOrHash(text: string): string {
  const slug = slugify(text);
  if (slug && slug.length <= LONGEST_PLAIN_SLUG) return slug;
  return [slug.slice(0, LONGEST_PLAIN_SLUG).replace(/-+$/, ""), hashOf(text).slice(0, 12)].filter(Boolean).join("-");
}

function hashOf(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
