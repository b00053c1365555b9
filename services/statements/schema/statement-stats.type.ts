import "reflect-metadata";
import { Field, Int, ObjectType } from "type-graphql";
import { ActorReference } from "./references.type.js";
import { StanceKind } from "./statement.enums.js";

@ObjectType({ description: "A group of statements in `statementStats`, and how many there are." })
export class StatementBucket {
  @Field(() => String, {
    nullable: true,
    description:
      "What the bucket stands for, unique within one answer: the month's first day (MONTH, e.g. \"2025-04-01\"), the speaker's ID (SPEAKER) or the stance (STANCE). Null for the one bucket of the statements that have none (STANCE: no stance taken), so that every statement counted is in a bucket (for STANCE, once per stance it takes).",
  })
  key!: string | null;

  @Field(() => String, { nullable: true, description: "MONTH: the first day of the month (YYYY-MM-DD)." })
  start!: string | null;

  @Field(() => ActorReference, { nullable: true, description: "SPEAKER: who said the statements." })
  speaker!: ActorReference | null;

  @Field(() => StanceKind, { nullable: true, description: "STANCE: the stance the statements take." })
  stance!: StanceKind | null;

  @Field(() => Int, { description: "How many statements." })
  count!: number;
}
