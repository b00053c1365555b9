// Everything wrong with a document is collected and reported at once, each problem naming
// where it is (file, line, JSON path), so that one run is enough to fix a whole file.
import { formatPath, type ProblemPath } from "../../../platform/graphql/problem-path.js";

export interface DocumentProblem {
  /** The file the problem is in, when the document was read from one. */
  file?: string;
  /** The line of the file: for NDJSON the fragment's line, for JSON syntax errors the error's. */
  line?: number;
  /** A JSON path such as `statements[2].said.date`; empty for the document as a whole. */
  path: string;
  message: string;
}

/** Beyond this many problems the rest are only counted: the first ones show what is wrong. */
export const MAX_REPORTED_PROBLEMS = 100;

export function describeProblem(problem: DocumentProblem): string {
  const place = [problem.file, problem.line].filter((part) => part !== undefined).join(":");
  return [place, problem.path, problem.message].filter(Boolean).join(": ");
}

/** Where a document came from, so that a path inside it can be reported as a place in a file. */
export interface DocumentOrigin {
  locate(path: ProblemPath): Omit<DocumentProblem, "message">;
}

export const IN_MEMORY: DocumentOrigin = {
  locate: (path) => ({ path: formatPath(path) }),
};

export function fileOrigin(file: string, line?: number): DocumentOrigin {
  return { locate: (path) => ({ file, ...(line === undefined ? {} : { line }), path: formatPath(path) }) };
}

export class DocumentError extends Error {
  constructor(
    readonly problems: readonly DocumentProblem[],
    readonly unreportedCount = 0,
  ) {
    const more = unreportedCount > 0 ? `\n  … and ${unreportedCount} more` : "";
    super(
      `the document has ${problems.length + unreportedCount} problem(s):\n${problems.map((problem) => `  - ${describeProblem(problem)}`).join("\n")}${more}`,
    );
    this.name = "DocumentError";
  }
}

/** Reports a problem at a path inside the document being checked. */
export type ReportProblem = (path: ProblemPath, message: string) => void;

/** Collects problems, from one document or from every fragment of a file, and throws them together. */
export class ProblemList {
  private readonly problems: DocumentProblem[] = [];
  private unreportedCount = 0;

  add(problem: DocumentProblem): void {
    if (this.problems.length >= MAX_REPORTED_PROBLEMS) this.unreportedCount += 1;
    else this.problems.push(problem);
  }

  /** A reporter for paths inside a document that came from `origin`. */
  reporterFor(origin: DocumentOrigin): ReportProblem {
    return (path, message) => this.add({ ...origin.locate(path), message });
  }

  get isEmpty(): boolean {
    return this.problems.length === 0;
  }

  throwIfAny(): void {
    if (!this.isEmpty) throw new DocumentError(this.problems, this.unreportedCount);
  }
}
