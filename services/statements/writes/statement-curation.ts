// Edits of the statements schema made through the API: each checks its input with the
// document checks and writes in one transaction, so a failing edit writes nothing.
import { statementsHistory } from "../data/history.js";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { ReferenceResolver } from "../../kit/records/reference-resolver.js";
import { buildStatementsPart } from "./statement-rows.js";
import { statementsDocumentLists } from "./statement.document.js";
import { STATEMENT_KIND_TABLES, writeStatements } from "./write-statements.js";
import { definedFields } from "../../kit/curation/defined-fields.js";
import { meridianId } from "../../kit/records/entity-ids.js";
import { STAND_IN_KEY, keyFor } from "../../kit/curation/entity-key.js";
import { InputProblems, rejectArgument } from "../../../platform/graphql/input-problems.js";
import { checkedEntityDocument, documentReporter } from "../../kit/curation/input-document.js";
import { reportMissingOwnReferences } from "../../kit/curation/own-references.js";
import { existingRow, rejectTakenId } from "../../kit/curation/taken-id.js";
import { assertWellFormedId } from "../../kit/schema/ids.js";
import { claims, sources, stances, statementIncidents, statements, tombstones } from "../data/tables.js";
import { leaveTombstones } from "../../kit/records/tombstones.js";
import type { Source } from "../schema/source.type.js";
import type { CreateClaimInput, CreateSourceInput, CreateStatementInput, UpdateClaimInput, UpdateStatementInput } from "../schema/statement-curation.input.js";
import { type ClaimRow, type StatementRow, statementColumns, toClaim, toSource, toStatement } from "../schema/statement.rows.js";
import type { Claim, Statement } from "../schema/statement.type.js";
import { curationTransaction } from "../../kit/curation/curation-transaction.js";
import type { RequestScope } from "../../kit/curation/request-scope.js";

export class StatementCuration {
  constructor(
    private readonly db: Database,
    private readonly request: RequestScope,
  ) {}

  async createSource(input: CreateSourceInput): Promise<Source> {
    const key = keyFor(input.key, input.title);
    return curationTransaction(this.db, this.request, { history: statementsHistory, kind: "createSource", entityKind: "source" }, async (db, note) => {
      const id = await this.checkNewKey(db, "sources", { ...input, key }, input.key == null ? "title" : "key");
      const problems = new InputProblems();
      const document = checkedEntityDocument(statementsDocumentLists, "sources", { ...input, key }, problems)!;
      await writeStatements(
        db,
        buildStatementsPart(document, new ReferenceResolver(document, documentReporter(problems, "input")), documentReporter(problems, "input")),
      );
      note("created", id);
      return toSource((await db.select().from(sources).where(eq(sources.id, id)))[0]!);
    });
  }

  async createStatement(input: CreateStatementInput): Promise<Statement> {
    const key = keyFor(input.key, input.text);
    return curationTransaction(this.db, this.request, { history: statementsHistory, kind: "createStatement", entityKind: "statement" }, async (db, note) => {
      const id = await this.checkNewKey(db, "statements", { ...input, key }, input.key == null ? "text" : "key");
      await this.writeStatement(db, id, { ...input, key });
      note("created", id);
      return toStatement((await db.select(statementColumns).from(statements).where(eq(statements.id, id)))[0]!);
    });
  }

  async updateStatement(id: string, input: UpdateStatementInput): Promise<Statement> {
    return curationTransaction(
      this.db,
      this.request,
      { history: statementsHistory, kind: "updateStatement", entityKind: "statement", entityId: id },
      async (db, note) => {
        const stored = await existingRow<StatementRow>(db, statements, statements.id, assertWellFormedId("id", id), ["id"], "statement");
        const patch = definedFields(input);
        await this.writeStatement(
          db,
          id,
          { ...asDocumentStatement(stored), ...patch },
          { replaceStances: "stances" in patch, replaceIncidents: "incidents" in patch },
        );
        note("updated", id);
        return toStatement((await db.select(statementColumns).from(statements).where(eq(statements.id, id)))[0]!);
      },
    );
  }

  /** Deletes a statement with its stances, leaving its tombstone (by the request's editor); false when there was none. */
  async deleteStatement(id: string): Promise<boolean> {
    assertWellFormedId("id", id);
    return curationTransaction(
      this.db,
      this.request,
      { history: statementsHistory, kind: "deleteStatement", entityKind: "statement", entityId: id },
      async (db, note) => {
        const deleted = await db.delete(statements).where(eq(statements.id, id)).returning({ id: statements.id });
        // Responses stay, responding to nothing now.
        await db.update(statements).set({ respondsToId: null }).where(eq(statements.respondsToId, id));
        await leaveTombstones(
          db,
          tombstones,
          "statement",
          deleted.map((row) => row.id),
          this.request.author?.keyName ?? null,
        );
        note("deleted", ...deleted.map((row) => row.id));
        return deleted.length > 0;
      },
    );
  }

  async createClaim(input: CreateClaimInput): Promise<Claim> {
    const key = keyFor(input.key, input.text);
    return curationTransaction(this.db, this.request, { history: statementsHistory, kind: "createClaim", entityKind: "claim" }, async (db, note) => {
      const id = await this.checkNewKey(db, "claims", { ...input, key }, input.key == null ? "text" : "key");
      const row = await this.checkedClaimRow(db, { ...input, key });
      await writeStatements(db, { sources: [], claims: [row], statements: [] });
      note("created", id);
      return toClaim((await db.select().from(claims).where(eq(claims.id, id)))[0]!);
    });
  }

  async updateClaim(id: string, input: UpdateClaimInput): Promise<Claim> {
    return curationTransaction(
      this.db,
      this.request,
      { history: statementsHistory, kind: "updateClaim", entityKind: "claim", entityId: id },
      async (db, note) => {
        const stored = await existingRow<ClaimRow>(db, claims, claims.id, assertWellFormedId("id", id), ["id"], "claim");
        const { id: _standIn, ...row } = await this.checkedClaimRow(db, { ...asDocumentClaim(stored), ...definedFields(input) });
        await db.update(claims).set(row).where(eq(claims.id, id));
        note("updated", id);
        return toClaim((await db.select().from(claims).where(eq(claims.id, id)))[0]!);
      },
    );
  }

  /** Deletes a claim with the stances taken on it, leaving its tombstone; false when there was none. */
  async deleteClaim(id: string): Promise<boolean> {
    assertWellFormedId("id", id);
    return curationTransaction(
      this.db,
      this.request,
      { history: statementsHistory, kind: "deleteClaim", entityKind: "claim", entityId: id },
      async (db, note) => {
        const deleted = await db.delete(claims).where(eq(claims.id, id)).returning({ id: claims.id });
        await leaveTombstones(
          db,
          tombstones,
          "claim",
          deleted.map((row) => row.id),
          this.request.author?.keyName ?? null,
        );
        note("deleted", ...deleted.map((row) => row.id));
        return deleted.length > 0;
      },
    );
  }

  /**
   * Deletes a source no statement cites, leaving its tombstone; false when there was none.
   * Refused while statements cite it: deleting them, or giving them another source, is the
   * editor's decision. Incidents and relations that cite it (other subgraphs) answer null for it.
   */
  async deleteSource(id: string): Promise<boolean> {
    assertWellFormedId("id", id);
    return curationTransaction(
      this.db,
      this.request,
      { history: statementsHistory, kind: "deleteSource", entityKind: "source", entityId: id },
      async (db, note) => {
        const [citing] = await db
          .select({ count: sql<number>`count(*)::int`, first: sql<string>`min(${statements.id})` })
          .from(statements)
          .where(eq(statements.sourceId, id));
        if (citing && citing.count > 0) {
          rejectArgument(["id"], `${citing.count} statement(s) cite the source ${id} (${citing.first} first); delete them or give them another source first`);
        }
        const deleted = await db.delete(sources).where(eq(sources.id, id)).returning({ id: sources.id });
        await leaveTombstones(
          db,
          tombstones,
          "source",
          deleted.map((row) => row.id),
          this.request.author?.keyName ?? null,
        );
        note("deleted", ...deleted.map((row) => row.id));
        return deleted.length > 0;
      },
    );
  }

  // Checks the shape of a new entity and that its ID is free; returns the ID.
  private async checkNewKey(db: Database, list: "sources" | "statements" | "claims", entity: Record<string, unknown>, keyField: string): Promise<string> {
    const problems = new InputProblems();
    checkedEntityDocument(statementsDocumentLists, list, entity, problems);
    problems.throwIfAny();
    const id = meridianId(entity.key as string);
    const kind = ({ sources: "source", statements: "statement", claims: "claim" } as const)[list];
    await rejectTakenId(db, STATEMENT_KIND_TABLES[kind]!, id, ["input", keyField], kind);
    return id;
  }

  private async checkedClaimRow(db: Database, entity: Record<string, unknown>) {
    const problems = new InputProblems();
    const report = documentReporter(problems, "input");
    const document = checkedEntityDocument(statementsDocumentLists, "claims", entity, problems);
    problems.throwIfAny();
    const resolver = new ReferenceResolver(document!, report);
    const part = buildStatementsPart(document!, resolver, report);
    await reportMissingOwnReferences(db, STATEMENT_KIND_TABLES, resolver.storedReferences, report);
    problems.throwIfAny();
    return part.claims[0]!;
  }

  /**
   * Writes a statement given as a document's statement: on creation with the document
   * writer; on an update only the statement's own columns (a dataset's columns stay) and
   * the lists the update replaces.
   */
  private async writeStatement(
    db: Database,
    id: string,
    entity: Record<string, unknown>,
    update?: { replaceStances: boolean; replaceIncidents: boolean },
  ): Promise<void> {
    const problems = new InputProblems();
    const report = documentReporter(problems, "input");
    const document = checkedEntityDocument(statementsDocumentLists, "statements", entity, problems);
    problems.throwIfAny();
    const resolver = new ReferenceResolver(document!, report);
    const built = buildStatementsPart(document!, resolver, report).statements[0]!;
    if (built.row.respondsToId === id) problems.add(["input", "respondsTo"], "a statement cannot respond to itself");
    await reportMissingOwnReferences(db, STATEMENT_KIND_TABLES, resolver.storedReferences, report);
    problems.throwIfAny();
    const row = { ...built.row, id };
    const stanceRows = built.stances.map((stance) => ({ ...stance, statementId: id }));
    const incidentRows = built.incidents.map((incident) => ({ ...incident, statementId: id }));
    if (!update) {
      await writeStatements(db, { sources: [], claims: [], statements: [{ row, stances: stanceRows, incidents: incidentRows }] });
      return;
    }
    const { id: _id, ...columns } = row;
    await db.update(statements).set(columns).where(eq(statements.id, id));
    if (update.replaceStances) {
      await db.delete(stances).where(eq(stances.statementId, id));
      if (stanceRows.length > 0) await db.insert(stances).values(stanceRows);
    }
    if (update.replaceIncidents) {
      await db.delete(statementIncidents).where(eq(statementIncidents.statementId, id));
      if (incidentRows.length > 0) await db.insert(statementIncidents).values(incidentRows);
    }
  }
}

/** A stored statement as a document's statement, to check an edit of it as the document loader would. */
function asDocumentStatement(row: StatementRow): Record<string, unknown> {
  return {
    key: STAND_IN_KEY,
    speaker: row.speakerId,
    onBehalfOf: row.onBehalfOfId,
    said: { date: row.saidOn, precision: row.saidPrecision },
    venue: row.venue,
    modality: row.modality,
    text: row.text,
    language: row.language,
    source: row.sourceId,
    respondsTo: row.respondsToId,
  };
}

function asDocumentClaim(row: ClaimRow): Record<string, unknown> {
  return {
    key: STAND_IN_KEY,
    text: row.text,
    subject: row.subjectId,
    predicate: row.predicate,
    object: row.objectId,
    quantity: row.quantity,
    incident: row.incidentId,
  };
}
