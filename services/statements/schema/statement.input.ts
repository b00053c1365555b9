import "reflect-metadata";
import { Field, ID, InputType } from "type-graphql";
import { DateRange } from "../../kit/schema/date-range.js";
import { SortOrder } from "../../kit/pages/sort-order.js";
import { StanceKind, StatementSortField } from "./statement.enums.js";

@InputType({ description: "Conditions a statement must meet; all given conditions apply." })
export class StatementFilter {
  @Field(() => ID, { nullable: true, description: "Said by this actor." })
  speaker?: string | null;

  @Field(() => ID, { nullable: true, description: "Said on behalf of this actor (a spokesperson's ministry)." })
  onBehalfOf?: string | null;

  @Field(() => DateRange, { nullable: true, description: "Said within these days (`saidAt.date`)." })
  said?: DateRange | null;

  @Field(() => StanceKind, {
    nullable: true,
    description: "Taking this stance on some claim; with `claim`, taking this stance on that claim.",
  })
  stance?: StanceKind | null;

  @Field(() => ID, { nullable: true, description: "Taking a stance on this claim; with `stance`, that stance." })
  claim?: string | null;

  @Field(() => String, { nullable: true, description: 'In this language, as a BCP 47 tag exactly as stored ("en", "zh").' })
  language?: string | null;

  @Field(() => ID, { nullable: true, description: "Reported by this source." })
  source?: string | null;

  @Field(() => ID, { nullable: true, description: "Answering this statement." })
  respondsTo?: string | null;
}

@InputType({ description: "The order of a list of statements." })
export class StatementSort {
  @Field(() => StatementSortField, { defaultValue: StatementSortField.SAID_AT, description: "What to sort by." })
  by: StatementSortField = StatementSortField.SAID_AT;

  @Field(() => SortOrder, { defaultValue: SortOrder.ASC, description: "Which way: ASC oldest first, DESC newest first." })
  order: SortOrder = SortOrder.ASC;
}
