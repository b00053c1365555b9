// A revert checks for later changes before it undoes anything, and again once its undo holds
// the rows' locks: an edit that commits in between (its row lock makes the undo wait for it)
// is not overwritten without a word; the revert is refused and changes nothing. Two
// connections at once: Postgres only (the embedded PGlite has one).
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSeed } from "../../../ingest/seed/load-seed.js";
import { actorsHistory } from "../../../services/actors/data/history.js";
import { actors } from "../../../services/actors/data/tables.js";
import { ActorCuration } from "../../../services/actors/writes/actor-curation.js";
import { beginChange } from "../../../services/kit/history/begin-change.js";
import { ChangeReverts } from "../../../services/kit/history/change-reverts.js";
import { HistoryReader } from "../../../services/kit/history/history-reader.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE, type TestDatabase } from "../../../scripts/harness/backends.js";
import { editorScope } from "../../support/editor-scope.js";

const ACTOR = "meridian:lin-jian";
const postgres = BACKENDS.find((backend) => backend.name === "postgres");

describe.skipIf(!postgres)("a revert racing an edit, on postgres", () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await postgres!.create();
    await loadSeed({ actors: database.handle, statements: database.handle, incidents: database.handle });
  });
  afterEach(() => database.dispose());

  it("refuses the revert when an edit of the same actor commits while the undo waits for its row", async () => {
    const { db } = database.handle;
    await new ActorCuration(db, editorScope("alice")).update(ACTOR, { description: "Edited by alice" });
    const [update] = await db.select().from(actorsHistory.tables.changes).where(eq(actorsHistory.tables.changes.kind, "updateActor"));
    const reverts = new ChangeReverts(db, editorScope("bob"), actorsHistory, new HistoryReader(db, actorsHistory), "revertActorChange");

    // Carol's edit holds the actor's row, recorded as a change, and commits only when told.
    let commitCarol!: () => void;
    const carolMayCommit = new Promise<void>((resolve) => (commitCarol = resolve));
    let carolHoldsTheRow!: () => void;
    const carolHolds = new Promise<void>((resolve) => (carolHoldsTheRow = resolve));
    const carol = db.transaction(async (transaction) => {
      await beginChange(transaction, actorsHistory, { kind: "updateActor", entityKind: "actor", entityId: ACTOR, keyName: "carol", role: "editor" });
      await transaction.update(actors).set({ name: "Lin Jian (by carol)" }).where(eq(actors.id, ACTOR));
      carolHoldsTheRow();
      await carolMayCommit;
    });
    await carolHolds;
    // Bob's revert passes its first check (carol's change is not committed), then waits for the row.
    const bob = reverts.revert(`actors:${update!.id}`).then(
      () => undefined,
      (error: Error) => error,
    );
    await waitForLockWait(database);
    commitCarol();
    await carol;
    const refusal = await bob;
    expect(refusal?.message).toContain("later changes touched the same entities");
    expect(refusal?.message).toContain("by carol");
    const [stored] = await db.select().from(actors).where(eq(actors.id, ACTOR));
    expect(stored).toMatchObject({ name: "Lin Jian (by carol)", description: "Edited by alice" });
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("a revert racing an edit, on postgres"));

// Until another backend of this database waits for a lock (bob's undo waiting for carol's row).
async function waitForLockWait(database: TestDatabase): Promise<void> {
  const name = new URL(database.url!).pathname.slice(1);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const result = (await database.handle.db.execute(
      sql`select count(*)::int as "waiting" from pg_stat_activity where datname = ${name} and wait_event_type = 'Lock'`,
    )) as unknown as { waiting: number }[];
    if ((result[0]?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the revert never waited for the edited row");
}
