// Edits of the actors schema made through the API: each checks its input with the document
// checks and writes in one transaction, so a failing edit writes nothing.
import { actorsHistory } from "../data/history.js";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { buildActorsPart } from "./actor-rows.js";
import { type ActorInput, actorsDocumentLists } from "./actor.document.js";
import { normalizeName } from "../../kit/records/normalize-name.js";
import { InputProblems, rejectArgument } from "../../../platform/graphql/input-problems.js";
import { formatPath } from "../../../platform/graphql/problem-path.js";
import { ReferenceResolver } from "../../kit/records/reference-resolver.js";
import { ACTOR_KIND_TABLES, writeActors } from "./write-actors.js";
import { moveActorInto } from "./merge-actors.js";
import { definedFields } from "../../kit/curation/defined-fields.js";
import { meridianId } from "../../kit/records/entity-ids.js";
import { STAND_IN_KEY, keyFor } from "../../kit/curation/entity-key.js";
import { checkedEntityDocument, documentReporter } from "../../kit/curation/input-document.js";
import { rejectTakenId } from "../../kit/curation/taken-id.js";
import { assertWellFormedId } from "../../kit/schema/ids.js";
import type { AddAliasesInput, CreateActorInput, UpdateActorInput } from "../schema/actor-curation.input.js";
import { toActor } from "../data/actor.repository.js";
import type { Actor } from "../schema/actor.type.js";
import { actorRedirects, actors, aliases } from "../data/tables.js";
import { curationTransaction } from "../../kit/curation/curation-transaction.js";
import type { RequestScope } from "../../kit/curation/request-scope.js";
import { tombstones } from "../data/tables.js";
import { leaveTombstones, retirementText } from "../../kit/records/tombstones.js";
import { retiredActorIds } from "./retired-actor-ids.js";

type ActorRow = typeof actors.$inferSelect;

export class ActorCuration {
  constructor(
    private readonly db: Database,
    private readonly request: RequestScope,
  ) {}

  async create(input: CreateActorInput): Promise<Actor> {
    const key = keyFor(input.key, input.name);
    return curationTransaction(this.db, this.request, { history: actorsHistory, kind: "createActor", entityKind: "actor" }, async (db, note) => {
      const problems = new InputProblems();
      const document = checkedEntityDocument(actorsDocumentLists, "actors", { ...input, key }, problems);
      problems.throwIfAny();
      const id = meridianId(key);
      await rejectTakenId(db, ACTOR_KIND_TABLES.actor!, id, input.key == null ? ["input", "name"] : ["input", "key"], "actor");
      const part = buildActorsPart(document!, new ReferenceResolver(document!, documentReporter(problems, "input")), documentReporter(problems, "input"));
      problems.throwIfAny();
      await writeActors(db, part);
      note("created", id);
      return toActor((await storedActor(db, id))!);
    });
  }

  async update(id: string, input: UpdateActorInput): Promise<Actor> {
    return curationTransaction(this.db, this.request, { history: actorsHistory, kind: "updateActor", entityKind: "actor", entityId: id }, async (db, note) => {
      const stored = await existingActor(db, id);
      const problems = new InputProblems();
      const merged = { ...asDocumentActor(stored), ...definedFields(input) };
      checkedEntityDocument(actorsDocumentLists, "actors", merged, problems);
      problems.throwIfAny();
      await db
        .update(actors)
        // Checked above: required fields are not null.
        .set({ ...(definedFields(input) as Partial<typeof actors.$inferInsert>), updatedAt: sql`now()` })
        .where(eq(actors.id, stored.id));
      // The old name stays an alias (it already is one); the new one becomes one, as on creation.
      if (input.name != null) await insertAliases(db, stored.id, [{ scheme: "FREE", value: input.name }]);
      note("updated", stored.id);
      return toActor((await storedActor(db, stored.id))!);
    });
  }

  async addAliases(input: AddAliasesInput): Promise<Actor> {
    return curationTransaction(
      this.db,
      this.request,
      { history: actorsHistory, kind: "addAliases", entityKind: "actor", entityId: input.actor },
      async (db, note) => {
        const stored = await existingActor(db, input.actor, ["input", "actor"]);
        const problems = new InputProblems();
        const document = checkedEntityDocument(actorsDocumentLists, "actors", { ...asDocumentActor(stored), aliases: input.aliases }, problems);
        problems.throwIfAny();
        // Checked like an actor's aliases in a document: well-formed, none listed twice.
        buildActorsPart(document!, new ReferenceResolver(document!, documentReporter(problems, "input")), documentReporter(problems, "input"));
        problems.throwIfAny();
        await insertAliases(db, stored.id, document!.actors![0]!.aliases ?? []);
        await db.update(actors).set({ updatedAt: sql`now()` }).where(eq(actors.id, stored.id));
        note("updated", stored.id);
        return toActor((await storedActor(db, stored.id))!);
      },
    );
  }

  /**
   * Deletes the actor with its aliases and relations; its tombstone, and the redirects of the
   * actors merged into it, keep its ID and theirs from being given to another actor.
   */
  async delete(id: string): Promise<boolean> {
    assertWellFormedId("id", id);
    return curationTransaction(this.db, this.request, { history: actorsHistory, kind: "deleteActor", entityKind: "actor", entityId: id }, async (db, note) => {
      const deleted = await db.delete(actors).where(eq(actors.id, id)).returning({ id: actors.id });
      await leaveTombstones(
        db,
        tombstones,
        "actor",
        deleted.map((row) => row.id),
        this.request.author?.keyName ?? null,
      );
      note("deleted", ...deleted.map((row) => row.id));
      return deleted.length > 0;
    });
  }

  /**
   * Merges `mergedId` into `survivorId`: aliases and relations move to the survivor, fields
   * the survivor lacks are taken from the merged actor, and the merged ID (and any ID merged
   * into it before) redirects to the survivor.
   */
  async merge(survivorId: string, mergedId: string): Promise<Actor> {
    assertWellFormedId("survivorId", survivorId);
    assertWellFormedId("mergedId", mergedId);
    return curationTransaction(
      this.db,
      this.request,
      { history: actorsHistory, kind: "mergeActors", entityKind: "actor", entityId: survivorId },
      async (db, note) => {
        const survivor = await existingActor(db, survivorId, ["survivorId"]);
        const merged = await existingActor(db, mergedId, ["mergedId"]);
        if (survivor.id === merged.id) rejectArgument(["mergedId"], `is the survivor ${survivor.id} itself (or was merged into it already)`);
        await moveActorInto(db, survivor, merged, { method: "EDITOR", rule: `an editor merged ${merged.id} into ${survivor.id}` });
        note("merged", merged.id);
        note("updated", survivor.id);
        return toActor((await storedActor(db, survivor.id))!);
      },
    );
  }
}

async function storedActor(db: Database, id: string): Promise<ActorRow | undefined> {
  const [row] = await db.select().from(actors).where(eq(actors.id, id));
  return row;
}

/** The actor an argument names, following a merge to the survivor; BAD_USER_INPUT when there is none. */
async function existingActor(db: Database, id: string, path: (string | number)[] = ["id"]): Promise<ActorRow> {
  assertWellFormedId(formatPath(path), id);
  const [redirect] = await db.select().from(actorRedirects).where(eq(actorRedirects.fromId, id));
  const row = await storedActor(db, redirect?.toId ?? id);
  if (!row) {
    const retired = (await retiredActorIds(db, [id])).get(id);
    rejectArgument(path, retired ? retirementText(retired) : `no actor has the ID ${id}`);
  }
  return row;
}

async function insertAliases(db: Database, actorId: string, rows: NonNullable<ActorInput["aliases"]>): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(aliases)
    .values(
      rows.map((alias) => ({
        actorId,
        scheme: alias.scheme,
        value: alias.value,
        normalizedValue: normalizeName(alias.value),
        validFrom: alias.validFrom ?? null,
        validTo: alias.validTo ?? null,
      })),
    )
    .onConflictDoNothing();
}

/** A stored actor as a document's actor, to check an edit of it as the document loader would. */
function asDocumentActor(row: ActorRow): Record<string, unknown> {
  return { key: STAND_IN_KEY, kind: row.kind, name: row.name, country: row.country, description: row.description };
}
