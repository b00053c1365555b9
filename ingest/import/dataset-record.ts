// What one row of a dataset becomes before it is written: an incident or a statement with
// the sources it cites, naming its actors as the dataset does. Actors are resolved to stored
// actors (or created) by the writer, a batch at a time.
import type { ACTOR_KIND_VALUES, ALIAS_SCHEME_VALUES } from "../../services/actors/data/tables.js";
import type { ASSOCIATED_SIDE_VALUES, INCIDENT_TYPE_VALUES, PARTICIPANT_ROLE_VALUES } from "../../services/incidents/data/tables.js";
import type { IncidentRow, PlaceRow } from "../../services/incidents/writes/incident-rows.js";
import type { SourceRow, StatementRow } from "../../services/statements/writes/statement-rows.js";

export type ActorKind = (typeof ACTOR_KIND_VALUES)[number];
export type ParticipantRole = (typeof PARTICIPANT_ROLE_VALUES)[number];
export type AssociatedSide = (typeof ASSOCIATED_SIDE_VALUES)[number];
export type IncidentType = (typeof INCIDENT_TYPE_VALUES)[number];
/** The alias scheme a dataset names actors in (a format's ActorScheme says which); a new one needs a value in the actors' tables and a migration. */
export type DatasetScheme = (typeof ALIAS_SCHEME_VALUES)[number];

/** An actor as a dataset names it. */
export interface ActorMention {
  scheme: DatasetScheme;
  /** The alias: ACLED's actor name, or GDELT's CAMEO actor code ("USAGOV"). */
  value: string;
  /** The name an actor created for it gets. */
  name: string;
  kind: ActorKind;
  /** The dataset states the kind (ACLED's inter1/inter2, a CAMEO type code, an ACLED naming convention) rather than it being a default. */
  kindIsStated: boolean;
  country: string | null;
  /** The words the record used for it ("ANGELA MERKEL" for DEUGOV), kept as a FREE alias of the actor. */
  words?: string;
  /** The actor it is a part of (an ACLED unit's force; a force of a period of the country's forces): a PART_OF relation. */
  partOf?: ActorMention;
  /** How the link to partOf was made: ACLED's naming convention or a crosswalk rule to a CAMEO code. */
  partOfRule?: "unit" | "crosswalk";
  /**
   * The same entity in another scheme, by a crosswalk rule (ACLED's "Military Forces of Somalia
   * (2022-)" is CAMEO SOMMIL): the mention resolves to that one's actor, taking its value as an alias.
   */
  sameAs?: ActorMention;
  /** The crosswalk rule that says so, in words: recorded on the link it makes. */
  sameAsRule?: string;
  /** The period the value names the actor for (ACLED's "(2022-)": 2022-01-01 on): kept on its alias and its PART_OF relation. */
  validFrom?: string | null;
  validTo?: string | null;
}

export interface ParticipantDraft {
  actor: ActorMention;
  role: ParticipantRole;
  /** For an ASSOCIATE, the side the dataset associates it with. */
  associatedWith?: AssociatedSide;
}

export interface IncidentDraft {
  /** The incident row; the columns copied from the primary place are filled by the writer. */
  row: Omit<IncidentRow, "country" | "admin1" | "latitude" | "longitude">;
  place: PlaceRow | null;
  participants: ParticipantDraft[];
  sourceIds: string[];
}

export interface StatementDraft {
  row: Omit<StatementRow, "speakerId" | "addresseeId">;
  /** Null when the speaker names no single entity (GDELT's bare GOV, "PRESIDENT"): speakerAsWritten keeps it. */
  speaker: ActorMention | null;
  /** Whom it is about (GDELT's Actor2): its actor is the statement's addressee. */
  addressee: ActorMention | null;
  /** A speaker or addressee that names no single entity, as the record wrote it ("FINANCIAL SECRETARY (CAMEO GOV)"). */
  speakerAsWritten: string | null;
  addresseeAsWritten: string | null;
}

/** The record's version in its dataset, which a newer import may replace and an older one may not. */
export interface RecordVersion {
  /** The incident that holds the version (in its source_version). */
  incidentId: string;
  /** ACLED's `timestamp`: Unix seconds. */
  seconds: number;
}

export type DatasetRecord =
  | {
      kind: "incident";
      incident: IncidentDraft;
      /** Sources shared by many records (outlets, articles): written once per import. */
      sharedSources: SourceRow[];
      /** The source that is the record itself, written with it. */
      recordSource: SourceRow | null;
      version: RecordVersion | null;
    }
  | { kind: "statement"; statement: StatementDraft; sharedSources: SourceRow[] }
  /** A row that is valid but cannot become an entity (a statement without a speaker); counted by reason. */
  | { kind: "skipped"; reason: string };

export function recordEntityId(record: DatasetRecord): string | undefined {
  if (record.kind === "incident") return record.incident.row.id;
  if (record.kind === "statement") return record.statement.row.id;
  return undefined;
}
