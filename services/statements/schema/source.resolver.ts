import "reflect-metadata";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { assertWellFormedId } from "../../kit/schema/ids.js";
import { type Connection, ConnectionType, PageArgs } from "../../kit/pages/pagination.js";
import type { StatementsContext } from "../data/context.js";
import { Source } from "./source.type.js";
import { StatementConnection } from "./statement.resolver.js";
import type { Statement } from "./statement.type.js";

export const SourceConnection = ConnectionType(Source, "Source", "A page of sources, by ID.");

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => Source, { nullable: true, description: "One source by ID; null when there is none." })
  async source(@Arg("id", () => ID) id: string, @Ctx() context: StatementsContext): Promise<Source | null> {
    return context.loaders.sourceById.load(assertWellFormedId("id", id));
  }

  // Nullable, as every root field: with this subgraph down, the other root fields of an operation still answer.
  @Query(() => SourceConnection, { nullable: true, description: "All sources, by ID." })
  async sources(@Args(() => PageArgs) { first, after }: PageArgs, @Ctx() context: StatementsContext): Promise<Connection<Source>> {
    return context.statements.listSources(first, after);
  }

  @FieldResolver(() => StatementConnection, { description: "Statements this source reports." })
  async statements(
    @Root() source: Source,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: StatementsContext,
  ): Promise<Connection<Statement>> {
    return context.loaders.statementsBySource.load({ parentId: source.id, first, after });
  }
}
