import "reflect-metadata";
import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "Conditions a statement must meet; all given conditions apply." })
export class StatementFilter {
  @Field(() => ID, { nullable: true, description: "Only statements by this actor." })
  speaker?: string | null;

  @Field(() => String, { nullable: true, description: "Said on or after this day (YYYY-MM-DD)." })
  saidFrom?: string | null;

  @Field(() => String, { nullable: true, description: "Said on or before this day (YYYY-MM-DD)." })
  saidTo?: string | null;
}
