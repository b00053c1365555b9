// Merging two actors that each hold the same relation leaves the survivor one of it, and the
// merged actor's identifiers linked to the survivor as the merge's reason says.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subgraphNamed } from "../../../services/registry.js";
import { BACKENDS } from "../../../scripts/harness/backends.js";
import { actorLinks, actorRelations, actors, aliases } from "../../../services/actors/data/tables.js";
import { moveActorInto } from "../../../services/actors/writes/merge-actors.js";
import { type SubgraphUnderTest, subgraphUnderTest } from "../../support/execute.js";

describe.each(BACKENDS)("merging actors on $name", (backend) => {
  let subgraph: SubgraphUnderTest;
  beforeAll(async () => {
    subgraph = await subgraphUnderTest(backend, subgraphNamed("actors"), async (handle) => {
      await handle.db.insert(actors).values([
        { id: "meridian:force", kind: "ARMED_FORCE", name: "A force", country: "SOM" },
        { id: "meridian:unit", kind: "ARMED_FORCE", name: "A unit", country: "SOM" },
        { id: "acled:unit", kind: "ARMED_FORCE", name: "A unit (ACLED)", country: null },
      ]);
      await handle.db.insert(aliases).values({ actorId: "acled:unit", scheme: "ACLED", value: "A unit (ACLED)", normalizedValue: "a unit acled" });
      await handle.db.insert(actorRelations).values([
        { id: "rel:b", subjectId: "meridian:unit", predicate: "PART_OF", objectId: "meridian:force", validFrom: "2022-01-01" },
        { id: "rel:a", subjectId: "acled:unit", predicate: "PART_OF", objectId: "meridian:force", validFrom: "2022-01-01" },
        { id: "rel:c", subjectId: "acled:unit", predicate: "PART_OF", objectId: "meridian:force", validFrom: "2012-01-01" },
      ]);
    });
  });
  afterAll(() => subgraph.database.dispose());

  it("keeps one of a relation both held, the one of another period too, and links the merged actor's identifier", async () => {
    const db = subgraph.database.handle.db;
    const [survivor] = await db.select().from(actors).where(eq(actors.id, "meridian:unit"));
    const [merged] = await db.select().from(actors).where(eq(actors.id, "acled:unit"));
    await db.transaction((tx) => moveActorInto(tx, survivor!, merged!, { method: "EDITOR", rule: "an editor merged them" }));
    const relations = await db.select({ id: actorRelations.id, subjectId: actorRelations.subjectId, validFrom: actorRelations.validFrom }).from(actorRelations);
    expect(relations.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: "rel:a", subjectId: "meridian:unit", validFrom: "2022-01-01" },
      { id: "rel:c", subjectId: "meridian:unit", validFrom: "2012-01-01" },
    ]);
    expect(
      await db
        .select({
          value: actorLinks.value,
          actorId: actorLinks.actorId,
          status: actorLinks.status,
          ownActorId: actorLinks.ownActorId,
          ownCountry: actorLinks.ownCountry,
        })
        .from(actorLinks),
    ).toEqual([{ value: "A unit (ACLED)", actorId: "meridian:unit", status: "CONFIRMED", ownActorId: "acled:unit", ownCountry: null }]);
  });
});
