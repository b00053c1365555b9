// The rows of the statements schema that a document describes: sources, claims, and
// statements with their stances and the incidents they are about.
import type { claims, sources, stances, statementIncidents, statements } from "../data/tables.js";
import type { StatementInput, StatementsDocumentLists } from "./statement.document.js";
import { duplicatesIn } from "../../kit/records/duplicates.js";
import { meridianId } from "../../kit/records/entity-ids.js";
import type { ReportProblem } from "../../kit/records/problems.js";
import type { ReferenceResolver } from "../../kit/records/reference-resolver.js";

export type SourceRow = typeof sources.$inferInsert;
export type ClaimRow = typeof claims.$inferInsert;
export type StatementRow = typeof statements.$inferInsert;
export type StanceRow = typeof stances.$inferInsert;
export type StatementIncidentRow = typeof statementIncidents.$inferInsert;

export interface StatementsPart {
  sources: SourceRow[];
  claims: ClaimRow[];
  statements: { row: StatementRow; stances: StanceRow[]; incidents: StatementIncidentRow[] }[];
}

export function buildStatementsPart(document: StatementsDocumentLists, resolver: ReferenceResolver, report: ReportProblem): StatementsPart {
  return {
    sources: (document.sources ?? []).map((source) => ({
      id: meridianId(source.key),
      kind: source.kind,
      title: source.title,
      url: source.url ?? null,
      publisher: source.publisher ?? null,
      publishedOn: source.published?.date ?? null,
      publishedPrecision: source.published?.precision ?? null,
      retrievedAt: source.retrievedAt ? new Date(source.retrievedAt) : null,
    })),
    claims: (document.claims ?? []).map((claim, index) => ({
      id: meridianId(claim.key),
      text: claim.text,
      subjectId: resolver.resolveOptional("actor", claim.subject, ["claims", index, "subject"]),
      predicate: claim.predicate ?? null,
      objectId: resolver.resolveOptional("actor", claim.object, ["claims", index, "object"]),
      quantity: claim.quantity ?? null,
      incidentId: resolver.resolveOptional("incident", claim.incident, ["claims", index, "incident"]),
    })),
    statements: (document.statements ?? []).map((statement, index) => buildStatement(statement, index, resolver, report)),
  };
}

function buildStatement(statement: StatementInput, index: number, resolver: ReferenceResolver, report: ReportProblem) {
  const id = meridianId(statement.key);
  const path = ["statements", index] as const;
  const respondsToId = resolver.resolveOptional("statement", statement.respondsTo, [...path, "respondsTo"]);
  if (respondsToId === id) report([...path, "respondsTo"], "a statement cannot respond to itself");
  const stanceRows = (statement.stances ?? []).map((stance, stanceIndex) => ({
    statementId: id,
    claimId: resolver.resolve("claim", stance.claim, [...path, "stances", stanceIndex, "claim"]),
    stance: stance.stance,
  }));
  for (const duplicate of duplicatesIn(stanceRows, (row) => row.claimId || undefined)) {
    report(
      [...path, "stances", duplicate.index, "claim"],
      `takes a second stance on the claim of stances[${duplicate.firstIndex}]; a statement takes one stance per claim`,
    );
  }
  const incidentIds = (statement.incidents ?? []).map((incident, incidentIndex) =>
    resolver.resolve("incident", incident, [...path, "incidents", incidentIndex]),
  );
  return {
    row: {
      id,
      speakerId: resolver.resolve("actor", statement.speaker, [...path, "speaker"]),
      onBehalfOfId: resolver.resolveOptional("actor", statement.onBehalfOf, [...path, "onBehalfOf"]),
      saidOn: statement.said.date,
      saidPrecision: statement.said.precision,
      venue: statement.venue ?? null,
      modality: statement.modality,
      text: statement.text,
      language: statement.language,
      sourceId: resolver.resolve("source", statement.source, [...path, "source"]),
      respondsToId,
    },
    stances: stanceRows,
    // A key and a full ID may name the same incident; it is about it once.
    incidents: [...new Set(incidentIds)].map((incidentId) => ({ statementId: id, incidentId })),
  };
}
