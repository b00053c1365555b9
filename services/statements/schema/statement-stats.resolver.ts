import "reflect-metadata";
import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from "type-graphql";
import { MAX_PAGE_SIZE } from "../../kit/pages/pagination.js";
import type { StatementsContext } from "../data/context.js";
import { StatementGrouping } from "./statement.enums.js";
import { StatementFilter } from "./statement.input.js";
import { StatementBucket } from "./statement-stats.type.js";

/** Enough for every stance and the speakers a chart can show; the rest are the long tail. */
const DEFAULT_BUCKETS = 100;

@ArgsType()
class StatementStatsArgs {
  @Field(() => StatementGrouping, { description: "What to group statements by." })
  groupBy!: StatementGrouping;

  @Field(() => StatementFilter, {
    nullable: true,
    description: "Which statements to count; all of them when left out. For MONTH, its `said` range is also the span of the series.",
  })
  filter?: StatementFilter | null;

  @Field(() => Int, {
    defaultValue: DEFAULT_BUCKETS,
    description: `At most this many buckets, the largest, 0 to ${MAX_PAGE_SIZE}; not for MONTH, whose series is always whole.`,
  })
  first: number = DEFAULT_BUCKETS;
}

@Resolver(() => StatementBucket)
export class StatementStatsResolver {
  // Nullable, as every root field: with this subgraph down, the other root fields of an operation still answer.
  @Query(() => [StatementBucket], {
    nullable: true,
    description:
      "Statement counts for dashboards, grouped by speaker, stance or month. Months come in order with empty ones as zeros; other buckets largest first, ties by key.",
  })
  async statementStats(
    @Args(() => StatementStatsArgs) { groupBy, filter, first }: StatementStatsArgs,
    @Ctx() context: StatementsContext,
  ): Promise<StatementBucket[]> {
    return context.stats.stats(groupBy, filter, first);
  }
}
