// Keys and IDs of the entities of a Meridian document: IDs are derived from keys so that
// loading the same document again gives the same IDs.
import { isWellFormedId, slugify } from "../schema/ids.js";

export const MERIDIAN_NAMESPACE = "meridian";

export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
// Keys become IDs ("meridian:<key>", places "meridian:<incident>.<place>"), which may be at
// most 200 characters long.
export const MAX_KEY_LENGTH = 90;

export function meridianId(key: string): string {
  return `${MERIDIAN_NAMESPACE}:${key}`;
}

/** The key of a `meridian:` ID, or undefined for IDs of other namespaces. */
export function meridianKeyOf(id: string): string | undefined {
  const prefix = `${MERIDIAN_NAMESPACE}:`;
  return id.startsWith(prefix) ? id.slice(prefix.length) : undefined;
}

/** "meridian:lin-jian" SPOKESPERSON_FOR "meridian:chinese-foreign-ministry" → "lin-jian-spokesperson-for-chinese-foreign-ministry". */
/** Undefined when the actors' IDs give no usable key (too long, or nothing left after slugging). */
export function derivedRelationKey(subjectId: string, predicate: string, objectId: string): string | undefined {
  const [subject, object] = [keyPart(subjectId), keyPart(objectId)];
  if (!subject || !object) return undefined;
  const key = `${subject}-${predicate.toLowerCase().replaceAll("_", "-")}-${object}`;
  return isWellFormedId(meridianId(key)) ? key : undefined;
}

// A place's ID extends its incident's: the dot cannot occur in a key, so place IDs never
// collide with the IDs of other entities.
export function placeId(incidentKey: string, placeKey: string): string {
  return meridianId(`${incidentKey}.${placeKey}`);
}

/** The key a place has when the document gives none: the slug of its name, as long as a key may be. */
export function derivedPlaceKey(name: string): string | undefined {
  return slugify(name).slice(0, MAX_KEY_LENGTH).replace(/-+$/, "") || undefined;
}

function keyPart(id: string): string {
  return meridianKeyOf(id) ?? slugify(id.slice(id.indexOf(":") + 1));
}
