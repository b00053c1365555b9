// Editors' decisions on links (actorLinks): confirm one, or undo it, the identifier becoming
// the actor it is on its own again: rejected (the two are not the same) or split (related but
// distinct: a relation joins them). Each writes in one transaction and checks first, so a
// refused decision changes nothing.
import { actorsHistory } from "../data/history.js";
import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { rejectArgument } from "../../../platform/graphql/input-problems.js";
import { toActorLink } from "../data/actor-link.repository.js";
import { insertNamedActors } from "./named-actors.js";
import { type RELATION_PREDICATE_VALUES, actorLinks, actorRedirects, actorRelations, actors, aliases, tombstones } from "../data/tables.js";
import { retirementText, tombstonesOf } from "../../kit/records/tombstones.js";
import type { ActorLink } from "../schema/actor-link.type.js";
import { curationTransaction, type NoteChange } from "../../kit/curation/curation-transaction.js";
import type { RequestScope } from "../../kit/curation/request-scope.js";

type LinkRow = typeof actorLinks.$inferSelect;
type RelationPredicate = (typeof RELATION_PREDICATE_VALUES)[number];

export class LinkDecisions {
  constructor(
    private readonly db: Database,
    private readonly request: RequestScope,
  ) {}

  /** The link stands: confidence 1. Confirming a confirmed link changes nothing. */
  async confirm(scheme: string, value: string): Promise<ActorLink> {
    return curationTransaction(this.db, this.request, { history: actorsHistory, kind: "confirmActorLink", entityKind: "actor" }, async (db, note) => {
      const link = await linkInForce(db, scheme, value);
      if (link.status === "CONFIRMED") return toActorLink(link);
      note("updated", link.actorId);
      return toActorLink(await decide(db, link, { status: "CONFIRMED", confidence: 1 }));
    });
  }

  /** The identifier is not the actor: it becomes its own actor again, and no import joins the two again. */
  async reject(scheme: string, value: string): Promise<ActorLink> {
    return curationTransaction(this.db, this.request, { history: actorsHistory, kind: "rejectActorLink", entityKind: "actor" }, async (db, note) => {
      const link = await linkInForce(db, scheme, value);
      await separate(db, link, note);
      return toActorLink(await decide(db, link, { status: "REJECTED" }));
    });
  }

  /** The identifier is a distinct actor related to this one (PART_OF it, by default): both stay, joined by the relation. */
  async split(scheme: string, value: string, predicate: RelationPredicate): Promise<ActorLink> {
    return curationTransaction(this.db, this.request, { history: actorsHistory, kind: "splitActorLink", entityKind: "actor" }, async (db, note) => {
      const link = await linkInForce(db, scheme, value);
      await separate(db, link, note);
      const id = `rel:split-${createHash("sha256").update(`${link.ownActorId} ${predicate} ${link.actorId}`).digest("hex").slice(0, 16)}`;
      const made = await db
        .insert(actorRelations)
        .values({ id, subjectId: link.ownActorId, predicate, objectId: link.actorId, validFrom: null, validTo: null, sourceId: null })
        .onConflictDoNothing()
        .returning({ id: actorRelations.id });
      note("created", ...made.map((row) => row.id));
      return toActorLink(await decide(db, link, { status: "SPLIT" }));
    });
  }
}

/**
 * The link of an identifier in force (PROPOSED or CONFIRMED), locked; BAD_USER_INPUT naming the
 * argument when there is none. A value Postgres cannot store (a NUL) never gets here: every
 * argument's strings are refused before execution (platform/graphql/input-strings.ts).
 */
async function linkInForce(db: Database, scheme: string, value: string): Promise<LinkRow> {
  const [link] = await db
    .select()
    .from(actorLinks)
    .where(and(eq(actorLinks.scheme, scheme as LinkRow["scheme"]), eq(actorLinks.value, value), inArray(actorLinks.status, ["PROPOSED", "CONFIRMED"])))
    .for("update");
  if (!link)
    rejectArgument(
      ["value"],
      `no link of the ${scheme} identifier "${value}" to an actor is in force (actorLinks lists them; a rejected or split link is decided already)`,
    );
  return link;
}

/**
 * The identifier leaves the actor for its own: the ID it had when a merge absorbed it comes
 * back (its redirect removed, so the statements and incidents that hold it name it again), or
 * the one its dataset would have given it is made; the identifier's alias moves with it.
 */
async function separate(db: Database, link: LinkRow, note: NoteChange): Promise<void> {
  const [redirect] = await db.select().from(actorRedirects).where(eq(actorRedirects.fromId, link.ownActorId));
  if (redirect && redirect.toId !== link.actorId) {
    rejectArgument(["value"], `its own actor's ID ${link.ownActorId} was merged into ${redirect.toId} since; reject or split that merge first`);
  }
  const [taken] = await db.select({ id: actors.id }).from(actors).where(eq(actors.id, link.ownActorId));
  if (taken) rejectArgument(["value"], `its own actor's ID ${link.ownActorId} is taken by another actor; merge or delete that one first`);
  // An editor deleted that actor: separating would bring its ID back as a new actor.
  const deleted = (await tombstonesOf(tombstones, "actor")(db, [link.ownActorId])).get(link.ownActorId);
  if (deleted) rejectArgument(["value"], `its own actor cannot come back: ${retirementText(deleted)}`);
  if (redirect) await db.delete(actorRedirects).where(eq(actorRedirects.fromId, link.ownActorId));
  await insertNamedActors(db, [{ row: { id: link.ownActorId, kind: link.ownKind, name: link.ownName, country: link.ownCountry, description: null } }]);
  await db
    .update(aliases)
    .set({ actorId: link.ownActorId })
    .where(and(eq(aliases.actorId, link.actorId), eq(aliases.scheme, link.scheme), eq(aliases.value, link.value)));
  await db.update(actors).set({ updatedAt: sql`now()` }).where(eq(actors.id, link.actorId));
  note("created", link.ownActorId);
  note("updated", link.actorId);
}

async function decide(db: Database, link: LinkRow, change: Partial<Pick<LinkRow, "status" | "confidence">>): Promise<LinkRow> {
  const [decided] = await db
    .update(actorLinks)
    .set({ ...change, decidedAt: sql`now()` })
    .where(and(eq(actorLinks.scheme, link.scheme), eq(actorLinks.value, link.value), eq(actorLinks.actorId, link.actorId)))
    .returning();
  return decided!;
}
