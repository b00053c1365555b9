import "reflect-metadata";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { assertWellFormedId } from "../../kit/schema/ids.js";
import { type Connection, ConnectionType, PageArgs } from "../../kit/pages/pagination.js";
import type { StatementsContext } from "../data/context.js";
import { ActorReference, IncidentReference } from "./references.type.js";
import { Source } from "./source.type.js";
import { StatementFilter, StatementSort } from "./statement.input.js";
import { Stance, Statement } from "./statement.type.js";

export const StatementConnection = ConnectionType(Statement, "Statement", "A page of statements.");

@ArgsType()
class StatementsArgs extends PageArgs {
  @Field(() => StatementFilter, { nullable: true, description: "Only statements that meet these conditions." })
  filter?: StatementFilter | null;

  @Field(() => StatementSort, { nullable: true, description: "The order; oldest first when left out. A cursor only continues the order it was made in." })
  sort?: StatementSort | null;
}

@Resolver(() => Statement)
export class StatementResolver {
  @Query(() => Statement, { nullable: true, description: "One statement by ID; null when there is none." })
  async statement(@Arg("id", () => ID) id: string, @Ctx() context: StatementsContext): Promise<Statement | null> {
    return context.loaders.statementById.load(assertWellFormedId("id", id));
  }

  // Nullable, as every root field: with this subgraph down, the other root fields of an operation still answer.
  @Query(() => StatementConnection, {
    nullable: true,
    description: "Statements in the order they were said, filtered by speaker, dates, stance, claim, language, source or the statement they answer.",
  })
  async statements(
    @Args(() => StatementsArgs) { filter, sort, first, after }: StatementsArgs,
    @Ctx() context: StatementsContext,
  ): Promise<Connection<Statement>> {
    return context.statements.listStatements(filter, sort, first, after);
  }

  // Nullable so that, with the actors subgraph down, the statement still comes back.
  @FieldResolver(() => ActorReference, { nullable: true, description: "Who said it." })
  speaker(@Root() statement: Statement): ActorReference | null {
    return statement.speakerId ? ActorReference.of(statement.speakerId) : null;
  }

  @FieldResolver(() => ActorReference, { nullable: true, description: "Whom the speaker spoke for (a spokesperson's ministry)." })
  onBehalfOf(@Root() statement: Statement): ActorReference | null {
    return statement.onBehalfOfId ? ActorReference.of(statement.onBehalfOfId) : null;
  }

  @FieldResolver(() => ActorReference, {
    nullable: true,
    description: "Whom the statement was addressed to or was about, where the source says (GDELT's Actor2).",
  })
  addressee(@Root() statement: Statement): ActorReference | null {
    return statement.addresseeId ? ActorReference.of(statement.addresseeId) : null;
  }

  @FieldResolver(() => Source, { nullable: true, description: "The document that reports the statement." })
  async source(@Root() statement: Statement, @Ctx() context: StatementsContext): Promise<Source | null> {
    return context.loaders.sourceById.load(statement.sourceId);
  }

  @FieldResolver(() => Statement, { nullable: true, description: "The statement this one answers." })
  async respondsTo(@Root() statement: Statement, @Ctx() context: StatementsContext): Promise<Statement | null> {
    return statement.respondsToId ? context.loaders.statementById.load(statement.respondsToId) : null;
  }

  @FieldResolver(() => StatementConnection, { description: "Statements that answer this one." })
  async responses(
    @Root() statement: Statement,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: StatementsContext,
  ): Promise<Connection<Statement>> {
    return context.loaders.responsesToStatement.load({ parentId: statement.id, first, after });
  }

  @FieldResolver(() => [Stance], { description: "The positions this statement takes on claims, by claim ID." })
  async stances(@Root() statement: Statement, @Ctx() context: StatementsContext): Promise<Stance[]> {
    return context.loaders.stancesOfStatement.load(statement.id);
  }

  @FieldResolver(() => [IncidentReference], { nullable: "items", description: "The incidents the statement is about; null for an incident since deleted." })
  async incidents(@Root() statement: Statement, @Ctx() context: StatementsContext): Promise<IncidentReference[]> {
    const ids = await context.loaders.incidentIdsOfStatement.load(statement.id);
    return ids.map(IncidentReference.of);
  }
}
