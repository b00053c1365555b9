// The persisted operation manifest of the example operations, in Apollo's manifest format,
// with each body exactly as Apollo Client sends it (its cache adds `__typename` to every
// selection set), so Apollo Client's persisted-query IDs are the manifest's IDs.
import { addTypenameToDocument } from "@apollo/client/utilities";
import { Kind, type OperationDefinitionNode, parse, print } from "graphql";
import { fileURLToPath } from "node:url";
import { type ExampleOperation, readExamples } from "../platform/metrics/example-operations.js";
import { type PersistedOperationManifest, sha256 } from "../gateway/persisted-operations.js";

/** The reference web client's own operations (clients/web/src/*.graphql), one per file like the examples. */
export const WEB_CLIENT_OPERATIONS_DIRECTORY = fileURLToPath(new URL("./web/src/", import.meta.url));

/** What the safelist holds: the examples, and the web client's operations so the model client runs in production too. */
export function safelistedOperations(): ExampleOperation[] {
  return [...readExamples(), ...readExamples(WEB_CLIENT_OPERATIONS_DIRECTORY, "clients/web/src")];
}

export function buildManifest(examples: ExampleOperation[]): PersistedOperationManifest {
  const operations = examples.map((example) => {
    const document = addTypenameToDocument(parse(example.source));
    const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
    const body = print(document);
    return { id: sha256(body), name: example.name, type: operation.operation, body };
  });
  return { format: "apollo-persisted-query-manifest", version: 1, operations };
}

export const printManifest = (manifest: PersistedOperationManifest) => `${JSON.stringify(manifest, null, 2)}\n`;
