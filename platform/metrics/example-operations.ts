import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { GraphQLError, Kind, type OperationDefinitionNode, parse } from "graphql";

/** Where the example operations live: one named operation per `.graphql` file. */
export const EXAMPLES_DIRECTORY = fileURLToPath(new URL("../../examples/", import.meta.url));

/** The file every explorer opens on. */
const FIRST_EXAMPLE = "seed-story.graphql";

export interface ExampleOperation {
  /** The operation's name, e.g. "SeedStory". */
  name: string;
  /** The file's name, e.g. "seed-story.graphql". */
  file: string;
  /** The file's text, comments included, as an explorer shows it. */
  source: string;
}

/** The operation name a file must hold: "seed-story.graphql" holds SeedStory. */
export function operationNameForFile(file: string): string {
  return file
    .replace(/\.graphql$/, "")
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/**
 * The example operations: the seed story first, then the others by file name. A file that
 * does not hold exactly one operation, named after the file, is an error naming the file.
 */
export function readExamples(directory = EXAMPLES_DIRECTORY, folderName = "examples"): ExampleOperation[] {
  const files = readdirSync(directory)
    .filter((file) => file.endsWith(".graphql"))
    .sort((a, b) => Number(b === FIRST_EXAMPLE) - Number(a === FIRST_EXAMPLE) || a.localeCompare(b));
  return files.map((file) => {
    const source = readFileSync(`${directory}/${file}`, "utf8");
    const operations = parseExample(`${folderName}/${file}`, source).definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    const expected = operationNameForFile(file);
    if (operations.length !== 1 || operations[0].name?.value !== expected) {
      const found = operations.map((operation) => operation.name?.value ?? "(anonymous)").join(", ") || "none";
      throw new Error(`${folderName}/${file}: must hold exactly one operation, named ${expected}; found ${found}`);
    }
    return { name: expected, file, source };
  });
}

function parseExample(path: string, source: string) {
  try {
    return parse(source);
  } catch (error) {
    const where = error instanceof GraphQLError && error.locations?.[0] ? `:${error.locations[0].line}:${error.locations[0].column}` : "";
    throw new Error(`${path}${where}: ${(error as Error).message}`);
  }
}

/** Every example in one document, the seed story first, for an explorer that takes a single document. */
export function examplesDocument(examples: ExampleOperation[] = readExamples()): string {
  return `${examples.map((example) => example.source.trimEnd()).join("\n\n")}\n`;
}
