// Keyset cursors of search results, which are ordered best first by (score, id).
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { decodeCursor } from "../pages/pagination.js";

/** The hits after the one `after` names, or undefined when there is no cursor. */
export function afterSearchCursor(ranked: { score: SQLWrapper; id: SQLWrapper }, after: string | null | undefined): SQL | undefined {
  if (!after) return undefined;
  const [score, id] = decodeCursor(after, ["real", "text"]);
  // ts_rank is a real: the cursor's number is compared as one, or equal scores would differ.
  return sql`(${ranked.score}, ${ranked.id}) < (cast(${score} as real), ${id})`;
}
