import { eq, getTableColumns } from "drizzle-orm";
import { anyOfIds } from "../../../db/any-of-ids.js";
import type { Database } from "../../../db/client.js";
import { type Connection, Keyset, checkPageSize, toConnection } from "../../kit/pages/pagination.js";
import { keysetPage } from "../../kit/pages/keyset-page.js";
import { actorFilterCondition, checkActorFilter } from "./actor-filter.js";
import { type Alias, Actor } from "../schema/actor.type.js";
import type { ActorFilter } from "../schema/actor.input.js";
import { actorRedirects, actors, aliases } from "./tables.js";

type ActorRow = typeof actors.$inferSelect;

const byName = new Keyset(actors.name, actors.id);

export function toActor(row: ActorRow): Actor {
  return Object.assign(new Actor(), {
    id: row.id,
    kind: row.kind,
    name: row.name,
    country: row.country,
    description: row.description,
  });
}

/** Reads the actors schema. Takes the database it is given, PGlite or Postgres alike. */
export class ActorRepository {
  constructor(private readonly db: Database) {}

  /**
   * The actor each ID names, following merges: the ID of an actor merged into another gives
   * the survivor. IDs that name nothing are left out of the map.
   */
  async resolveIds(ids: readonly string[]): Promise<Map<string, Actor>> {
    if (ids.length === 0) return new Map();
    // One query whether or not any ID was merged: the actors named, and the survivors of the merged.
    const columns = getTableColumns(actors);
    const direct = this.db
      .select({ requestedId: actors.id, ...columns })
      .from(actors)
      .where(anyOfIds(actors.id, ids));
    const redirected = this.db
      .select({ requestedId: actorRedirects.fromId, ...columns })
      .from(actorRedirects)
      .innerJoin(actors, eq(actors.id, actorRedirects.toId))
      .where(anyOfIds(actorRedirects.fromId, ids));
    const rows = await direct.unionAll(redirected);
    return new Map(rows.map(({ requestedId, ...row }) => [requestedId, toActor(row)]));
  }

  async list(filter: ActorFilter | null | undefined, first: number, after: string | null | undefined): Promise<Connection<Actor>> {
    checkPageSize(first);
    checkActorFilter(filter);
    const condition = actorFilterCondition(filter);
    const rows = await keysetPage(this.db.select().from(actors).$dynamic(), condition, byName, first, after);
    return toConnection(
      rows,
      first,
      (row) => [row.name, row.id],
      toActor,
      () => this.db.$count(actors, condition),
    );
  }

  /** The IDs of the actors merged into each actor (see mergeActors), in ID order. */
  async mergedIdsOf(actorIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.db
      .select({ fromId: actorRedirects.fromId, toId: actorRedirects.toId })
      .from(actorRedirects)
      .where(anyOfIds(actorRedirects.toId, actorIds))
      .orderBy(actorRedirects.fromId);
    const byActor = new Map<string, string[]>();
    for (const row of rows) byActor.set(row.toId, [...(byActor.get(row.toId) ?? []), row.fromId]);
    return byActor;
  }

  async aliasesOf(actorIds: readonly string[]): Promise<Map<string, Alias[]>> {
    const rows = await this.db.select().from(aliases).where(anyOfIds(aliases.actorId, actorIds)).orderBy(aliases.scheme, aliases.value);
    const byActor = new Map<string, Alias[]>();
    for (const row of rows) {
      const alias = { scheme: row.scheme, value: row.value, validFrom: row.validFrom, validTo: row.validTo } as Alias;
      byActor.set(row.actorId, [...(byActor.get(row.actorId) ?? []), alias]);
    }
    return byActor;
  }
}
