// Filters, search and statistics of incidents as a front-end meets them: through the gateway,
// on the seed story loaded as `npm start` loads it, actors' names resolved by the actors subgraph.
import { describe, expect, it } from "vitest";
import type { MeridianDocument } from "../../../ingest/documents/document.schema.js";
import { loadDocument } from "../../../ingest/documents/load-document.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { useSeededGraph } from "../../support/seeded-graph.js";

const id = (key: string) => `meridian:${key}`;

// The seed story gives no coordinates for its places in Donetsk region, so this document adds
// an incident there that has them, written by the same document loader.
const DONETSK_INCIDENT = id("test-strike-near-donetsk");
const donetskDocument: MeridianDocument = {
  format: "meridian/1",
  incidents: [
    {
      key: "test-strike-near-donetsk",
      type: "REMOTE_VIOLENCE",
      title: "Test strike near Donetsk",
      summary: "An incident made up for the tests of the bounding-box filter.",
      start: { date: "2025-03-15", precision: "DAY" },
      status: "ALLEGED",
      fatalities: { best: 2 },
      places: [{ key: "donetsk", name: "Donetsk", admin1: "Donetsk", country: "UKR", latitude: 48.0159, longitude: 37.8028, primary: true }],
      participants: [{ actor: id("russian-armed-forces"), role: "PERPETRATOR" }],
    },
  ],
};

const aroundDonetsk = `{ minLatitude: 47.5, maxLatitude: 48.5, minLongitude: 37.3, maxLongitude: 38.3 }`;

describe.each(BACKENDS)("incident filters, search and statistics through the gateway on $name", (backend) => {
  const { ask, post } = useSeededGraph(backend, (handles) => loadDocument(donetskDocument, handles));

  it("lists the incidents in a box around Donetsk, with their place and actors", async () => {
    const data = await ask(
      `{ incidents(filter: { bbox: ${aroundDonetsk} }) { totalCount edges { node { id place { name latitude longitude } participants { role actor { name } } } } } }`,
    );
    expect(data.incidents).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            id: DONETSK_INCIDENT,
            place: { name: "Donetsk", latitude: 48.0159, longitude: 37.8028 },
            participants: [{ role: "PERPETRATOR", actor: { name: "Armed Forces of the Russian Federation" } }],
          },
        },
      ],
    });
  });

  it("lists the incidents in Donetsk region newest first, the seed's captures among them", async () => {
    const data = await ask(`{ incidents(filter: { country: "UKR", admin1: "Donetsk" }, sort: { order: DESC }) { edges { node { id startDate { date } } } } }`);
    expect(data.incidents.edges.map((edge: any) => edge.node.id)).toEqual([
      id("capture-of-wang-guangjun-and-zhang-renbo"),
      id("armed-clash-near-tarasivka-and-bilohorivka"),
      DONETSK_INCIDENT,
    ]);
  });

  it('finds the captures by searching for "capture", best first, with excerpts', async () => {
    const data = await ask(
      `{ searchIncidents(query: "capture") { totalCount edges { node { score snippet incident { id title participants { role actor { name } } } } } } }`,
    );
    const hits = data.searchIncidents.edges.map((edge: any) => edge.node);
    expect(data.searchIncidents.totalCount).toBe(4);
    expect(hits[0].incident.id).toBe(id("capture-of-two-north-korean-soldiers"));
    expect(hits.map((hit: any) => hit.incident.id)).toEqual(
      expect.arrayContaining([id("capture-of-wang-guangjun-and-zhang-renbo"), id("armed-clash-near-tarasivka-and-bilohorivka")]),
    );
    for (const hit of hits) expect(hit.snippet).toMatch(/<b>captur\w*<\/b>/i);
    const wangCapture = hits.find((hit: any) => hit.incident.id === id("capture-of-wang-guangjun-and-zhang-renbo"));
    expect(wangCapture.incident.participants).toContainEqual({ role: "CAPTOR", actor: { name: "81st Airmobile Brigade" } });
  });

  it("counts incidents per month, months without any as zeros", async () => {
    const data = await ask(`{ incidentStats(groupBy: TIME, interval: MONTH) { key start count fatalities } }`);
    expect(data.incidentStats).toEqual([
      { key: "2025-01-01", start: "2025-01-01", count: 1, fatalities: 0 },
      { key: "2025-02-01", start: "2025-02-01", count: 0, fatalities: 0 },
      { key: "2025-03-01", start: "2025-03-01", count: 1, fatalities: 2 },
      { key: "2025-04-01", start: "2025-04-01", count: 5, fatalities: 0 },
    ]);
  });

  it("counts incidents per actor with each actor's name from the actors subgraph", async () => {
    const data = await ask(`{ incidentStats(groupBy: ACTOR, first: 5) { key count actor { id name kind } } }`);
    expect(data.incidentStats).toEqual([
      {
        key: id("chinese-citizens-fighting-for-russia"),
        count: 4,
        actor: { id: id("chinese-citizens-fighting-for-russia"), name: "Chinese citizens fighting for Russia", kind: "POPULATION_GROUP" },
      },
      { key: id("81st-airmobile-brigade"), count: 2, actor: expect.objectContaining({ name: "81st Airmobile Brigade" }) },
      { key: id("russian-armed-forces"), count: 2, actor: expect.objectContaining({ name: "Armed Forces of the Russian Federation" }) },
      { key: id("wang-guangjun"), count: 2, actor: expect.objectContaining({ name: "Wang Guangjun" }) },
      { key: id("zhang-renbo"), count: 2, actor: expect.objectContaining({ name: "Zhang Renbo" }) },
    ]);
  });

  it.each([
    [`{ incidents(filter: { types: [WIZARD] }) { totalCount } }`, "filter.types[0]"],
    [`{ incidentStats(groupBy: COLOUR) { key } }`, "groupBy"],
    [`{ incidents(sort: { order: SIDEWAYS }) { totalCount } }`, "sort.order"],
    [`{ incidents(filter: { bbox: { minLatitude: 47, maxLatitude: 91, minLongitude: 37, maxLongitude: 38 } }) { totalCount } }`, "filter.bbox.maxLatitude"],
    [`{ incidents(filter: { occurred: { from: "2025-05-01", to: "2025-04-01" } }) { totalCount } }`, "filter.occurred.from"],
    [`{ searchIncidents(query: " ") { totalCount } }`, "query"],
    [`{ incidentStats(groupBy: TIME) { key } }`, "interval"],
  ])("answers %s with BAD_USER_INPUT naming %s", async (query, argumentName) => {
    const { errors } = await post(query);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("incident filters, search and statistics through the gateway on postgres"));
