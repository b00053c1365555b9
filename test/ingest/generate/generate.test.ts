// The data generator (npm run generate): the same seed gives the same rows, and the rows are
// what the write path would store.
import { describe, expect, it } from "vitest";
import { SCALES } from "../../../ingest/generate/scales.js";
import { GENERATED_TABLES, rowBatches } from "../../../ingest/generate/tables.js";
import { generateIncident } from "../../../ingest/generate/incidents.js";
import { generateStatement } from "../../../ingest/generate/statements.js";
import { normalizeName } from "../../../services/kit/records/normalize-name.js";
import { generateActor } from "../../../ingest/generate/actors.js";

const scale = SCALES["10k"];

function firstRows(seed: number): unknown[] {
  return GENERATED_TABLES.flatMap((table) => rowBatches(table, seed, scale, 50).next().value ?? []);
}

describe("generated data", () => {
  it("is the same for the same seed and differs for another", () => {
    expect(firstRows(7)).toEqual(firstRows(7));
    expect(firstRows(8)).not.toEqual(firstRows(7));
  });

  it("copies each incident's primary place onto the incident, as the writers do", () => {
    for (let index = 0; index < 500; index++) {
      const { row, places } = generateIncident(1, index, scale);
      const primary = places.filter((place) => place.isPrimary);
      expect(primary).toHaveLength(1);
      expect([row.country, row.admin1, row.latitude, row.longitude]).toEqual([
        primary[0]!.country,
        primary[0]!.admin1,
        primary[0]!.latitude,
        primary[0]!.longitude,
      ]);
    }
  });

  it("stores each actor's name as a FREE alias and normalizes every alias", () => {
    for (let index = 0; index < 200; index++) {
      const { row, aliases } = generateActor(1, index);
      expect(aliases).toContainEqual(expect.objectContaining({ scheme: "FREE", value: row.name }));
      for (const alias of aliases) expect(alias.normalizedValue).toBe(normalizeName(alias.value));
    }
  });

  it("refers only to entities the scale generates", () => {
    const highest = (id: string | null | undefined) => Number(id?.split("-").at(-1) ?? 0);
    for (let index = 0; index < 500; index++) {
      const { row, stances, incidents } = generateStatement(1, index, scale);
      expect(highest(row.speakerId)).toBeLessThan(scale.actors);
      expect(highest(row.sourceId)).toBeLessThan(scale.sources);
      for (const stance of stances) expect(highest(stance.claimId)).toBeLessThan(scale.claims);
      for (const link of incidents) expect(highest(link.incidentId)).toBeLessThan(scale.incidents);
    }
  });
});
