import { badUserInput } from "../schema/errors.js";

/** Long enough for any real query, short enough that one request cannot ask Postgres for much. */
export const MAX_SEARCH_LENGTH = 200;

/** Trims a search string and rejects an empty or over-long one, naming the argument. */
export function checkSearchText(argumentName: string, text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw badUserInput(argumentName, "must not be empty");
  if (trimmed.length > MAX_SEARCH_LENGTH) {
    throw badUserInput(argumentName, `must be at most ${MAX_SEARCH_LENGTH} characters, got ${trimmed.length}`);
  }
  return trimmed;
}
