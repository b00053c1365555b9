// Checks a value against a zod schema of the document format, reporting every problem at its
// JSON path in words that name the value found. Whole documents (ingest/documents/) and the
// one-entity documents a mutation's input is checked as (kit/curation/) are checked alike.
import type { z } from "zod";
import type { ReportProblem } from "./problems.js";

/** The value as `schema` gives it when it has its shape; otherwise reports why and returns undefined. */
export function checkShape<Schema extends z.ZodType>(schema: Schema, value: unknown, report: ReportProblem): z.output<Schema> | undefined {
  const result = schema.safeParse(value, { error: readableMessage });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment));
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) report([...path, key], "is not a field here");
    } else {
      report(path, issue.message);
    }
  }
  return undefined;
}

// Zod's default messages ("Invalid option: expected one of …") name neither the value found
// nor, for missing fields, that the field is missing; these do.
const readableMessage: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value")) return "is required";
  switch (issue.code) {
    case "invalid_type":
      return `must be ${issue.expected} (got ${describeValue(issue.input)})`;
    case "invalid_value":
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])} (got ${describeValue(issue.input)})`
        : `must be one of ${issue.values.join(", ")} (got ${describeValue(issue.input)})`;
    case "too_small":
      return issue.origin === "number"
        ? `must be ${issue.inclusive ? "at least" : "more than"} ${issue.minimum} (got ${describeValue(issue.input)})`
        : undefined;
    case "too_big":
      return issue.origin === "number"
        ? `must be ${issue.inclusive ? "at most" : "less than"} ${issue.maximum} (got ${describeValue(issue.input)})`
        : undefined;
    default:
      return undefined;
  }
};

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return JSON.stringify(value);
}
