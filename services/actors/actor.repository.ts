import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { badUserInput } from "../common/errors.js";
import { type Connection, Keyset, checkPageSize, toConnection } from "../common/pagination.js";
import { type Alias, Actor } from "./actor.type.js";
import type { ActorFilter } from "./actor.input.js";
import { actors, aliases } from "./db/tables.js";

type ActorRow = typeof actors.$inferSelect;

const COUNTRY_CODE = /^[A-Z]{3}$/;
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

  async findByIds(ids: readonly string[]): Promise<Actor[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.select().from(actors).where(inArray(actors.id, [...ids]));
    return rows.map(toActor);
  }

  async list(filter: ActorFilter | null | undefined, first: number, after: string | null | undefined): Promise<Connection<Actor>> {
    checkPageSize(first);
    const conditions = this.filterConditions(filter);
    const rows = await this.db
      .select()
      .from(actors)
      .where(and(...conditions, byName.after(after)))
      .orderBy(...byName.orderBy())
      .limit(first + 1);
    return toConnection(
      rows,
      first,
      (row) => [row.name, row.id],
      toActor,
      async () => (await this.db.$count(actors, and(...conditions))) as number,
    );
  }

  async aliasesOf(actorIds: readonly string[]): Promise<Map<string, Alias[]>> {
    const rows = await this.db
      .select()
      .from(aliases)
      .where(inArray(aliases.actorId, [...actorIds]))
      .orderBy(aliases.scheme, aliases.value);
    const byActor = new Map<string, Alias[]>();
    for (const row of rows) {
      const alias = { scheme: row.scheme, value: row.value, validFrom: row.validFrom, validTo: row.validTo } as Alias;
      byActor.set(row.actorId, [...(byActor.get(row.actorId) ?? []), alias]);
    }
    return byActor;
  }

  private filterConditions(filter: ActorFilter | null | undefined) {
    if (filter?.country && !COUNTRY_CODE.test(filter.country)) {
      throw badUserInput("filter.country", `"${filter.country}" is not an ISO 3166-1 alpha-3 code (e.g. "UKR")`);
    }
    return [
      filter?.kind ? eq(actors.kind, filter.kind) : undefined,
      filter?.country ? eq(actors.country, filter.country) : undefined,
    ];
  }
}
