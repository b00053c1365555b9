import { type SQL, and, eq, sql } from "drizzle-orm";
import { anyOfIds } from "../../../db/any-of-ids.js";
import type { Database } from "../../../db/client.js";
import { type Connection, checkPageSize, decodeCursor, toConnection } from "../../kit/pages/pagination.js";
import type { PageOrder } from "../../kit/pages/keyset-page.js";
import { keysetPage } from "../../kit/pages/keyset-page.js";
import { ActorLink } from "../schema/actor-link.type.js";
import type { ActorLinkFilter } from "../schema/actor-link.input.js";
import { assertWellFormedId } from "../../kit/schema/ids.js";
import { actorLinks } from "./tables.js";

type LinkRow = typeof actorLinks.$inferSelect;

export function toActorLink(row: LinkRow): ActorLink {
  return Object.assign(new ActorLink(), {
    ...row,
    madeAt: row.madeAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  });
}

/** Editors review links least sure first: (confidence, scheme, value, actor), which the status index serves. */
const leastSureFirst: PageOrder = {
  after(cursor, argumentName = "after") {
    if (!cursor) return undefined;
    const [confidence, scheme, value, actorId] = decodeCursor(cursor, ["real", "text", "text", "text"], argumentName);
    return sql`(${actorLinks.confidence}, ${actorLinks.scheme}, ${actorLinks.value}, ${actorLinks.actorId}) > (cast(${confidence} as double precision), ${scheme}, ${value}, ${actorId})`;
  },
  orderBy: () => [sql`${actorLinks.confidence} asc`, sql`${actorLinks.scheme} asc`, sql`${actorLinks.value} asc`, sql`${actorLinks.actorId} asc`],
};

/** Reads the links between datasets' identifiers and actors. */
export class ActorLinkRepository {
  constructor(private readonly db: Database) {}

  async list(filter: ActorLinkFilter | null | undefined, first: number, after: string | null | undefined): Promise<Connection<ActorLink>> {
    checkPageSize(first);
    const condition = linkFilterCondition(filter);
    const rows = await keysetPage(this.db.select().from(actorLinks).$dynamic(), condition, leastSureFirst, first, after);
    return toConnection(
      rows,
      first,
      (row) => [row.confidence, row.scheme, row.value, row.actorId],
      toActorLink,
      () => this.db.$count(actorLinks, condition),
    );
  }

  /** Every link to each actor, decided ones too, by scheme and value. */
  async linksOf(actorIds: readonly string[]): Promise<Map<string, ActorLink[]>> {
    const rows = await this.db.select().from(actorLinks).where(anyOfIds(actorLinks.actorId, actorIds)).orderBy(actorLinks.scheme, actorLinks.value);
    const byActor = new Map<string, ActorLink[]>();
    for (const row of rows) byActor.set(row.actorId, [...(byActor.get(row.actorId) ?? []), toActorLink(row)]);
    return byActor;
  }
}

function linkFilterCondition(filter: ActorLinkFilter | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  if (filter.actor != null) assertWellFormedId("filter.actor", filter.actor);
  return and(
    filter.status == null ? undefined : eq(actorLinks.status, filter.status),
    filter.method == null ? undefined : eq(actorLinks.method, filter.method),
    filter.scheme == null ? undefined : eq(actorLinks.scheme, filter.scheme),
    filter.actor == null ? undefined : eq(actorLinks.actorId, filter.actor),
  );
}
