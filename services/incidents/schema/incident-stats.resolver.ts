import "reflect-metadata";
import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from "type-graphql";
import { MAX_PAGE_SIZE } from "../../kit/pages/pagination.js";
import { TimeInterval } from "../../kit/schema/time-buckets.js";
import type { IncidentsContext } from "../data/context.js";
import { IncidentGrouping } from "./incident.enums.js";
import { IncidentFilter } from "./incident.input.js";
import { IncidentBucket } from "./incident-stats.type.js";

/** Enough for every country or type at once; actors and areas beyond it are the long tail. */
const DEFAULT_BUCKETS = 100;

@ArgsType()
class IncidentStatsArgs {
  @Field(() => IncidentGrouping, { description: "What to group incidents by." })
  groupBy!: IncidentGrouping;

  @Field(() => TimeInterval, { nullable: true, description: "The length of a period; required when grouping by TIME, ignored otherwise." })
  interval?: TimeInterval | null;

  @Field(() => IncidentFilter, {
    nullable: true,
    description: "Which incidents to count; all of them when left out. For TIME, its `occurred` range is also the span of the series.",
  })
  filter?: IncidentFilter | null;

  @Field(() => Int, {
    defaultValue: DEFAULT_BUCKETS,
    description: `At most this many buckets, the largest, 0 to ${MAX_PAGE_SIZE}; not for TIME, whose series is always whole.`,
  })
  first: number = DEFAULT_BUCKETS;
}

@Resolver(() => IncidentBucket)
export class IncidentStatsResolver {
  // Nullable, as every root field: with this subgraph down, the other root fields of an operation still answer.
  @Query(() => [IncidentBucket], {
    nullable: true,
    description:
      "Incident counts and deaths for dashboards, grouped by period, type, country, area or actor. Periods come in order with empty ones as zeros; other buckets largest first, ties by key.",
  })
  async incidentStats(
    @Args(() => IncidentStatsArgs) { groupBy, interval, filter, first }: IncidentStatsArgs,
    @Ctx() context: IncidentsContext,
  ): Promise<IncidentBucket[]> {
    return context.stats.stats(groupBy, interval, filter, first);
  }
}
