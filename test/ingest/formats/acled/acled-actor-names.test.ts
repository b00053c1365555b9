// ACLED's naming conventions read into country, period, state role and parent, and the
// mentions they give: open periods crosswalk to CAMEO, closed ones are PART_OF it, units PART_OF their force.
import { describe, expect, it } from "vitest";
import { acledActorMention } from "../../../../ingest/formats/acled/acled-actor-mention.js";
import { parseAcledActorName } from "../../../../ingest/formats/acled/acled-actor-names.js";
import { countryCodeNamed, countryNames } from "../../../../services/actors/writes/country-names.js";

describe("ACLED actor names", () => {
  it("reads a state force's role, country and open period", () => {
    expect(parseAcledActorName("Military Forces of Somalia (2022-)")).toEqual({
      country: "SOM",
      period: { from: 2022, to: null },
      state: { role: "MIL", country: "SOM" },
      parent: null,
    });
    expect(parseAcledActorName("Police Forces of Somalia (2012-2017)")).toMatchObject({
      period: { from: 2012, to: 2017 },
      state: { role: "COP", country: "SOM" },
    });
    expect(parseAcledActorName("Government of Turkey (2016-)")).toMatchObject({ country: "TUR", state: { role: "GOV", country: "TUR" } });
    expect(parseAcledActorName("Military Forces of the United Arab Emirates (2022-)")).toMatchObject({ country: "ARE", state: { role: "MIL" } });
    expect(parseAcledActorName("Military Forces of the United States (2025-)")).toMatchObject({ country: "USA", state: { role: "MIL" } });
  });

  it("makes a unit part of its force, of the same period", () => {
    expect(parseAcledActorName("Military Forces of Somalia (2022-) Puntland Dervish Force")).toEqual({
      country: "SOM",
      period: { from: 2022, to: null },
      state: null,
      parent: "Military Forces of Somalia (2022-)",
    });
    expect(parseAcledActorName("Government of Yemen (2017-) Houthi")).toMatchObject({ country: "YEM", parent: "Government of Yemen (2017-)" });
  });

  it("gives former members and a territory's forces their country, but no state role", () => {
    expect(parseAcledActorName("Former Military Forces of Somalia (2022-)")).toMatchObject({ country: "SOM", state: null, parent: null });
    expect(parseAcledActorName("Former Police Forces of Somalia (2022-) Southwest Special Police Forces")).toMatchObject({ country: "SOM", parent: null });
    expect(parseAcledActorName("Military Forces of Somaliland (2024-)")).toMatchObject({ country: "SOM", state: null });
  });

  it("reads a contingent of a multinational mission, and groups with their country in parentheses", () => {
    const mission = "AUSSOM: Africa Union Support and Stabilisation Mission in Somalia (2025-)";
    expect(parseAcledActorName(`${mission} (Uganda)`)).toEqual({ country: "UGA", period: { from: 2025, to: null }, state: null, parent: mission });
    expect(parseAcledActorName(mission)).toEqual({ country: null, period: { from: 2025, to: null }, state: null, parent: null });
    expect(parseAcledActorName("Civilians (Somalia)")).toMatchObject({ country: "SOM", period: null });
    expect(parseAcledActorName("Hawiye-Abgal Sub-Clan Militia (Somalia)")).toMatchObject({ country: "SOM" });
    expect(parseAcledActorName("Civilians (International)")).toMatchObject({ country: null });
    expect(parseAcledActorName("Al Shabaab")).toEqual({ country: null, period: null, state: null, parent: null });
  });

  it("crosswalks an open period's force to its CAMEO code, and links a closed period to it", () => {
    const current = acledActorMention("Military Forces of Russia (2000-)", "ARMED_FORCE");
    expect(current).toMatchObject({ country: "RUS", validFrom: "2000-01-01", validTo: null, sameAs: { scheme: "CAMEO", value: "RUSMIL", country: "RUS" } });
    expect(current.partOf).toBeUndefined();
    const past = acledActorMention("Government of Somalia (2017-2022)", undefined);
    expect(past).toMatchObject({ validFrom: "2017-01-01", validTo: "2022-12-31", partOf: { scheme: "CAMEO", value: "SOMGOV" }, partOfRule: "crosswalk" });
    expect(past.sameAs).toBeUndefined();
    const unit = acledActorMention("Military Forces of Somalia (2022-) Puntland Dervish Force", "ARMED_FORCE");
    expect(unit).toMatchObject({ partOfRule: "unit", partOf: { value: "Military Forces of Somalia (2022-)", sameAs: { value: "SOMMIL" } } });
  });
});

describe("country names", () => {
  it("resolve both ways, with the names a country goes by", () => {
    expect(countryCodeNamed("Turkey")).toBe("TUR");
    expect(countryCodeNamed("Türkiye")).toBe("TUR");
    expect(countryCodeNamed("turkiye")).toBe("TUR");
    expect(countryCodeNamed("the United States")).toBe("USA");
    expect(countryCodeNamed("Somaliland")).toBeUndefined();
    expect(countryNames("TUR")).toEqual(["Türkiye", "Turkey", "Turkiye"]);
  });
});
