// Mutation inputs are checked by the Meridian document checks (ingest/documents/): an input is
// written as a one-entity document, and every problem found at `actors[0].aliases[2].scheme`
// is reported at the argument path `input.aliases[2].scheme`. One error is thrown with all
// of them, so that a front-end can mark every bad field at once.
import { GraphQLError } from "graphql";
import { DOCUMENT_FORMAT, type EntityList, type MeridianDocument } from "../../../ingest/documents/document.schema.js";
import { checkDocumentShape } from "../../../ingest/documents/parse-document.js";
import { formatPath, type ProblemPath, type ReportProblem } from "../records/problems.js";

export interface InputProblem {
  /** e.g. "input.aliases[2].scheme" */
  argumentName: string;
  message: string;
}

export class InputProblems {
  private readonly problems: InputProblem[] = [];

  /** Reports a problem at a path of the arguments, e.g. ["input", "aliases", 2, "scheme"]. */
  add(path: ProblemPath, message: string): void {
    this.problems.push({ argumentName: formatPath(path), message });
  }

  /** A reporter for paths inside a one-entity document, placing them under `argumentName`. */
  inDocument(argumentName: string): ReportProblem {
    // Document paths start with the entity's list and index ("actors", 0).
    return (path, message) => this.add([argumentName, ...path.slice(2)], message);
  }

  get isEmpty(): boolean {
    return this.problems.length === 0;
  }

  /** One BAD_USER_INPUT error naming the first problem and listing all, or undefined when there is none. */
  error(): GraphQLError | undefined {
    if (this.isEmpty) return undefined;
    const [first] = this.problems;
    const more = this.problems.length > 1 ? ` (and ${this.problems.length - 1} more problem(s), see extensions.problems)` : "";
    return new GraphQLError(`Argument "${first!.argumentName}": ${first!.message}${more}`, {
      extensions: { code: "BAD_USER_INPUT", argumentName: first!.argumentName, field: first!.argumentName, problems: this.problems },
    });
  }

  throwIfAny(): void {
    const error = this.error();
    if (error) throw error;
  }
}

/** Throws a BAD_USER_INPUT error for one argument. */
export function rejectArgument(path: ProblemPath, message: string): never {
  const problems = new InputProblems();
  problems.add(path, message);
  problems.throwIfAny();
  throw new Error("unreachable");
}

/**
 * The input as a document holding just it, checked against the document schema; problems are
 * reported under `argumentName`. Undefined when it has any.
 */
export function checkedEntityDocument(list: EntityList, entity: Record<string, unknown>, problems: InputProblems, argumentName = "input"): MeridianDocument | undefined {
  return checkDocumentShape({ format: DOCUMENT_FORMAT, [list]: [withoutUndefined(entity)] }, problems.inDocument(argumentName));
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
