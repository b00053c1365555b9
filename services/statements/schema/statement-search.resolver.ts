import "reflect-metadata";
import { Args, ArgsType, Ctx, Field, Query, Resolver } from "type-graphql";
import { type Connection, PageArgs } from "../../kit/pages/pagination.js";
import type { StatementsContext } from "../data/context.js";
import { StatementSearchConnection, StatementSearchHit } from "./statement-search.type.js";
import { StatementFilter } from "./statement.input.js";

@ArgsType()
class SearchStatementsArgs extends PageArgs {
  @Field(() => String, {
    description:
      'Words to find in statement texts, web-search style: "chinese citizens" (all words, in any form), "\\"irresponsible remarks\\"" (a phrase), "recruit or train", "captured -korean" (without). 1 to 200 characters.',
  })
  query!: string;

  @Field(() => StatementFilter, { nullable: true, description: "Only hits that also meet these conditions." })
  filter?: StatementFilter | null;
}

@Resolver(() => StatementSearchHit)
export class StatementSearchResolver {
  // Nullable, as every root field: with this subgraph down, the other root fields of an operation still answer.
  @Query(() => StatementSearchConnection, {
    nullable: true,
    description:
      'Full-text search over what was said (English), best match first among the 1,000 most recent matches (a broader query pages through those; `totalCount` counts every match); no match, or a query of stop words only ("the"), gives an empty page.',
  })
  async searchStatements(
    @Args(() => SearchStatementsArgs) { query, filter, first, after }: SearchStatementsArgs,
    @Ctx() context: StatementsContext,
  ): Promise<Connection<StatementSearchHit>> {
    return context.search.search(query, filter, first, after);
  }
}
