// The questions a new user asks the graph about the seed story, through the gateway, on
// each backend: the seed is loaded exactly as `npm start` loads it.
import { describe, expect, it } from "vitest";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../scripts/harness/backends.js";
import { useSeededGraph } from "../support/seeded-graph.js";

const id = (key: string) => `meridian:${key}`;

describe.each(BACKENDS)("the seed story through the gateway on $name", (backend) => {
  const { ask } = useSeededGraph(backend);

  it("tells who asserted the 155 claim and who disputed it, with dates and sources", async () => {
    const data = await ask(
      `query($claim: ID!) { claim(id: $claim) { text quantity
      stances(first: 50) { edges { node { stance statement { saidAt { date precision } speaker { name } source { title url } } } } } } }`,
      {
        claim: id("claim-155-chinese-citizens-fight-for-russia"),
      },
    );
    const stances = data.claim.stances.edges.map((edge: any) => edge.node);
    expect(data.claim.quantity).toBe(155);
    const asserters = stances.filter((stance: any) => stance.stance === "ASSERTS");
    const disputers = stances.filter((stance: any) => ["DISPUTES", "DENIES"].includes(stance.stance));
    expect(new Set(asserters.map((stance: any) => stance.statement.speaker.name))).toEqual(new Set(["Volodymyr Zelensky"]));
    expect(asserters.map((stance: any) => stance.statement.saidAt)).toContainEqual({ date: "2025-04-09", precision: "DAY" });
    expect(disputers.map((stance: any) => stance.statement.speaker.name)).toContain("Lin Jian");
    expect(disputers.filter((stance: any) => stance.statement.speaker.name === "Lin Jian").map((stance: any) => stance.statement.saidAt.date)).toEqual([
      "2025-04-09",
      "2025-04-10",
    ]);
    expect(asserters.map((stance: any) => stance.statement.source.url)).toContain("https://en.interfax.com.ua/news/general/1062668.html");
    for (const stance of stances) expect(stance.statement.source.title).toBeTruthy();
  });

  it("gives the capture's captor, captives, both places sources disagree on, and its sources", async () => {
    const data = await ask(
      `query($incident: ID!) { incident(id: $incident) { type status startDate { date precision }
      participants { role count actor { name kind } }
      places { name admin1 country isPrimary isDisputed source { url } }
      sources { url } } }`,
      { incident: id("capture-of-wang-guangjun-and-zhang-renbo") },
    );
    const incident = data.incident;
    expect(incident.type).toBe("CAPTURE");
    expect(incident.startDate).toEqual({ date: "2025-04-08", precision: "ON_OR_BEFORE" });
    const byRole = (role: string) =>
      incident.participants.filter((participant: any) => participant.role === role).map((participant: any) => participant.actor.name);
    expect(byRole("CAPTOR")).toEqual(["81st Airmobile Brigade"]);
    expect(byRole("CAPTIVE").sort()).toEqual(["Wang Guangjun", "Zhang Renbo"]);
    expect(incident.places).toEqual([
      expect.objectContaining({ admin1: "Donetsk", country: "UKR", isPrimary: true, isDisputed: true }),
      expect.objectContaining({
        name: "Bilohorivka",
        admin1: "Luhansk",
        isPrimary: false,
        isDisputed: true,
        source: { url: expect.stringContaining("elpais.com") },
      }),
    ]);
    expect(incident.sources.map((source: any) => source.url)).toEqual(
      expect.arrayContaining([expect.stringContaining("defence-blog.com"), expect.stringContaining("babel.ua/en/news/116977")]),
    );
  });

  it("lists Zelensky's statements in date order", async () => {
    const data = await ask(
      `query($zelensky: ID!) { actor(id: $zelensky) { name aliases { value } statements(first: 50) { totalCount edges { node { saidAt { date } text } } } } }`,
      {
        zelensky: id("volodymyr-zelensky"),
      },
    );
    const dates = data.actor.statements.edges.map((edge: any) => edge.node.saidAt.date);
    expect(dates.length).toBe(data.actor.statements.totalCount);
    expect(dates[0]).toBe("2025-01-11");
    expect(dates).toEqual([...dates].sort());
    expect(data.actor.aliases.map((alias: any) => alias.value)).toEqual(expect.arrayContaining(["Zelenskyy", "President of Ukraine"]));
  });

  it("knows the North Korean capture in Kursk region", async () => {
    const data = await ask(
      `{ incidents(filter: { type: CAPTURE }) { edges { node { id title startDate { date } place { admin1 country } participants { role count actor { name } } statements { edges { node { speaker { name } saidAt { date } } } } } } } }`,
    );
    const northKorean = data.incidents.edges.map((edge: any) => edge.node).find((incident: any) => incident.id === id("capture-of-two-north-korean-soldiers"));
    expect(northKorean.startDate.date).toBe("2025-01-09");
    expect(northKorean.place).toEqual({ admin1: "Kursk", country: "RUS" });
    expect(northKorean.participants).toContainEqual({ role: "CAPTIVE", count: 2, actor: { name: expect.stringMatching(/North Korean/) } });
    expect(northKorean.statements.edges).toContainEqual({ node: { speaker: { name: "Volodymyr Zelensky" }, saidAt: { date: "2025-01-11" } } });
  });

  it("answers the Sandbox's example operation without errors", async () => {
    const { readFileSync } = await import("node:fs");
    const example = readFileSync(new URL("../../examples/seed-story.graphql", import.meta.url), "utf8");
    const data = await ask(example);
    expect(data.claim.stances.edges.length).toBeGreaterThan(1);
    expect(data.incidents.edges.length).toBe(2);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("the seed story on postgres"));
