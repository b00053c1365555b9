// A small, named world for subgraph tests, written straight into each subgraph's tables.
import type { Database } from "../../db/client.js";
import { actorRelations, actors, aliases } from "../../services/actors/db/tables.js";
import { incidentSources, incidents, participants, places } from "../../services/incidents/db/tables.js";
import { claims, sources, stances, statementIncidents, statements } from "../../services/statements/db/tables.js";

export const ids = {
  zelensky: "meridian:zelensky",
  linJian: "meridian:lin-jian",
  ministry: "meridian:china-mfa",
  ukraine: "meridian:ukraine",
  brigade: "meridian:81st-brigade",
  captive: "meridian:wang-guangjun",
  briefing: "meridian:briefing-source",
  reuters: "meridian:reuters-source",
  claim155: "meridian:claim-155",
  statementApril9: "meridian:zelensky-2025-04-09",
  statementApril8: "meridian:zelensky-2025-04-08",
  linResponse: "meridian:lin-2025-04-10",
  capture: "meridian:capture",
  clash: "meridian:clash",
  placeDonetsk: "meridian:capture-donetsk",
  placeLuhansk: "meridian:capture-luhansk",
} as const;

export async function insertFixtures(db: Database): Promise<void> {
  await db.insert(actors).values([
    { id: ids.zelensky, kind: "PERSON", name: "Volodymyr Zelensky", country: "UKR" },
    { id: ids.linJian, kind: "PERSON", name: "Lin Jian", country: "CHN" },
    { id: ids.ministry, kind: "GOVERNMENT_BODY", name: "Ministry of Foreign Affairs of China", country: "CHN" },
    { id: ids.ukraine, kind: "STATE", name: "Ukraine", country: "UKR" },
    { id: ids.brigade, kind: "ARMED_FORCE", name: "81st Airmobile Brigade", country: "UKR" },
    { id: ids.captive, kind: "PERSON", name: "Wang Guangjun", country: "CHN" },
  ]);
  await db.insert(aliases).values([
    { actorId: ids.zelensky, scheme: "FREE", value: "Zelenskyy", normalizedValue: "zelenskyy" },
    { actorId: ids.zelensky, scheme: "TITLE", value: "President of Ukraine", normalizedValue: "president of ukraine", validFrom: "2019-05-20" },
    { actorId: ids.zelensky, scheme: "WIKIDATA", value: "Q3874799", normalizedValue: "q3874799" },
  ]);
  await db.insert(actorRelations).values([
    { id: "meridian:lin-spokesperson", subjectId: ids.linJian, predicate: "SPOKESPERSON_FOR", objectId: ids.ministry, validFrom: "2024-01-01", sourceId: ids.reuters },
    { id: "meridian:zelensky-leader", subjectId: ids.zelensky, predicate: "LEADER_OF", objectId: ids.ukraine, validFrom: "2019-05-20" },
    { id: "meridian:brigade-part-of", subjectId: ids.brigade, predicate: "PART_OF", objectId: ids.ukraine },
  ]);
  await db.insert(sources).values([
    { id: ids.briefing, kind: "PRESS_BRIEFING", title: "Zelensky's briefing", url: "https://example.org/briefing", publishedOn: "2025-04-09", publishedPrecision: "DAY" },
    { id: ids.reuters, kind: "ARTICLE", title: "China answers", url: "https://example.org/answer", publisher: "Reuters" },
  ]);
  await db.insert(statements).values([
    { id: ids.statementApril8, speakerId: ids.zelensky, saidOn: "2025-04-08", saidPrecision: "DAY", modality: "POST", text: "We captured two Chinese citizens.", language: "en", sourceId: ids.briefing },
    { id: ids.statementApril9, speakerId: ids.zelensky, onBehalfOfId: ids.ukraine, saidOn: "2025-04-09", saidPrecision: "DAY", venue: "press briefing", modality: "DIRECT_QUOTE", text: "There are 155 people with surnames.", language: "en", sourceId: ids.briefing },
    { id: ids.linResponse, speakerId: ids.linJian, onBehalfOfId: ids.ministry, saidOn: "2025-04-10", saidPrecision: "DAY", modality: "PARAPHRASE", text: "Parties should not make irresponsible remarks.", language: "en", sourceId: ids.reuters, respondsToId: ids.statementApril9 },
  ]);
  await db.insert(claims).values([
    { id: ids.claim155, text: "155 Chinese citizens fight for Russia", subjectId: ids.captive, predicate: "FIGHTS_FOR", objectId: ids.ukraine, quantity: 155, incidentId: ids.capture },
  ]);
  await db.insert(stances).values([
    { statementId: ids.statementApril9, claimId: ids.claim155, stance: "ASSERTS" },
    { statementId: ids.linResponse, claimId: ids.claim155, stance: "DISPUTES" },
  ]);
  await db.insert(statementIncidents).values([{ statementId: ids.statementApril8, incidentId: ids.capture }]);
  await db.insert(incidents).values([
    { id: ids.capture, type: "CAPTURE", title: "Capture of two Chinese nationals", startOn: "2025-04-08", startPrecision: "ON_OR_BEFORE", status: "REPORTED", dataset: "MERIDIAN" },
    { id: ids.clash, type: "ARMED_CLASH", title: "Clash near Tarasivka", startOn: "2025-04-05", startPrecision: "MONTH", status: "ALLEGED", dataset: "MERIDIAN", fatalitiesBest: 2 },
  ]);
  await db.insert(places).values([
    { id: ids.placeDonetsk, incidentId: ids.capture, name: "Tarasivka and Bilohorivka", admin1: "Donetsk", country: "UKR", isPrimary: true, isDisputed: true, sourceId: ids.briefing },
    { id: ids.placeLuhansk, incidentId: ids.capture, name: "Bilohorivka", admin1: "Luhansk", country: "UKR", isPrimary: false, isDisputed: true, sourceId: ids.reuters },
  ]);
  await db.insert(participants).values([
    { incidentId: ids.capture, actorId: ids.brigade, role: "CAPTOR" },
    { incidentId: ids.capture, actorId: ids.captive, role: "CAPTIVE", count: 1 },
    { incidentId: ids.clash, actorId: ids.brigade, role: "SIDE_A" },
    { incidentId: ids.clash, actorId: ids.captive, role: "SIDE_B" },
  ]);
  await db.insert(incidentSources).values([{ incidentId: ids.capture, sourceId: ids.briefing }, { incidentId: ids.capture, sourceId: ids.reuters }]);
}
