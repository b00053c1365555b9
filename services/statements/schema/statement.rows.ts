import { getTableColumns } from "drizzle-orm";
import { FuzzyDate } from "../../kit/schema/dates.js";
import { gdeltMeasuresOf } from "../../kit/schema/gdelt-measures.js";
import { type claims, type sources, type stances, statements } from "../data/tables.js";
import { Source } from "./source.type.js";
import { Claim, GdeltStatementMeasures, Stance, Statement, StatementPlace } from "./statement.type.js";

// Rows of the statements schema turned into the classes the schema exposes.

// Every column but the search document, which only Postgres reads.
const { searchDocument: _searchDocument, ...statementColumnsToRead } = getTableColumns(statements);
export const statementColumns = statementColumnsToRead;

export type StatementRow = Omit<typeof statements.$inferSelect, "searchDocument">;
export type ClaimRow = typeof claims.$inferSelect;
export type SourceRow = typeof sources.$inferSelect;
export type StanceRow = typeof stances.$inferSelect;

export function toStatement(row: StatementRow): Statement {
  return Object.assign(new Statement(), {
    id: row.id,
    saidAt: FuzzyDate.of(row.saidOn, row.saidPrecision),
    venue: row.venue,
    modality: row.modality,
    text: row.text,
    language: row.language,
    speakerId: row.speakerId,
    speakerAsWritten: row.speakerAsWritten ?? null,
    addresseeAsWritten: row.addresseeAsWritten ?? null,
    onBehalfOfId: row.onBehalfOfId,
    sourceId: row.sourceId,
    respondsToId: row.respondsToId,
    addresseeId: row.addresseeId,
    cameoCode: row.cameoCode,
    gdelt: gdeltMeasuresOf(GdeltStatementMeasures, row),
    place: placeOf(row),
  });
}

function placeOf(row: StatementRow): StatementPlace | null {
  if (row.placeName === null || row.placeFullName === null) return null;
  return Object.assign(new StatementPlace(), {
    name: row.placeName,
    fullName: row.placeFullName,
    admin1: row.placeAdmin1,
    adm1Code: row.placeAdm1Code,
    country: row.placeCountry,
    latitude: row.placeLatitude,
    longitude: row.placeLongitude,
    featureId: row.placeFeatureId,
    geoType: row.placeGeoType,
  });
}

export function toClaim(row: ClaimRow): Claim {
  return Object.assign(new Claim(), row);
}

export function toSource(row: SourceRow): Source {
  return Object.assign(new Source(), {
    id: row.id,
    kind: row.kind,
    title: row.title,
    url: row.url,
    publisher: row.publisher,
    publishedAt: row.publishedOn ? FuzzyDate.of(row.publishedOn, row.publishedPrecision ?? "DAY") : null,
    retrievedAt: row.retrievedAt ? row.retrievedAt.toISOString() : null,
  });
}

export function toStance(row: StanceRow): Stance {
  return Object.assign(new Stance(), row);
}
