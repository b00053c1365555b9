// How dataset actors resolve against the seed story's actors: an exact alias in the scheme
// first, then the normalised name (one actor, of the stated kind, and for CAMEO one without
// another code), else a new actor with the alias.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATASET_FORMATS } from "../../../ingest/formats/registry.js";
import { ActorResolver } from "../../../ingest/import/actor-resolver.js";
import type { ActorMention } from "../../../ingest/import/dataset-record.js";
import { loadSeed } from "../../../ingest/seed/load-seed.js";
import { actors, aliases } from "../../../services/actors/data/tables.js";
import { type DocumentTestDatabase, sharedDatabase } from "../documents/support/databases.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";

const acled = (name: string, kind: ActorMention["kind"] = "ARMED_FORCE", kindIsStated = true): ActorMention => ({
  scheme: "ACLED",
  value: name,
  name,
  kind,
  kindIsStated,
  country: null,
});
const cameo = (code: string, name: string, kind: ActorMention["kind"], kindIsStated = true): ActorMention => ({
  scheme: "CAMEO",
  value: code,
  name,
  kind,
  kindIsStated,
  country: null,
});

describe.each(BACKENDS)("actor resolution on $name", (backend) => {
  let database: DocumentTestDatabase;
  let resolver: ActorResolver;
  beforeAll(async () => {
    database = await sharedDatabase(backend);
    await loadSeed(database.handles);
    resolver = new ActorResolver(
      database.handles.actors.db,
      DATASET_FORMATS.map((format) => format.actors),
    );
  });
  afterAll(() => database.dispose());

  it("matches an exact alias in the dataset's scheme", async () => {
    const ids = await resolver.resolve([acled("Military Forces of Russia (2022-)"), cameo("USA", "AMERICAN", "STATE")]);
    expect([...ids.values()]).toEqual(["meridian:russian-armed-forces", "meridian:united-states"]);
    expect(resolver.resolutions.map((resolution) => resolution.outcome)).toEqual(["alias", "alias"]);
  });

  it("matches a normalised name and adds the alias to the matched actor", async () => {
    const ids = await resolver.resolve([acled("Armed forces of Ukraine")]);
    expect([...ids.values()]).toEqual(["meridian:armed-forces-of-ukraine"]);
    expect(resolver.resolutions.at(-1)).toMatchObject({ outcome: "name", actorName: "Armed Forces of Ukraine" });
    const added = await database.handles.actors.db.$count(
      aliases,
      and(eq(aliases.actorId, "meridian:armed-forces-of-ukraine"), eq(aliases.scheme, "ACLED"), eq(aliases.value, "Armed forces of Ukraine")),
    );
    expect(added).toBe(1);
  });

  it("does not match a name of an actor of another kind than the dataset states", async () => {
    // The seed story's "Ukraine" is a state; a CAMEO government named UKRAINE is another actor.
    const ids = await resolver.resolve([cameo("UKRGOV", "UKRAINE", "GOVERNMENT_BODY")]);
    expect([...ids.values()]).toEqual(["gdelt:ukrgov"]);
  });

  it("does not match a CAMEO code by name to an actor that has another code", async () => {
    // "RUSSIA" names Russia, whose code is RUS; RUSREL is not Russia, whatever its kind.
    const ids = await resolver.resolve([cameo("RUSREL", "RUSSIA", "ORGANIZATION", false)]);
    expect([...ids.values()]).toEqual(["gdelt:rusrel"]);
  });

  it("creates an unknown actor with its alias and its name as a FREE alias, once per import", async () => {
    const mention = acled("Stone Valley Clan Militia (Norway)", "ARMED_GROUP");
    const ids = await resolver.resolve([mention, mention]);
    expect([...ids.values()]).toEqual(["acled:stone-valley-clan-militia-norway"]);
    const [actor] = await database.handles.actors.db.select().from(actors).where(eq(actors.id, "acled:stone-valley-clan-militia-norway"));
    expect(actor).toMatchObject({ kind: "ARMED_GROUP", name: "Stone Valley Clan Militia (Norway)" });
    const stored = await database.handles.actors.db
      .select({ scheme: aliases.scheme, value: aliases.value })
      .from(aliases)
      .where(eq(aliases.actorId, actor!.id))
      .orderBy(aliases.scheme);
    expect(stored).toEqual([
      { scheme: "ACLED", value: "Stone Valley Clan Militia (Norway)" },
      { scheme: "FREE", value: "Stone Valley Clan Militia (Norway)" },
    ]);
    expect(resolver.resolutions.filter((resolution) => resolution.value === mention.value)).toHaveLength(1);
  });

  it("gives a new actor an ID of its own when another actor's name slugs alike", async () => {
    const ids = await resolver.resolve([acled("Stone Valley Clan Militia Norway!", "POPULATION_GROUP")]);
    expect([...ids.values()][0]).toMatch(/^acled:stone-valley-clan-militia-norway-[0-9a-f]{8}$/);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("actor resolution on postgres"));
