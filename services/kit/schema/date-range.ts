import "reflect-metadata";
import { Field, InputType } from "type-graphql";
import { isIsoDate } from "./iso-date.js";
import { badUserInput } from "./errors.js";

@InputType({ description: "A range of days; both ends are inclusive and optional." })
export class DateRange {
  @Field(() => String, { nullable: true, description: "First day (YYYY-MM-DD)." })
  from?: string | null;

  @Field(() => String, { nullable: true, description: "Last day (YYYY-MM-DD)." })
  to?: string | null;
}

/** Checks a from/to pair of ISO dates given as arguments; both ends are optional and inclusive. */
export function checkDateRange(from: string | null | undefined, to: string | null | undefined, names: { from: string; to: string }): void {
  if (from && !isIsoDate(from)) throw badUserInput(names.from, `"${from}" is not a date (YYYY-MM-DD)`);
  if (to && !isIsoDate(to)) throw badUserInput(names.to, `"${to}" is not a date (YYYY-MM-DD)`);
  if (from && to && from > to) throw badUserInput(names.from, `the range starts (${from}) after it ends (${to})`);
}

/** Checks a DateRange argument, naming its ends as `<argumentName>.from` and `.to`. */
export function checkDateRangeInput(argumentName: string, range: DateRange | null | undefined): void {
  checkDateRange(range?.from, range?.to, { from: `${argumentName}.from`, to: `${argumentName}.to` });
}
