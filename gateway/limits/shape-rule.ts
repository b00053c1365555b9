import { type ASTVisitor, Kind, type ValidationContext, type ValidationRule } from "graphql";
import { operationAliasCount } from "./aliases.js";
import { operationDepth } from "./depth.js";
import { mostDirectivesOnOneNode } from "./directives.js";
import type { OperationLimits } from "../../platform/config/gateway-defaults.js";
import { limitExceeded } from "./operation-limits.js";
import { rootFieldCount } from "./root-fields.js";

/**
 * The limits that depend on the document alone, as a validation rule: it reports on entering
 * the document, so its refusal comes first among the errors, and Apollo caches a document
 * that passed. Each operation in the document is checked, whichever one the request names.
 */
export function operationShapeRule(limits: OperationLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const directives = mostDirectivesOnOneNode(document);
      if (directives.count > limits.maxDirectivesPerField) {
        context.reportError(
          limitExceeded(
            "TOO_MANY_DIRECTIVES",
            `${directives.on} carries ${directives.count} directives; at most ${limits.maxDirectivesPerField} are allowed.`,
            limits.maxDirectivesPerField,
            directives.count,
          ),
        );
      }
      for (const operation of document.definitions) {
        if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
        const name = operation.name ? `Operation "${operation.name.value}"` : "The operation";
        const depth = operationDepth(document, operation);
        if (depth > limits.maxDepth) {
          context.reportError(
            limitExceeded("OPERATION_TOO_DEEP", `${name} nests fields ${depth} levels deep; at most ${limits.maxDepth} are allowed.`, limits.maxDepth, depth),
          );
        }
        const aliases = operationAliasCount(document, operation);
        if (aliases > limits.maxAliases) {
          context.reportError(
            limitExceeded("TOO_MANY_ALIASES", `${name} uses ${aliases} aliases; at most ${limits.maxAliases} are allowed.`, limits.maxAliases, aliases),
          );
        }
        const rootFields = rootFieldCount(document, operation);
        if (rootFields > limits.maxRootFields) {
          context.reportError(
            limitExceeded(
              "TOO_MANY_ROOT_FIELDS",
              `${name} selects ${rootFields} top-level fields; at most ${limits.maxRootFields} are allowed.`,
              limits.maxRootFields,
              rootFields,
            ),
          );
        }
      }
    },
  });
}
