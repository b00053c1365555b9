// A small valid document touching every entity type and child row, for tests to load or break.
import type { MeridianDocument } from "../../../../ingest/documents/document.schema.js";

export function smallDocument(): MeridianDocument {
  return {
    format: "meridian/1",
    sources: [{ key: "briefing", kind: "PRESS_BRIEFING", title: "A briefing", url: "https://example.org/briefing" }],
    actors: [
      { key: "speaker", kind: "PERSON", name: "Olena Kovalenko", country: "UKR", aliases: [{ scheme: "FREE", value: "O. Kovalenko" }] },
      { key: "ministry", kind: "GOVERNMENT_BODY", name: "Ministry of Examples", country: "UKR" },
    ],
    relations: [{ subject: "speaker", predicate: "SPOKESPERSON_FOR", object: "Ministry of Examples", source: "briefing" }],
    claims: [{ key: "claim-one", text: "The ministry captured one person", subject: "ministry", predicate: "CAPTURED", quantity: 1, incident: "capture" }],
    statements: [
      {
        key: "statement-one",
        speaker: "O. Kovalenko",
        onBehalfOf: "ministry",
        said: { date: "2025-04-09", precision: "DAY" },
        modality: "PARAPHRASE",
        text: "The ministry captured one person.",
        language: "en",
        source: "briefing",
        stances: [{ claim: "claim-one", stance: "ASSERTS" }],
        incidents: ["capture"],
      },
    ],
    incidents: [
      {
        key: "capture",
        type: "CAPTURE",
        title: "A capture",
        start: { date: "2025-04-08", precision: "ON_OR_BEFORE" },
        status: "REPORTED",
        places: [{ name: "Kramatorsk", admin1: "Donetsk", country: "UKR", primary: true, source: "briefing" }],
        participants: [{ actor: "ministry", role: "CAPTOR" }],
        sources: ["briefing"],
      },
    ],
  };
}
