// The rows of the actors schema that a document describes: actors with their aliases, and
// relations between actors.
import type { actorRelations, actors, aliases } from "../data/tables.js";
import type { ActorsDocumentLists } from "./actor.document.js";
import { duplicatesIn } from "../../kit/records/duplicates.js";
import { derivedRelationKey, meridianId } from "../../kit/records/entity-ids.js";
import { normalizeName } from "../../kit/records/normalize-name.js";
import type { ReportProblem } from "../../kit/records/problems.js";
import { type ReferenceResolver, UNRESOLVED } from "../../kit/records/reference-resolver.js";

export type ActorRow = typeof actors.$inferInsert;
export type AliasRow = typeof aliases.$inferInsert;
export type RelationRow = typeof actorRelations.$inferInsert;

export interface ActorsPart {
  actors: { row: ActorRow; aliases: AliasRow[] }[];
  relations: RelationRow[];
}

export function buildActorsPart(document: ActorsDocumentLists, resolver: ReferenceResolver, report: ReportProblem): ActorsPart {
  return {
    actors: (document.actors ?? []).map((actor, index) => {
      const id = meridianId(actor.key);
      const listed = actor.aliases ?? [];
      for (const duplicate of duplicatesIn(listed, (alias) => `${alias.scheme} ${alias.value}`)) {
        report(["actors", index, "aliases", duplicate.index], `repeats aliases[${duplicate.firstIndex}]`);
      }
      // The name is stored as a FREE alias too, so that looking actors up by name needs only
      // the aliases; a listed FREE alias of the same value (with validity dates) replaces it.
      const nameIsListed = listed.some((alias) => alias.scheme === "FREE" && alias.value === actor.name);
      const all = nameIsListed ? listed : [{ scheme: "FREE" as const, value: actor.name }, ...listed];
      return {
        row: { id, kind: actor.kind, name: actor.name, country: actor.country ?? null, description: actor.description ?? null },
        aliases: all.map((alias) => ({
          actorId: id,
          scheme: alias.scheme,
          value: alias.value,
          normalizedValue: normalizeName(alias.value),
          validFrom: alias.validFrom ?? null,
          validTo: alias.validTo ?? null,
        })),
      };
    }),
    relations: buildRelationRows(document, resolver, report),
  };
}

function buildRelationRows(document: ActorsDocumentLists, resolver: ReferenceResolver, report: ReportProblem): RelationRow[] {
  const rows = (document.relations ?? []).map((relation, index): RelationRow => {
    const subjectId = resolver.resolve("actor", relation.subject, ["relations", index, "subject"]);
    const objectId = resolver.resolve("actor", relation.object, ["relations", index, "object"]);
    let key = relation.key;
    if (!key && subjectId && objectId) {
      key = derivedRelationKey(subjectId, relation.predicate, objectId);
      if (!key) report(["relations", index], "needs a key: none can be derived from its subject and object");
    }
    return {
      id: key ? meridianId(key) : UNRESOLVED,
      subjectId,
      predicate: relation.predicate,
      objectId,
      validFrom: relation.validFrom ?? null,
      validTo: relation.validTo ?? null,
      sourceId: resolver.resolveOptional("source", relation.source, ["relations", index, "source"]),
    };
  });
  for (const duplicate of duplicatesIn(rows, (row) => row.id || undefined)) {
    report(
      ["relations", duplicate.index],
      `has the same ID ${rows[duplicate.index]!.id} as relations[${duplicate.firstIndex}]; give one of them a key of its own`,
    );
  }
  return rows;
}
