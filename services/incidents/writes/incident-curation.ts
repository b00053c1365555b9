// Edits of the incidents schema made through the API: each checks its input with the
// document checks and writes in one transaction, so a failing edit writes nothing.
import { incidentsHistory } from "../data/history.js";
import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { incidentsDocumentLists } from "./incident.document.js";
import { buildIncidentsPart } from "./incident-rows.js";
import { ReferenceResolver } from "../../kit/records/reference-resolver.js";
import { INCIDENT_KIND_TABLES, writeIncidents } from "./write-incidents.js";
import { definedFields } from "../../kit/curation/defined-fields.js";
import { meridianId } from "../../kit/records/entity-ids.js";
import { STAND_IN_KEY, keyFor } from "../../kit/curation/entity-key.js";
import { InputProblems } from "../../../platform/graphql/input-problems.js";
import { checkedEntityDocument, documentReporter } from "../../kit/curation/input-document.js";
import { existingRow, rejectTakenId } from "../../kit/curation/taken-id.js";
import { assertWellFormedId } from "../../kit/schema/ids.js";
import { incidentSources, incidents, participants, places, tombstones } from "../data/tables.js";
import { leaveTombstones } from "../../kit/records/tombstones.js";
import type { CreateIncidentInput, UpdateIncidentInput } from "../schema/incident-curation.input.js";
import { type IncidentRow, incidentColumns, toIncident } from "../schema/incident.rows.js";
import type { Incident } from "../schema/incident.type.js";
import { curationTransaction } from "../../kit/curation/curation-transaction.js";
import type { RequestScope } from "../../kit/curation/request-scope.js";

// The lists an update replaces when given, by input field.
const CHILD_LISTS = ["places", "participants", "sources"] as const;

export class IncidentCuration {
  constructor(
    private readonly db: Database,
    private readonly request: RequestScope,
  ) {}

  async create(input: CreateIncidentInput): Promise<Incident> {
    const key = keyFor(input.key, input.title);
    return curationTransaction(this.db, this.request, { history: incidentsHistory, kind: "createIncident", entityKind: "incident" }, async (db, note) => {
      const built = checkedIncident({ ...input, key }, meridianId(key));
      await rejectTakenId(db, INCIDENT_KIND_TABLES.incident!, built.row.id!, ["input", input.key == null ? "title" : "key"], "incident");
      await writeIncidents(db, { incidents: [built] });
      note("created", built.row.id!);
      return this.stored(db, built.row.id!);
    });
  }

  async update(id: string, input: UpdateIncidentInput): Promise<Incident> {
    return curationTransaction(
      this.db,
      this.request,
      { history: incidentsHistory, kind: "updateIncident", entityKind: "incident", entityId: id },
      async (db, note) => {
        const stored = await existingRow<IncidentRow>(db, incidents, incidents.id, assertWellFormedId("id", id), ["id"], "incident");
        const patch = definedFields(input);
        const built = checkedIncident({ ...asDocumentIncident(stored), ...patch }, id);
        const { row } = built;
        // The incident's own columns: those of the dataset it came from (ACLED's types) stay.
        await db
          .update(incidents)
          .set({
            type: row.type,
            title: row.title,
            summary: row.summary,
            startOn: row.startOn,
            startPrecision: row.startPrecision,
            endOn: row.endOn,
            endPrecision: row.endPrecision,
            status: row.status,
            fatalitiesLow: row.fatalitiesLow,
            fatalitiesBest: row.fatalitiesBest,
            fatalitiesHigh: row.fatalitiesHigh,
            // The primary place's copy changes with the places.
            ...("places" in patch ? { country: row.country, admin1: row.admin1, latitude: row.latitude, longitude: row.longitude } : {}),
          })
          .where(eq(incidents.id, id));
        const tables = {
          places: [places, places.incidentId],
          participants: [participants, participants.incidentId],
          sources: [incidentSources, incidentSources.incidentId],
        } as const;
        for (const list of CHILD_LISTS) {
          if (!(list in patch)) continue;
          const [table, parent] = tables[list];
          await db.delete(table).where(eq(parent, id));
          const rows = built[list];
          if (rows.length > 0) await db.insert(table).values(rows as never);
        }
        note("updated", id);
        return this.stored(db, id);
      },
    );
  }

  /**
   * Deletes an incident with its places, participants and source links, leaving its tombstone
   * (its places' IDs extend its ID, so they cannot come back either); false when there was none.
   */
  async delete(id: string): Promise<boolean> {
    assertWellFormedId("id", id);
    return curationTransaction(
      this.db,
      this.request,
      { history: incidentsHistory, kind: "deleteIncident", entityKind: "incident", entityId: id },
      async (db, note) => {
        const deleted = await db.delete(incidents).where(eq(incidents.id, id)).returning({ id: incidents.id });
        await leaveTombstones(
          db,
          tombstones,
          "incident",
          deleted.map((row) => row.id),
          this.request.author?.keyName ?? null,
        );
        note("deleted", ...deleted.map((row) => row.id));
        return deleted.length > 0;
      },
    );
  }

  private async stored(db: Database, id: string): Promise<Incident> {
    const [row] = await db.select(incidentColumns).from(incidents).where(eq(incidents.id, id));
    return toIncident(row!);
  }
}

/**
 * The incident's rows, checked as a document's incident would be, with the IDs of `id`.
 * References to actors and sources belong to other subgraphs and are checked for form only.
 */
function checkedIncident(entity: Record<string, unknown>, id: string) {
  const problems = new InputProblems();
  const report = documentReporter(problems, "input");
  const document = checkedEntityDocument(incidentsDocumentLists, "incidents", entity, problems);
  problems.throwIfAny();
  const built = buildIncidentsPart(document!, new ReferenceResolver(document!, report), report).incidents[0]!;
  problems.throwIfAny();
  // Place IDs extend the incident's ID: "<incident ID>.<place key>".
  const builtId = built.row.id!;
  return {
    row: { ...built.row, id },
    places: built.places.map((place) => ({ ...place, id: `${id}${place.id.slice(builtId.length)}`, incidentId: id })),
    participants: built.participants.map((participant) => ({ ...participant, incidentId: id })),
    sources: built.sources.map((source) => ({ ...source, incidentId: id })),
  };
}

/** A stored incident as a document's incident, to check an edit of it as the document loader would. */
function asDocumentIncident(row: IncidentRow): Record<string, unknown> {
  return {
    key: STAND_IN_KEY,
    type: row.type,
    title: row.title,
    summary: row.summary,
    start: { date: row.startOn, precision: row.startPrecision },
    end: row.endOn ? { date: row.endOn, precision: row.endPrecision ?? "DAY" } : null,
    status: row.status,
    fatalities: { low: row.fatalitiesLow, best: row.fatalitiesBest, high: row.fatalitiesHigh },
  };
}
