// npm run codegen: TypeScript types and typed documents for the example operations
// (examples/*.graphql) and the web client's own (clients/web/src/*.graphql), checked against
// the API schema the gateway serves.
import type { CodegenConfig } from "@graphql-codegen/cli";

export const GENERATED_DIRECTORY = "clients/generated/";

const config: CodegenConfig = {
  schema: "gateway/api-schema.graphql",
  documents: ["examples/*.graphql", "clients/web/src/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    [GENERATED_DIRECTORY]: {
      preset: "client",
      // The examples have no fragments to mask; plain result types are easier to use.
      presetConfig: { fragmentMasking: false },
      // emitLegacyCommonJSImports false: ".js" in relative imports, as Node resolves ES modules.
      config: { useTypeImports: true, enumsAsTypes: true, emitLegacyCommonJSImports: false },
    },
  },
};

export default config;
