// Client types: the committed API schema follows the committed supergraph, and the committed
// output of `npm run codegen` follows the example operations and that schema.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import config, { GENERATED_DIRECTORY } from "../../clients/codegen.js";
import { parse, print } from "graphql";
import * as generated from "../../clients/generated/graphql.js";
import { API_SCHEMA_PATH, printApiSchema } from "../../gateway/api-schema.js";
import { readExamples } from "../../platform/metrics/example-operations.js";
import { readSupergraph } from "../../gateway/supergraph.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("client types", () => {
  it("gateway/api-schema.graphql is the committed supergraph's API schema (run `npm run compose`)", () => {
    expect(readFileSync(API_SCHEMA_PATH, "utf8")).toBe(printApiSchema(readSupergraph()));
  });

  it("clients/generated/ is what `npm run codegen` generates now (run it after changing an example or the schema)", async () => {
    const outputs = await generate({ ...config, cwd: root, silent: true }, false);
    const fresh = Object.fromEntries(
      outputs.map((output: { filename: string; content: string }) => [output.filename.replace(/^.*clients\/generated\//, ""), output.content]),
    );
    const directory = join(root, GENERATED_DIRECTORY);
    const committed = Object.fromEntries(readdirSync(directory).map((file) => [file, readFileSync(join(directory, file), "utf8")]));
    expect(Object.keys(committed).sort()).toEqual(Object.keys(fresh).sort());
    for (const file of Object.keys(fresh)) expect({ file, content: committed[file] }).toEqual({ file, content: fresh[file] });
  });

  it.each(readExamples().map((example) => [example.file, example] as const))("gives %s a typed document holding its operation", (_file, example) => {
    const document = (generated as Record<string, unknown>)[`${example.name}Document`];
    expect(document, `clients/generated/graphql.ts exports no ${example.name}Document`).toBeDefined();
    expect(print(document as Parameters<typeof print>[0])).toBe(print(parse(example.source)));
  });
});
