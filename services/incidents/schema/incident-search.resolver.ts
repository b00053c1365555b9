import "reflect-metadata";
import { Args, ArgsType, Ctx, Field, Query, Resolver } from "type-graphql";
import { type Connection, PageArgs } from "../../kit/pages/pagination.js";
import type { IncidentsContext } from "../data/context.js";
import { IncidentSearchConnection, IncidentSearchHit } from "./incident-search.type.js";
import { IncidentFilter } from "./incident.input.js";

@ArgsType()
class SearchIncidentsArgs extends PageArgs {
  @Field(() => String, {
    description:
      'Words to find in titles and summaries, web-search style: "captured soldiers" (all words, in any form), "\\"press conference\\"" (a phrase), "capture or recruitment", "capture -kursk" (without).',
  })
  query!: string;

  @Field(() => IncidentFilter, { nullable: true, description: "Only hits that also meet these conditions." })
  filter?: IncidentFilter | null;
}

@Resolver(() => IncidentSearchHit)
export class IncidentSearchResolver {
  // Nullable, as every root field: with this subgraph down, the other root fields of an operation still answer.
  @Query(() => IncidentSearchConnection, {
    nullable: true,
    description:
      "Full-text search over incident titles and summaries (English), best match first among the 1,000 most recent matches (a broader query pages through those; `totalCount` counts every match); no match gives an empty page.",
  })
  async searchIncidents(
    @Args(() => SearchIncidentsArgs) { query, filter, first, after }: SearchIncidentsArgs,
    @Ctx() context: IncidentsContext,
  ): Promise<Connection<IncidentSearchHit>> {
    return context.search.search(query, filter, first, after);
  }
}
