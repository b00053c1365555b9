import "reflect-metadata";
import { Directive, Field, ObjectType } from "type-graphql";
import { DATE_PRECISION_VALUES } from "./date-precisions.js";
import { type EnumValue, registerDescribedEnum } from "./described-enum.js";

export const DatePrecision = registerDescribedEnum(DATE_PRECISION_VALUES, {
  name: "DatePrecision",
  description: "How exactly a date is known. Sources often give only a month, or only a latest possible day.",
  valueDescriptions: {
    DAY: "The day is known.",
    WEEK: "Only the week is known; the date is a day within it (the day the source placed it on).",
    MONTH: "Only the month is known; the date is the first of that month.",
    YEAR: "Only the year is known; the date is the first of January.",
    ON_OR_BEFORE: "The event happened on or before the date (e.g. a capture known only from its announcement).",
  },
});
export type DatePrecision = EnumValue<typeof DatePrecision>;

// Statements and incidents both carry fuzzy dates, so both subgraphs resolve this type.
@Directive("@shareable")
@ObjectType({ description: "A calendar date with how precisely it is known." })
export class FuzzyDate {
  @Field(() => String, { description: "ISO 8601 date (YYYY-MM-DD); for MONTH and YEAR precision the first day of the period; for WEEK a day within the week." })
  date!: string;

  @Field(() => DatePrecision)
  precision!: DatePrecision;

  static of(date: string, precision: DatePrecision | string): FuzzyDate {
    return Object.assign(new FuzzyDate(), { date, precision: precision as DatePrecision });
  }
}
