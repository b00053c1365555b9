// Mutation inputs are checked by the Meridian document checks: an input is written as a
// one-entity document of its subgraph's lists (services/<name>/writes/*.document.ts), and
// every problem found at `actors[0].aliases[2].scheme` is reported at the argument path
// `input.aliases[2].scheme`.
import type { z } from "zod";
import type { InputProblems } from "../../../platform/graphql/input-problems.js";
import { checkShape } from "../records/check-shape.js";
import type { ReportProblem } from "../records/problems.js";

/** A reporter for paths inside a one-entity document, placing them under `argumentName`. */
export function documentReporter(problems: InputProblems, argumentName: string): ReportProblem {
  // Document paths start with the entity's list and index ("actors", 0).
  return (path, message) => problems.add([argumentName, ...path.slice(2)], message);
}

/**
 * The input as a document holding just it in `list`, checked against `lists` (the lists of
 * the subgraph's part of the document); problems are reported under `argumentName`.
 * Undefined when it has any.
 */
export function checkedEntityDocument<Lists extends z.ZodObject>(
  lists: Lists,
  list: keyof Lists["shape"] & string,
  entity: Record<string, unknown>,
  problems: InputProblems,
  argumentName = "input",
): z.output<Lists> | undefined {
  return checkShape(lists, { [list]: [withoutUndefined(entity)] }, documentReporter(problems, argumentName));
}

// type-graphql leaves fields the client did not send as undefined properties; the document
// schema is strict about unknown keys but not about undefined values, and null means "none".
function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([key, field]) => [key, plain(field)]),
  );
}

function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") return withoutUndefined(value as Record<string, unknown>);
  return value;
}
