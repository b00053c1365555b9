import { badUserInput } from "./errors.js";

// IDs are "namespace:local": the namespace says where the record came from (meridian for our
// own documents, acled, gdelt) and the local part is that source's natural key, so importing
// the same input twice gives the same IDs.
const ID_PATTERN = /^[a-z][a-z0-9]*:[A-Za-z0-9][A-Za-z0-9._~-]*$/;
export const MAX_ID_LENGTH = 200;

export function isWellFormedId(value: string): boolean {
  return value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);
}

/** Rejects an argument that can never be an ID, so that unknown IDs alone answer null. */
export function assertWellFormedId(argumentName: string, value: string): string {
  if (!isWellFormedId(value)) {
    throw badUserInput(argumentName, `"${value.slice(0, 60)}" is not a Meridian ID (expected "namespace:key", e.g. "meridian:volodymyr-zelensky")`);
  }
  return value;
}

/** Turns a free name into the local part of an ID: "Military Forces of Russia (2022-)" → "military-forces-of-russia-2022". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 150);
}
