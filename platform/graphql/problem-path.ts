// Where a problem is inside an argument or a document, as keys and indexes, and the name a
// client or a data team reads for it.

export type ProblemPath = readonly (string | number)[];

/** `["statements", 2, "said", "date"]` → `statements[2].said.date`. */
export function formatPath(path: ProblemPath): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === "number") return `${text}[${segment}]`;
    return text ? `${text}.${segment}` : segment;
  }, "");
}
