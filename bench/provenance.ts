// The first lines of every results file: the commit its figures were measured on, and any
// change to tracked files beside it, so that a figure is never read against other code.
import { execFileSync } from "node:child_process";

const projectRoot = new URL("..", import.meta.url).pathname;

/** The results files themselves: rewriting them changes nothing that is measured. */
const RESULTS_FILES = /^bench\/([A-Za-z-]*RESULTS|LEVERS|SOAK)\.md$/;

/** git's output as it printed it: a porcelain line's first column may be a space. */
function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: projectRoot, encoding: "utf8" });
}

/**
 * "Measured on commit <hash> …", saying which tracked files differed from it, if any. Take it
 * when the benchmark starts: by the time it ends, the checkout may have moved on.
 */
export function commitLine(): string {
  const head = git("rev-parse", "HEAD").trim();
  const changed = git("status", "--porcelain", "--untracked-files=no")
    .split("\n")
    .filter(Boolean)
    .map((line) => line.slice(3))
    .filter((path) => !RESULTS_FILES.test(path));
  return changed.length === 0
    ? `Measured on commit \`${head}\` (no uncommitted changes).`
    : `Measured on commit \`${head}\` **with uncommitted changes** to ${changed.map((path) => `\`${path}\``).join(", ")}: these figures are not that commit's.`;
}
