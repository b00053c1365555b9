import "reflect-metadata";
import { Field, InputType } from "type-graphql";
import { DatePrecision } from "../schema/dates.js";

@InputType({ description: "A date with how precisely it is known." })
export class FuzzyDateInput {
  @Field(() => String, { description: "A day, YYYY-MM-DD; for MONTH or YEAR the first day of the period; for WEEK a day within the week." })
  date!: string;

  @Field(() => DatePrecision, {
    defaultValue: DatePrecision.DAY,
    description: "DAY (the default); WEEK, MONTH or YEAR; ON_OR_BEFORE when it is only known to have happened by then.",
  })
  precision!: DatePrecision;
}
