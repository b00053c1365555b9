import "reflect-metadata";
import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";

export enum DatePrecision {
  DAY = "DAY",
  MONTH = "MONTH",
  YEAR = "YEAR",
  ON_OR_BEFORE = "ON_OR_BEFORE",
}

registerEnumType(DatePrecision, {
  name: "DatePrecision",
  description: "How exactly a date is known. Sources often give only a month, or only a latest possible day.",
  valuesConfig: {
    DAY: { description: "The day is known." },
    MONTH: { description: "Only the month is known; the date is the first of that month." },
    YEAR: { description: "Only the year is known; the date is the first of January." },
    ON_OR_BEFORE: { description: "The event happened on or before the date (e.g. a capture known only from its announcement)." },
  },
});

// Statements and incidents both carry fuzzy dates, so both subgraphs resolve this type.
@Directive("@shareable")
@ObjectType({ description: "A calendar date with how precisely it is known." })
export class FuzzyDate {
  @Field(() => String, { description: "ISO 8601 date (YYYY-MM-DD); for MONTH and YEAR precision the first day of the period." })
  date!: string;

  @Field(() => DatePrecision)
  precision!: DatePrecision;

  static of(date: string, precision: DatePrecision | string): FuzzyDate {
    return Object.assign(new FuzzyDate(), { date, precision: precision as DatePrecision });
  }
}
