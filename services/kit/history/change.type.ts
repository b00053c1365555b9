import "reflect-metadata";
import { GraphQLJSONObject } from "graphql-scalars";
import { Directive, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../pages/pagination.js";

// Every subgraph keeps the history of its own entities and answers these types the same way.

@Directive("@shareable")
@ObjectType({ description: 'Who made a change: the name and role of the API key, or for an import the user who ran it ("os:<name>").' })
export class ChangeAuthor {
  @Field(() => String)
  keyName!: string;

  @Field(() => String, { nullable: true, description: "The key's role (editor); null for an import run from the command line." })
  role!: string | null;
}

@Directive("@shareable")
@ObjectType({ description: "One row a change wrote, with its values before and after (as stored, by column name)." })
export class RowChange {
  @Field(() => String, { description: 'The table: "actors", "aliases", "participants"…' })
  table!: string;

  @Field(() => String, { description: "INSERT, UPDATE or DELETE." })
  operation!: string;

  @Field(() => String, { description: "The kind of entity the row belongs to (an alias to an actor)." })
  entityKind!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => GraphQLJSONObject, { description: "The columns that identify the row, with their values." })
  key!: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "The row before the change; null for an INSERT." })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "The row after the change; null for a DELETE." })
  after!: Record<string, unknown> | null;
}

@Directive("@shareable")
@ObjectType({ description: "One file an import read." })
export class ImportedFile {
  @Field(() => String)
  name!: string;

  @Field(() => Int, { nullable: true, description: "Its size in bytes; null for standard input." })
  bytes!: number | null;

  @Field(() => String, { nullable: true, description: "The SHA-256 of its bytes, in hex; null for standard input." })
  sha256!: string | null;
}

@Directive("@shareable")
@ObjectType({ description: "One run of `npm run import` (or the seed): what it read, who ran it, and what it wrote." })
export class ImportRun {
  @Field(() => ID, { description: "The run's ID, as `npm run import` prints it; `npm run revert-import -- <id>` undoes the run." })
  id!: string;

  @Field(() => String, { description: 'The format: "acled", "gdelt", "meridian", or "seed".' })
  format!: string;

  @Field(() => [ImportedFile])
  files!: ImportedFile[];

  @Field(() => String, { description: "When it started (ISO 8601, UTC)." })
  startedAt!: string;

  @Field(() => String, { nullable: true, description: "When it finished." })
  finishedAt!: string | null;

  @Field(() => ChangeAuthor, { nullable: true })
  author!: ChangeAuthor | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "Its summary: rows read and, per entity, how many were inserted, updated, unchanged and rejected.",
  })
  summary!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: "When the run was reverted; null while it stands." })
  revertedAt!: string | null;
}

@Directive("@shareable")
@ObjectType({ description: "One change to the graph: an edit through the API, an import's part in one subgraph, or a revert." })
export class Change {
  @Field(() => ID, {
    description: 'The change\'s ID: its subgraph and number, "actors:42". revertActorChange (or revertStatementChange, revertIncidentChange) takes it.',
  })
  id!: string;

  @Field(() => String, { description: "When it was made (ISO 8601, UTC)." })
  at!: string;

  @Field(() => String, {
    description:
      'What was done: the mutation\'s name ("updateActor", "mergeActors", "addAliases", "confirmActorLink", "revertActorChange"…), "import" or "seed".',
  })
  kind!: string;

  @Field(() => String, { nullable: true, description: "The kind of entity it was made to; null for an import." })
  entityKind!: string | null;

  @Field(() => ID, { nullable: true, description: "The entity it was made to (a merge's survivor); null for an import." })
  entityId!: string | null;

  @Field(() => ChangeAuthor, { nullable: true, description: "Who made it; null when not known." })
  author!: ChangeAuthor | null;

  @Field(() => String, { nullable: true, description: "The request's ID (x-request-id), as on the request's log lines." })
  requestId!: string | null;

  @Field(() => String, { nullable: true, description: "The name of the client's operation." })
  operationName!: string | null;

  @Field(() => ID, { nullable: true, description: "The import run this change is part of." })
  importRunId!: string | null;

  @Field(() => ID, { nullable: true, description: "The change this one reverted." })
  reverts!: string | null;

  @Field(() => ID, { nullable: true, description: "The change that reverted this one; null while it stands." })
  revertedBy!: string | null;

  /** The entity whose history listed the change: its rows are then those of that entity. */
  forEntity?: { kind: string; id: string };
}

@Directive("@shareable")
@ObjectType("ChangeEdge")
export class ChangeEdge {
  @Field(() => String, { description: "Opaque position of this item, to pass as `after`." })
  cursor!: string;

  @Field(() => Change)
  node!: Change;
}

@Directive("@shareable")
@ObjectType("ChangeConnection", { description: "A page of changes, newest first." })
export class ChangeConnection {
  @Field(() => [ChangeEdge])
  edges!: ChangeEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many changes the whole list holds; counted only when asked for." })
  totalCount!: number;
}

@Directive("@shareable")
@ObjectType("ImportRunEdge")
export class ImportRunEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => ImportRun)
  node!: ImportRun;
}

@Directive("@shareable")
@ObjectType("ImportRunConnection", { description: "A page of import runs, newest first." })
export class ImportRunConnection {
  @Field(() => [ImportRunEdge])
  edges!: ImportRunEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@InputType({ description: "Which changes to list; every condition given must hold." })
export class ChangeFilter {
  @Field(() => ID, { nullable: true, description: "Changes that wrote a row of this entity." })
  entity?: string | null;

  @Field(() => String, { nullable: true, description: "Changes made with the API key of this name (or, for imports, by this user)." })
  keyName?: string | null;

  @Field(() => String, { nullable: true, description: 'Changes of this kind: "updateActor", "import"…' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: "Changes made at or after this instant (ISO 8601)." })
  since?: string | null;

  @Field(() => String, { nullable: true, description: "Changes made before this instant (ISO 8601)." })
  before?: string | null;

  @Field(() => ID, { nullable: true, description: "The changes of one import run." })
  importRun?: string | null;
}
