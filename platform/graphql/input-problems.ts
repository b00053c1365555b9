// Problems with the arguments of a request, each at its path (`input.aliases[2].scheme`),
// thrown as one BAD_USER_INPUT error that lists all of them, so that a front-end can mark
// every bad field at once. The check of every argument's strings (input-strings.ts) and the
// subgraphs' mutations (services/kit/curation/) report through it.
import { GraphQLError } from "graphql";
import { formatPath, type ProblemPath } from "./problem-path.js";

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
